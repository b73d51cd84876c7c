/**
 * One typed fake of the Electron APIs the glue uses — the only fake in the suite, because Electron
 * cannot run here. Each class implements the Electron type it stands for (or the glue's `…Like`
 * slice of it), so a change in electron.d.ts that the glue depends on breaks compilation here.
 *
 * It is written to be as strict as Electron 45, not kinder: every behaviour below that differs
 * between platforms or surprises people names the document or source it comes from. "d.ts" means
 * node_modules/electron/electron.d.ts of electron@45.4.1, generated from Electron's docs/api.
 */
import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { NativeImage, NotificationConstructorOptions, Point, Rectangle, Tray } from 'electron';
import type { NotificationLike } from '../../app/main/notifier.ts';
import type { DisplayArea } from '../../app/main/popover-position.ts';
import type { ScreenLike, WindowLike } from '../../app/main/popover-window.ts';
import type { ContentsLike } from '../../app/main/security.ts';
import type { StartupApp } from '../../app/main/startup.ts';
import type { PowerMonitorLike } from '../../app/main/system-events.ts';
import type { TrayClicksLike } from '../../app/main/tray-clicks.ts';

export type FakePlatform = 'darwin' | 'win32' | 'linux';

/** d.ts `isDestroyed()`: "accessing most of its other properties and methods throws `Object has been destroyed`". */
const destroyedError = () => new TypeError('Object has been destroyed');

// --- app, dialog -----------------------------------------------------------------------------

/** A stand-in for `app` and `dialog.showErrorBox`: start-up, login items, events. */
export class FakeApp extends EventEmitter implements StartupApp {
  exitCode: number | undefined;
  quitCalls = 0;
  /** Whether this process still holds the single-instance lock (released when it exits). */
  holdsLock = true;
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  private loginItem = { openAtLogin: false };
  constructor(readonly platform: FakePlatform = 'darwin') {
    super();
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  /** `app.exit` quits at once, without `before-quit`, and the process lets go of its lock. */
  exit(exitCode = 0): void {
    this.exitCode = exitCode;
    this.holdsLock = false;
  }
  quit(): void {
    this.quitCalls++;
  }
  /** dialog.showErrorBox: "This API can be called safely before the ready event" (docs/api/dialog.md). */
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
  /** d.ts: `setLoginItemSettings` is `@platform darwin,win32`; on Linux it does nothing (electron/electron#15198). */
  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    if (this.platform === 'linux') return;
    this.loginItem = { openAtLogin: settings.openAtLogin ?? false };
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return this.platform === 'linux' ? { openAtLogin: false } : { ...this.loginItem };
  }
}

// --- tray ------------------------------------------------------------------------------------

export interface FakeMenu {
  readonly id: string;
}

/**
 * The tray icon as each OS delivers clicks:
 * - macOS with a context menu: the menu pops on mouse-down *and* `click` is still emitted
 *   (electron/electron#24200, "emitting click events on mouseDown when a menu controller has been set").
 * - Windows: pressing the icon gives the taskbar focus first, so a focused window gets `blur`
 *   before the tray's `click` (max-mapper/menubar#274); with a context menu set, a right click
 *   shows it and emits no `right-click` (electron/electron#2462).
 * - Linux: `click` "is emitted when the tray icon receives an activation"; right-click and
 *   `popUpContextMenu` do not exist there (d.ts: `popUpContextMenu` is `@platform darwin,win32`).
 */
