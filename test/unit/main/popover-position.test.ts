import { describe, expect, it } from 'vitest';
import { popoverPosition, taskbarEdge, type DisplayArea } from '../../../app/main/popover-position.ts';
import { PopoverWindow } from '../../../app/main/popover-window.ts';
import { FakeScreen, FakeWindow } from '../../helpers/electron-fake.ts';

const SIZE = { width: 360, height: 520 };
const display = (x: number, y: number, w: number, h: number, work: [number, number, number, number]): DisplayArea => ({
  bounds: { x, y, width: w, height: h },
  workArea: { x: work[0], y: work[1], width: work[2], height: work[3] },
});

const macMenuBar = display(0, 0, 1512, 982, [0, 37, 1512, 945]);
const windowsBottom = display(0, 0, 1920, 1080, [0, 0, 1920, 1040]);
const windowsLeft = display(0, 0, 1920, 1080, [62, 0, 1858, 1080]);
const windowsRight = display(0, 0, 1920, 1080, [0, 0, 1858, 1080]);
const secondaryAbove = display(-200, -1440, 2560, 1440, [-200, -1440, 2560, 1400]);

describe('popover placement', () => {
  it.each([
    ['macOS menu bar', macMenuBar, 'top'],
    ['Windows taskbar at the bottom', windowsBottom, 'bottom'],
    ['Windows taskbar on the left', windowsLeft, 'left'],
    ['Windows taskbar on the right', windowsRight, 'right'],
  ] as const)('finds the taskbar edge: %s', (_name, d, edge) => {
    expect(taskbarEdge(d)).toBe(edge);
  });

  it('macOS: under the menu-bar icon, centred on it', () => {
    expect(popoverPosition(SIZE, macMenuBar, { x: 1200, y: 5, width: 30, height: 24 }, { x: 0, y: 0 })).toEqual({
      x: 1035,
      y: 41,
    });
  });

  it('Windows, bottom taskbar: above the icon, kept inside the work area at the right edge', () => {
    expect(popoverPosition(SIZE, windowsBottom, { x: 1880, y: 1048, width: 24, height: 24 }, { x: 0, y: 0 })).toEqual({
      x: 1560,
      y: 516,
    });
  });

  it('Windows, left taskbar: beside it, vertically centred on the icon', () => {
    expect(popoverPosition(SIZE, windowsLeft, { x: 19, y: 600, width: 24, height: 24 }, { x: 0, y: 0 })).toEqual({
      x: 66,
      y: 352,
    });
  });

  it('Windows, right taskbar near the bottom: clamped so the window stays on screen', () => {
    expect(popoverPosition(SIZE, windowsRight, { x: 1880, y: 1040, width: 24, height: 24 }, { x: 0, y: 0 })).toEqual({
      x: 1494,
      y: 560,
    });
  });

  it('a secondary display above the primary, with negative coordinates', () => {
    expect(popoverPosition(SIZE, secondaryAbove, { x: 2000, y: -36, width: 24, height: 24 }, { x: 0, y: 0 })).toEqual({
      x: 1832,
      y: -564,
    });
  });

  it('Linux/Wayland, tray position unknown: near the cursor, inside the work area, whole pixels', () => {
    const linux = display(0, 0, 1366, 768, [0, 27, 1366, 741]);
    expect(popoverPosition(SIZE, linux, { x: 0, y: 0, width: 0, height: 0 }, { x: 1300.5, y: 12 })).toEqual({ x: 1006, y: 27 });
    expect(popoverPosition(SIZE, linux, undefined, { x: 300, y: 700 })).toEqual({ x: 120, y: 176 });
  });

  it('the window takes its content height within the work area, and stays anchored to the icon', () => {
    const mac = new FakeWindow();
    const underMenuBar = new PopoverWindow(mac, new FakeScreen([macMenuBar]), () => undefined);
    underMenuBar.open({ x: 1200, y: 5, width: 30, height: 24 });
    underMenuBar.fitContent(640);
    expect(mac.size).toEqual([360, 640]);
    expect(mac.position).toEqual([1035, 41]); // the top edge stays under the menu bar

    const windows = new FakeWindow();
    const aboveTaskbar = new PopoverWindow(windows, new FakeScreen([windowsBottom]), () => undefined);
    aboveTaskbar.open({ x: 1880, y: 1048, width: 24, height: 24 });
    aboveTaskbar.fitContent(640);
    expect(windows.position).toEqual([1560, 1040 - 640 - 4]); // the bottom edge stays above the taskbar

    // Taller than the screen allows: the work area less 8 px each side, and the page scrolls.
    const small = new FakeWindow();
    const laptop = new PopoverWindow(small, new FakeScreen([display(0, 0, 1366, 768, [0, 27, 1366, 741])]), () => undefined);
    laptop.open({ x: 1300, y: 2, width: 24, height: 24 });
    laptop.fitContent(2_000);
    expect(small.size).toEqual([360, 741 - 16]);
    laptop.fitContent(120);
    expect(small.size).toEqual([360, 320]);
  });

  it('the window opens on the display that holds the icon, toggles, and hides on blur', () => {
    const screen = new FakeScreen([windowsBottom, secondaryAbove], { x: 10, y: 10 });
    const window = new FakeWindow();
    let shown = 0;
    const popover = new PopoverWindow(window, screen, () => shown++);
    popover.toggle({ x: 2000, y: -36, width: 24, height: 24 });
    expect(window.visible).toBe(true);
    expect(window.position).toEqual([1832, -564]);
    expect(shown).toBe(1);
    popover.toggle();
    expect(window.visible).toBe(false);
    popover.open();
    window.blur();
    expect(window.visible).toBe(false);
  });
});
