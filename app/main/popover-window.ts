/**
 * The popover: a frameless window 360 px wide, hidden until asked, hidden again when it loses
 * focus. Its height follows its content (the renderer reports it), within the screen's work area,
 * so a normal month shows every section without scrolling; it stays anchored to the tray icon.
 */
import type { BrowserWindowConstructorOptions, Point, Rectangle } from 'electron';
import { popoverPosition, type DisplayArea } from './popover-position.ts';

export const POPOVER_SIZE = { width: 360, height: 520 } as const;
/** Below this the popover would look like a tooltip; above it, a window. Taller content scrolls. */
const MIN_HEIGHT = 320;
const MAX_HEIGHT = 760;
/** Space kept between the popover and the screen's edges when it is as tall as the screen allows. */
const MARGIN = 8;

/** Everything but webPreferences, which index.ts writes out in full where the window is created. */
export function popoverWindowOptions(): BrowserWindowConstructorOptions {
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Spendbar',
    backgroundColor: '#00000000',
  };
}

export interface ScreenLike {
  getDisplayMatching(rect: Rectangle): DisplayArea;
  getDisplayNearestPoint(point: Point): DisplayArea;
  getCursorScreenPoint(): Point;
}

/** What we use of the BrowserWindow. */
export interface WindowLike {
  isVisible(): boolean;
  hide(): void;
  show(): void;
  focus(): void;
  setPosition(x: number, y: number, animate?: boolean): void;
  setSize(width: number, height: number, animate?: boolean): void;
  on(event: 'blur', listener: () => void): unknown;
}

/** Where the popover was last opened from: the display and the icon (or the cursor). */
interface Anchor {
  readonly display: DisplayArea;
  readonly trayBounds: Rectangle | undefined;
  readonly cursor: Point;
}

export class PopoverWindow {
  private contentHeight: number = POPOVER_SIZE.height;
  private height: number = POPOVER_SIZE.height;
  private anchor: Anchor | undefined;

  constructor(
    private readonly window: WindowLike,
    private readonly screen: ScreenLike,
    private readonly onShow: () => void,
  ) {
    window.on('blur', () => window.hide());
  }

  /** Opens at the tray icon (bounds from the click event when the platform gives them), or closes. */
  toggle(trayBounds?: Rectangle): void {
    if (this.window.isVisible()) this.window.hide();
    else this.open(trayBounds);
  }

  open(trayBounds?: Rectangle): void {
    const cursor = this.screen.getCursorScreenPoint();
    const known = trayBounds !== undefined && trayBounds.width > 0;
    const display = known ? this.screen.getDisplayMatching(trayBounds) : this.screen.getDisplayNearestPoint(cursor);
    this.anchor = { display, trayBounds: known ? trayBounds : undefined, cursor };
    // The size is set again on every opening: some Linux window managers ignore it while hidden.
    this.place(true);
    this.window.show();
    this.window.focus();
    this.onShow();
  }

  /** The renderer's content height: the window takes it, within the work area, and stays anchored. */
  fitContent(height: number): void {
    this.contentHeight = height;
    if (this.anchor) this.place();
  }

  private place(resize = false): void {
    const { display, trayBounds, cursor } = this.anchor!;
    const roomy = Math.min(MAX_HEIGHT, display.workArea.height - 2 * MARGIN);
    const height = Math.round(Math.min(Math.max(this.contentHeight, MIN_HEIGHT), Math.max(MIN_HEIGHT, roomy)));
    if (resize || height !== this.height) {
      this.height = height;
      this.window.setSize(POPOVER_SIZE.width, height, false);
    }
    const { x, y } = popoverPosition({ width: POPOVER_SIZE.width, height }, display, trayBounds, cursor);
    this.window.setPosition(x, y, false);
  }
}