export class FakeTray extends EventEmitter implements Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle'>, TrayClicksLike {
  readonly calls: Array<[string, unknown]> = [];
  /** Menus the user saw, in order. */
  readonly menusShown: FakeMenu[] = [];
  private contextMenu: FakeMenu | null = null;
  constructor(
    readonly platform: FakePlatform = 'darwin',
    private readonly focusable: FakeWindow[] = [],
  ) {
    super();
  }
  setImage(image: NativeImage | string): void {
    this.calls.push(['setImage', (image as unknown as { name: string }).name]);
  }
  setToolTip(toolTip: string): void {
    this.calls.push(['setToolTip', toolTip]);
  }
  setTitle(title: string, options?: { fontType?: 'monospaced' | 'monospacedDigit' }): void {
    if (this.platform !== 'darwin') return; // d.ts: setTitle is `@platform darwin`
    this.calls.push(['setTitle', { title, fontType: options?.fontType }]);
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenu = menu;
  }
  popUpContextMenu(menu?: FakeMenu): void {
    if (this.platform === 'linux') return;
    const shown = menu ?? this.contextMenu;
    if (shown) this.menusShown.push(shown);
  }
  /** The user presses and releases a mouse button on the icon. */
  press(button: 'left' | 'right', bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 }): void {
    if (this.platform === 'win32') for (const w of this.focusable) w.loseFocus();
    if (button === 'left') {
      if (this.platform === 'darwin' && this.contextMenu) this.menusShown.push(this.contextMenu);
      this.emit('click', {}, bounds, { x: 0, y: 0 });
      return;
    }
    if (this.platform === 'linux') {
      if (this.contextMenu) this.menusShown.push(this.contextMenu);
      return;
    }
    if (this.contextMenu) {
      this.menusShown.push(this.contextMenu);
      if (this.platform === 'win32') return;
    }
    this.emit('right-click', {}, bounds);
  }
}

/** A stand-in image that says which icon it is. */
export const fakeIcon = (name: string) => ({ name }) as unknown as NativeImage;

// --- notifications -----------------------------------------------------------------------------

/** Node's own collector, for a fake that loses what JavaScript no longer references. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
let gc: (() => void) | undefined;

/**
 * A notification the OS holds only weakly: Electron keeps a weak reference to a main-process
 * Notification, so once JavaScript drops it V8 may collect it and its `click` never fires
 * (electron/electron#16922, #12690: "the notification object is being garbage collected before the
 * click event is emitted"). `failed` is emitted from `show()` when the OS refuses it — d.ts:
 * `failed` is `@platform darwin,win32`; unsigned macOS builds cannot post notifications.
 */
