/**
 * The application menu of packaged builds. Electron's default menu carries Reload, Force Reload
 * and Toggle Developer Tools (docs/api/menu.md, "Default menu"), and Cmd+W (the `close` role) would
 * close the popover. Ours keeps only the Edit roles, so paste still works in the key field, and
 * Quit on macOS. Menu roles: docs/api/menu-item.md.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  if (platform !== 'darwin') return [edit];
  return [{ label: 'Spendbar', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }] }, edit];
}
