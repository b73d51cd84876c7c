/**
 * Which click does what, per OS. macOS and Windows: a left click toggles the popover and a right
 * click pops the menu. A tray with `setContextMenu` on macOS pops that menu on mouse-down and still
 * emits `click` (electron/electron#24200), so the popover and the menu would open together; we
 * never set it there and pop the menu ourselves (`popUpContextMenu` is macOS/Windows only, d.ts).
 * Linux: `setContextMenu` is the only reliable interaction (many panels keep the left click to
 * open the menu themselves, and there is no right-click event), and `click` toggles where it comes.
 */
import type { Rectangle } from 'electron';

export interface TrayClicksLike {
  on(event: 'click', listener: (event: unknown, bounds: Rectangle) => void): unknown;
  on(event: 'right-click', listener: (event: unknown, bounds: Rectangle) => void): unknown;
}

export interface TrayMenuHost<M> extends TrayClicksLike {
  setContextMenu(menu: M | null): void;
  popUpContextMenu(menu?: M): void;
}

export interface TrayClicks<M> {
  /** Call with each new menu (state changed): Linux needs setContextMenu again after every change. */
  setMenu(menu: M): void;
}

export function wireTrayClicks<M>(
  tray: TrayMenuHost<M>,
  platform: NodeJS.Platform,
  toggle: (bounds: Rectangle | undefined) => void,
): TrayClicks<M> {
  let current: M | undefined;
  // Bounds from the click event are right where getBounds() is not (macOS right after creation, Windows).
  tray.on('click', (_event, bounds) => toggle(bounds));
  if (platform === 'darwin' || platform === 'win32') {
    tray.on('right-click', () => {
      if (current) tray.popUpContextMenu(current);
    });
  }
  return {
    setMenu: (menu) => {
      current = menu;
      if (platform !== 'darwin' && platform !== 'win32') tray.setContextMenu(menu);
    },
  };
}
