/**
 * The popover: a frameless window 360 px wide, hidden until asked, hidden again when it loses
 * focus. Its height follows its content (the renderer reports it), within the screen's work area,
 * so a normal month shows every section without scrolling; it stays anchored to the tray icon.
 *
 * Closing it (Cmd+W, Alt+F4, the window manager) only hides it: a destroyed window throws "Object
 * has been destroyed" on every later call (electron.d.ts, `isDestroyed`). Only quitting closes it.
 */
import type { BrowserWindowConstructorOptions, Point, Rectangle } from 'electron';
import { popoverPosition, type DisplayArea } from './popover-position.ts';

export const POPOVER_SIZE = { width: 360, height: 520 } as const;
/** Below this the popover would look like a tooltip; above it, a window. Taller content scrolls. */
const MIN_HEIGHT = 320;
const MAX_HEIGHT = 760;
/** Space kept between the popover and the screen's edges when it is as tall as the screen allows. */
const MARGIN = 8;
/**
 * Windows gives the taskbar focus on mouse-down, so the popover blurs (and hides) before the tray's
 * click arrives on mouse-up (max-mapper/menubar#274): a click this soon after a blur-hide closes.
 */
const CLICK_AFTER_BLUR_MS = 400;

export interface PopoverPlatform {
  readonly platform: NodeJS.Platform;
  /** Linux on Wayland: the compositor places windows and may never move focus (no blur). */
  readonly wayland: boolean;
}

/**
 * Everything but webPreferences, which index.ts writes out in full where the window is created.
 * On Wayland the app cannot place the window, keep it on top, or rely on blur (electron.d.ts:
 * "Not supported on Wayland"), so it is a normal, movable window with a title bar and a close
 * button, in the taskbar where the user can find it, centred by the compositor.
 */
export function popoverWindowOptions(
  shell: PopoverPlatform = { platform: 'darwin', wayland: false },
): BrowserWindowConstructorOptions {
  const common = {
    ...POPOVER_SIZE,
    show: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    title: 'Spendbar',
  };
  if (shell.wayland) return { ...common, frame: true, resizable: true, movable: true, skipTaskbar: false, center: true };
  return {
    ...common,
    frame: false,
    resizable: false,
    movable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    backgroundColor: '#00000000',
  };
}

export interface ScreenLike {
  getDisplayMatching(rect: Rectangle): DisplayArea;
  getDisplayNearestPoint(point: Point): DisplayArea;
  getCursorScreenPoint(): Point;
}

interface Preventable {
  preventDefault(): void;
}

/** What we use of the BrowserWindow. */
export interface WindowLike {
  isDestroyed(): boolean;
  isVisible(): boolean;
  hide(): void;
  show(): void;
  focus(): void;
  setPosition(x: number, y: number, animate?: boolean): void;
  setSize(width: number, height: number, animate?: boolean): void;
  setVisibleOnAllWorkspaces(visible: boolean, options?: { visibleOnFullScreen?: boolean }): void;
  on(event: 'blur', listener: () => void): unknown;
  on(event: 'close', listener: (event: Preventable) => void): unknown;
}

/** Where the popover was last opened from: the display and the icon (or the cursor). */
interface Anchor {
  readonly display: DisplayArea;
  readonly trayBounds: Rectangle | undefined;
  readonly cursor: Point;
}

export interface PopoverOptions extends Partial<PopoverPlatform> {
  readonly now?: () => number;
}

export class PopoverWindow {
  private contentHeight: number = POPOVER_SIZE.height;
  private height: number = POPOVER_SIZE.height;
  private anchor: Anchor | undefined;
  private hiddenByBlurAt = -Infinity;
  private quitting = false;
  private readonly now: () => number;

  constructor(
    private readonly window: WindowLike,
    private readonly screen: ScreenLike,
    private readonly onShow: () => void,
    private readonly options: PopoverOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    window.on('blur', () => {
      if (!this.usable() || !window.isVisible()) return;
      this.hiddenByBlurAt = this.now();
      this.hide();
    });
    window.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      this.hide();
    });
  }

  /** From `before-quit`: the window may close for real now. */
  allowClose(): void {
    this.quitting = true;
  }

  private usable(): boolean {
    return !this.window.isDestroyed();
  }

  /** Opens at the tray icon (bounds from the click event when the platform gives them), or closes. */
  toggle(trayBounds?: Rectangle): void {
    if (!this.usable()) return;
    if (this.window.isVisible()) this.hide();
    else if (this.now() - this.hiddenByBlurAt < CLICK_AFTER_BLUR_MS) this.hiddenByBlurAt = -Infinity;
    else this.open(trayBounds);
  }

  hide(): void {
    if (!this.usable()) return;
    this.window.hide();
    if (this.options.platform === 'darwin') this.window.setVisibleOnAllWorkspaces(false);
  }

  open(trayBounds?: Rectangle): void {
    if (!this.usable()) return;
    const cursor = this.screen.getCursorScreenPoint();
    const known = trayBounds !== undefined && trayBounds.width > 0;
    const display = known ? this.screen.getDisplayMatching(trayBounds) : this.screen.getDisplayNearestPoint(cursor);
    this.anchor = { display, trayBounds: known ? trayBounds : undefined, cursor };
    // The size is set again on every opening: some Linux window managers ignore it while hidden.
    this.place(true);
    // macOS: over full-screen apps and on the current Space, while shown (d.ts, visibleOnFullScreen).
    if (this.options.platform === 'darwin') this.window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    this.window.show();
    this.window.focus();
    this.onShow();
  }

  /** The renderer's content height: the window takes it, within the work area, and stays anchored. */
  fitContent(height: number): void {
    this.contentHeight = height;
    if (this.anchor && this.usable()) this.place();
  }

  private place(resize = false): void {
    const { display, trayBounds, cursor } = this.anchor!;
    const roomy = Math.min(MAX_HEIGHT, display.workArea.height - 2 * MARGIN);
    const height = Math.round(Math.min(Math.max(this.contentHeight, MIN_HEIGHT), Math.max(MIN_HEIGHT, roomy)));
    if (resize || height !== this.height) {
      this.height = height;
      this.window.setSize(POPOVER_SIZE.width, height, false);
    }
    // Wayland refuses placement: the compositor centres the window, so we do not pretend.
    if (this.options.wayland) return;
    const { x, y } = popoverPosition({ width: POPOVER_SIZE.width, height }, display, trayBounds, cursor);
    this.window.setPosition(x, y, false);
  }
}

/** Linux sessions where Electron 38+ runs on Wayland (unless told to use X11 through XWayland). */
export function isWayland(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform !== 'linux') return false;
  const hint = env.ELECTRON_OZONE_PLATFORM_HINT;
  if (hint === 'x11') return false;
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}
