/**
 * The desktop shell against the strict Electron fake, one platform at a time: what a user sees
 * when they click the tray icon, close the popover, or run on Wayland.
 */
import { describe, expect, it } from 'vitest';
import { openOnRelaunch } from '../../../app/main/app-events.ts';
import { appMenuTemplate } from '../../../app/main/app-menu.ts';
import type { DisplayArea } from '../../../app/main/popover-position.ts';
import { PopoverWindow, isWayland, popoverWindowOptions } from '../../../app/main/popover-window.ts';
import { wireTrayClicks } from '../../../app/main/tray-clicks.ts';
import { FakeApp, FakeScreen, FakeTray, FakeWindow, type FakeMenu, type FakePlatform } from '../../helpers/electron-fake.ts';

const display = (x: number, y: number, w: number, h: number, work: [number, number, number, number]): DisplayArea => ({
  bounds: { x, y, width: w, height: h },
  workArea: { x: work[0], y: work[1], width: work[2], height: work[3] },
});
const macScreen = display(0, 0, 1440, 900, [0, 25, 1440, 875]);
const winScreen = display(0, 0, 1920, 1080, [0, 0, 1920, 1040]);
const MENU: FakeMenu = { id: 'tray menu' };

/** A tray, a popover window and the wiring index.ts does, on one platform. */
function shell(platform: FakePlatform, options: { wayland?: boolean; clock?: { now: number } } = {}) {
  const window = new FakeWindow({ platform, wayland: options.wayland ?? false });
  const tray = new FakeTray(platform, [window]);
  const clock = options.clock ?? { now: 1_000 };
  const popover = new PopoverWindow(window, new FakeScreen([platform === 'win32' ? winScreen : macScreen]), () => undefined, {
    platform,
    wayland: options.wayland ?? false,
    now: () => clock.now,
  });
  const clicks = wireTrayClicks(tray, platform, (bounds) => popover.toggle(bounds));
  clicks.setMenu(MENU);
  return { window, tray, popover, clock };
}

describe('tray clicks on each OS', () => {
  it('macOS: a left click opens the popover only; the menu comes on a right click', () => {
    const { window, tray } = shell('darwin');
    tray.press('left', { x: 1200, y: 0, width: 22, height: 24 });
    expect(window.visible).toBe(true);
    expect(tray.menusShown).toEqual([]); // a context menu set with setContextMenu would pop here too
    tray.press('right');
    expect(tray.menusShown).toEqual([MENU]);
  });

  it('Windows: right click pops the menu, left click toggles the popover', () => {
    const { window, tray, clock } = shell('win32');
    tray.press('right');
    expect(tray.menusShown).toEqual([MENU]);
    expect(window.visible).toBe(false);
    clock.now += 5_000;
    tray.press('left', { x: 1880, y: 1048, width: 24, height: 24 });
    expect(window.visible).toBe(true);
  });

  it('Linux: the menu is the context menu (the only reliable interaction); an activation toggles', () => {
    const { window, tray } = shell('linux');
    tray.press('right');
    expect(tray.menusShown).toEqual([MENU]);
    tray.press('left');
    expect(window.visible).toBe(true);
  });

  it('Windows: clicking the icon while the popover is open closes it (blur comes first, then the click)', () => {
    const { window, tray, clock } = shell('win32');
    tray.press('left', { x: 1880, y: 1048, width: 24, height: 24 });
    expect(window.visible).toBe(true);
    clock.now += 2_000;
    tray.press('left', { x: 1880, y: 1048, width: 24, height: 24 }); // blur hides, then click arrives
    expect(window.visible).toBe(false);
    clock.now += 2_000;
    tray.press('left', { x: 1880, y: 1048, width: 24, height: 24 });
    expect(window.visible).toBe(true);
  });
});

describe('closing the popover', () => {
  it('Cmd+W / Alt+F4 hides the window instead of destroying it; it opens again later', () => {
    const { window, popover } = shell('darwin');
    popover.open({ x: 1200, y: 0, width: 22, height: 24 });
    window.userClose();
    expect(window.isDestroyed()).toBe(false);
    expect(window.visible).toBe(false);
    expect(() => popover.open({ x: 1200, y: 0, width: 22, height: 24 })).not.toThrow();
    expect(window.visible).toBe(true);
  });

  it('when quitting the window closes for real, and later calls do not throw "Object has been destroyed"', () => {
    const { window, popover } = shell('win32');
    popover.allowClose();
    window.userClose();
    expect(window.isDestroyed()).toBe(true);
    expect(() => window.show()).toThrow('Object has been destroyed');
    expect(() => popover.toggle()).not.toThrow();
    expect(() => popover.fitContent(600)).not.toThrow();
  });

  it('packaged builds: no reload or DevTools in the menu, no Cmd+W, but paste works in the key field', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = JSON.stringify(appMenuTemplate(platform));
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'close', 'viewMenu', 'windowMenu'])
        expect(roles).not.toContain(`"role":"${role}"`);
      for (const role of ['paste', 'copy', 'cut', 'selectAll', 'undo']) expect(roles).toContain(`"role":"${role}"`);
    }
  });
});

describe('Wayland', () => {
  it('is detected from the session, unless Electron is told to use X11', () => {
    expect(isWayland('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWayland('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWayland('linux', { XDG_SESSION_TYPE: 'wayland', ELECTRON_OZONE_PLATFORM_HINT: 'x11' })).toBe(false);
    expect(isWayland('linux', { XDG_SESSION_TYPE: 'x11' })).toBe(false);
    expect(isWayland('darwin', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
  });

  it('the popover is a normal window with a title bar and close button, placed by the compositor', () => {
    const options = popoverWindowOptions({ platform: 'linux', wayland: true });
    expect(options).toMatchObject({ frame: true, movable: true, skipTaskbar: false, center: true });
    expect(options.alwaysOnTop).toBeUndefined(); // ignored there anyway
    expect(popoverWindowOptions({ platform: 'win32', wayland: false })).toMatchObject({ frame: false, alwaysOnTop: true });
  });

  it('focus never moves, so blur never hides it: the tray click and Esc (close-popover) do', () => {
    const { window, tray, popover } = shell('linux', { wayland: true });
    tray.press('left');
    expect(window.visible).toBe(true);
    expect(window.getPosition()).toEqual([0, 0]); // placement refused, nothing pretended
    window.loseFocus();
    expect(window.visible).toBe(true);
    popover.hide(); // what the renderer's Esc and close control ask for (spendbar:close-popover)
    expect(window.visible).toBe(false);
    tray.press('left');
    expect(window.visible).toBe(true);
  });
});

describe('macOS Spaces and relaunch', () => {
  it('while shown, the popover is on every Space and over full-screen apps; hidden, it lets go', () => {
    const { window, popover } = shell('darwin');
    popover.open({ x: 1200, y: 0, width: 22, height: 24 });
    expect(window.onAllWorkspaces).toEqual({ visible: true, fullScreen: true });
    popover.hide();
    expect(window.onAllWorkspaces).toEqual({ visible: false, fullScreen: false });
  });

  it('launching the app again from Finder or Spotlight (activate) or a second instance opens the popover', () => {
    const app = new FakeApp('darwin');
    let opened = 0;
    openOnRelaunch(app, () => opened++);
    app.emit('activate');
    app.emit('second-instance');
    expect(opened).toBe(2);
  });
});
