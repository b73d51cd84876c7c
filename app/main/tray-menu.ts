/** The right-click menu: every action, because on many Linux panels a left click never reaches us. */
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayMenuState {
  readonly paused: boolean;
  readonly launchAtLogin: boolean;
  readonly demo: boolean;
}

export interface TrayMenuActions {
  open(): void;
  refresh(): void;
  settings(): void;
  pause(hours: number | null): void;
  toggleLaunchAtLogin(enabled: boolean): void;
  quit(): void;
}

export function trayMenuTemplate(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Open Spendbar', click: () => actions.open() },
    { label: 'Refresh now', click: () => actions.refresh() },
    { label: 'Settings…', click: () => actions.settings() },
    { type: 'separator' },
    state.paused
      ? { label: 'Resume notifications', click: () => actions.pause(null) }
      : {
          label: 'Pause notifications',
          submenu: [
            { label: 'For 1 hour', click: () => actions.pause(1) },
            { label: 'For 24 hours', click: () => actions.pause(24) },
          ],
        },
    {
      label: 'Launch at login',
      type: 'checkbox',
      checked: state.launchAtLogin,
      click: (item) => actions.toggleLaunchAtLogin(item.checked),
    },
    { type: 'separator' },
    {
      label: state.demo ? 'Quit Spendbar (demo)' : 'Quit Spendbar',
      accelerator: 'CommandOrControl+Q',
      click: () => actions.quit(),
    },
  ];
}
