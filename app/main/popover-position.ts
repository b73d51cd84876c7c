/**
 * Where the popover opens: anchored to the tray icon on the side of the screen its taskbar or menu
 * bar is on, kept inside the work area of the display that holds the icon. Where the icon's place
 * is unknown (Linux, Wayland: empty bounds) it opens near the cursor instead.
 */
import type { Point, Rectangle, Size } from 'electron';

export interface DisplayArea {
  readonly bounds: Rectangle;
  readonly workArea: Rectangle;
}

export type Edge = 'top' | 'bottom' | 'left' | 'right';

/** Which edge the taskbar (or menu bar) is on: where the work area is smaller than the display. */
export function taskbarEdge(display: DisplayArea): Edge {
  const { bounds: b, workArea: w } = display;
  if (w.y > b.y) return 'top';
  if (w.x > b.x) return 'left';
  if (w.width < b.width) return 'right';
  return 'bottom';
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

export function popoverPosition(
  window: Size,
  display: DisplayArea,
  trayBounds: Rectangle | undefined,
  cursor: Point,
  gap = 4,
): Point {
  const area = display.workArea;
  const known = trayBounds !== undefined && trayBounds.width > 0 && trayBounds.height > 0;
  let x: number;
  let y: number;
  if (!known) {
    x = cursor.x - window.width / 2;
    y = cursor.y + gap;
    if (y + window.height > area.y + area.height) y = cursor.y - window.height - gap;
  } else {
    const cx = trayBounds.x + trayBounds.width / 2;
    const cy = trayBounds.y + trayBounds.height / 2;
    switch (taskbarEdge(display)) {
      case 'top':
        x = cx - window.width / 2;
        y = area.y + gap;
        break;
      case 'bottom':
        x = cx - window.width / 2;
        y = area.y + area.height - window.height - gap;
        break;
      case 'left':
        x = area.x + gap;
        y = cy - window.height / 2;
        break;
      case 'right':
        x = area.x + area.width - window.width - gap;
        y = cy - window.height / 2;
        break;
    }
  }
  // Whole pixels (fractional positions crash some Windows builds), inside the work area.
  return {
    x: Math.round(clamp(x, area.x, area.x + area.width - window.width)),
    y: Math.round(clamp(y, area.y, area.y + area.height - window.height)),
  };
}
