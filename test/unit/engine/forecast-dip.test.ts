import { describe, expect, it } from 'vitest';
import { dropEndedDip } from '../../../app/engine/forecast-dip.ts';

// Days from −n to −1 with a gentle alternation as noise.
const days = (ys: number[]) => ys.map((y, i) => ({ x: i - ys.length, y: y * (i % 2 ? 1.1 : 0.9) }));

describe('dropEndedDip', () => {
  it('leaves out a week off once spend is back', () => {
    const ys = [...new Array<number>(30).fill(100), ...new Array<number>(7).fill(10), ...new Array<number>(5).fill(100)];
    const kept = dropEndedDip(days(ys));
    expect(kept).toHaveLength(35);
    expect(kept.every((p) => p.y >= 90)).toBe(true);
  });

  it('keeps a drop that still holds, and a steady decline', () => {
    const drop = [...new Array<number>(30).fill(100), ...new Array<number>(7).fill(10)];
    expect(dropEndedDip(days(drop))).toHaveLength(37);
    const decline = Array.from({ length: 45 }, (_, i) => 200 * Math.exp(-0.03 * i));
    expect(dropEndedDip(days(decline))).toHaveLength(45);
  });
});