export class FakeNotification extends EventEmitter implements NotificationLike {
  /** What the OS displayed (plain data: the centre holds the objects only weakly). */
  static shown: Array<{ title: string; body: string }> = [];
  /** Set to make `show()` fail as an unsigned macOS build does. */
  static failWith: string | undefined;
  private static centre: Array<WeakRef<FakeNotification>> = [];
  constructor(readonly options: NotificationConstructorOptions) {
    super();
  }
  show(): void {
    if (FakeNotification.failWith) {
      this.emit('failed', {}, FakeNotification.failWith);
      return;
    }
    FakeNotification.shown.push({ title: this.options.title ?? '', body: this.options.body ?? '' });
    FakeNotification.centre.push(new WeakRef(this));
  }
  static reset(): void {
    FakeNotification.shown = [];
    FakeNotification.centre = [];
    FakeNotification.failWith = undefined;
  }
  /** Time passes: V8 collects what nothing references. */
  static async collectGarbage(): Promise<void> {
    gc ??= collector();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  /** The user clicks the newest notification; false when it was collected and the click is lost. */
  static clickNewest(): boolean {
    const notification = FakeNotification.centre.at(-1)?.deref();
    notification?.emit('click', {});
    return notification !== undefined;
  }
  /** The user dismisses the newest notification. */
  static closeNewest(): void {
    FakeNotification.centre.at(-1)?.deref()?.emit('close', {});
  }
}

export class FakePowerMonitor extends EventEmitter implements PowerMonitorLike {}

// --- windows -----------------------------------------------------------------------------------

export interface FakeWindowOptions {
  readonly platform?: FakePlatform;
  /**
   * Linux on Wayland (Electron 38+ uses it by default where available, electron/electron#40886):
   * d.ts — `getPosition` "will return [0, 0]", `setAlwaysOnTop` "Not supported on Wayland", and
   * focus cannot move "without user input" (gravitational/teleport#65314 quoting Electron's docs),
   * so `blur` never comes.
   */
  readonly wayland?: boolean;
}

/**
 * A BrowserWindow. Closing it (Cmd+W, Alt+F4, the window manager) destroys it unless a `close`
 * listener calls preventDefault; after that every method but isDestroyed throws "Object has been
 * destroyed" (d.ts, `isDestroyed`).
 */
export class FakeWindow extends EventEmitter implements WindowLike {
  visible = false;
  focused = false;
  position: [number, number] | undefined;
  size: [number, number] = [360, 520];
  alwaysOnTop = false;
  onAllWorkspaces: { visible: boolean; fullScreen: boolean } = { visible: false, fullScreen: false };
  private destroyed = false;
  constructor(readonly options: FakeWindowOptions = {}) {
    super();
  }
  private live(): void {
    if (this.destroyed) throw destroyedError();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    this.live();
    return this.visible;
  }
  hide(): void {
    this.live();
    this.visible = false;
    this.focused = false;
  }
  show(): void {
    this.live();
    this.visible = true;
  }
  focus(): void {
    this.live();
    if (this.visible) this.focused = true;
  }
  setPosition(x: number, y: number): void {
    this.live();
    if (!this.options.wayland) this.position = [x, y];
  }
  getPosition(): number[] {
    this.live();
    return this.options.wayland ? [0, 0] : [...(this.position ?? [0, 0])];
  }
  setSize(width: number, height: number): void {
    this.live();
    this.size = [width, height];
  }
  setAlwaysOnTop(flag: boolean): void {
    this.live();
    if (!this.options.wayland) this.alwaysOnTop = flag;
  }
  /** d.ts: `@platform darwin,linux` (Windows has no workspaces to follow). */
  setVisibleOnAllWorkspaces(visible: boolean, options?: { visibleOnFullScreen?: boolean }): void {
    this.live();
    if (this.options.platform === 'win32') return;
    this.onAllWorkspaces = { visible, fullScreen: visible && (options?.visibleOnFullScreen ?? false) };
  }
  /** Focus moves to something else (another window, the taskbar). */
  loseFocus(): void {
    if (this.destroyed || !this.focused || this.options.wayland) return;
    this.focused = false;
    this.emit('blur');
  }
  /** Kept for older tests: focus goes elsewhere. */
  blur(): void {
    this.focused = true;
    this.loseFocus();
  }
  /** Cmd+W, Alt+F4 or the window manager's close: destroyed unless a listener prevents it. */
  userClose(): void {
    this.live();
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.visible = false;
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeScreen implements ScreenLike {
  constructor(
    private readonly displays: DisplayArea[],
    public cursor: Point = { x: 0, y: 0 },
  ) {}
  private contains(d: DisplayArea, p: Point): boolean {
    return p.x >= d.bounds.x && p.x < d.bounds.x + d.bounds.width && p.y >= d.bounds.y && p.y < d.bounds.y + d.bounds.height;
  }
  getDisplayMatching(rect: Rectangle): DisplayArea {
    return (
      this.displays.find((d) => this.contains(d, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 })) ??
      this.displays[0]!
    );
  }
  getDisplayNearestPoint(point: Point): DisplayArea {
    return this.displays.find((d) => this.contains(d, point)) ?? this.displays[0]!;
  }
  getCursorScreenPoint(): Point {
    return this.cursor;
  }
}

// --- web contents and IPC ------------------------------------------------------------------------

/** A frame: its URL is whatever Chromium canonicalised it to (drive letters, escapes), not our string. */
export class FakeFrame {
  constructor(public url: string) {}
}

export class FakeContents extends EventEmitter implements ContentsLike {
  openHandler: (() => { action: 'deny' }) | undefined;
  readonly mainFrame: FakeFrame;
  constructor(url = 'file:///C:/Program%20Files/Spendbar/resources/app.asar/out/renderer/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits a navigation-like event and says whether it was prevented. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview'): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) });
    return prevented;
  }
}
