/** The popover: a frameless 360 × 520 window, hidden until asked, hidden again when it loses focus. */
import type { BrowserWindowConstructorOptions, Point, Rectangle } from 'electron';
import { popoverPosition, type DisplayArea } from './popover-position.ts';

export const POPOVER_SIZE = { width: 360, height: 520 } as const;

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
  on(event: 'blur', listener: () => void): unknown;
}

export class PopoverWindow {
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
    const { x, y } = popoverPosition(POPOVER_SIZE, display, known ? trayBounds : undefined, cursor);
    this.window.setPosition(x, y, false);
    this.window.show();
    this.window.focus();
    this.onShow();
  }
}
