import { describe, expect, it } from 'vitest';
import { lastShift } from '../../../app/engine/forecast-level.ts';

/** A week's day-to-day wobble, ±25 % at most. */
const WOBBLE = [-0.25, 0.1, 0.25, -0.1, 0, 0.15, -0.15];
const wobbly = (level: number, from: number, days: number) =>
  Array.from({ length: days }, (_, i) => level * (1 + WOBBLE[(from + i) % 7]!));

describe('lastShift', () => {
  it('finds a rise of three-quarters on its third day', () => {
    // Clears 3.5 standard errors (neighbouring days counted as one in two), not 4.
    const ys = [...wobbly(100, 0, 40), ...wobbly(175, 40, 3)];
    expect(lastShift(ys)).toBe(40);
  });

  it('takes no rise from scattered spend when a partial today makes the short stretch look long', () => {
    // Sparse spend: a few dollars on three days of five weeks, then $23 and $18 around a $0 day, and
    // nothing yet today (42 % of a day). The $0 day inside the "rise" says it is no new level.
    const quiet = Array.from({ length: 35 }, (_, i) => ({ 9: 1.1, 19: 2.3, 26: 7.7 })[i] ?? 0);
    const ys = [...quiet, 23.4, 0, 18.2, 0];
    const ws = [...ys.slice(0, -1).map(() => 1), 0.42];
    expect(lastShift(ys, 7, 2, ws)).toBe(0);
  });
});
