import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../../../app/engine/forecast-history.ts';
import { intermittentFuture } from '../../../app/engine/forecast-intermittent.ts';
import { isSteady } from '../../../app/engine/forecast-steady.ts';
import { LEFT, ledger, run } from '../../helpers/forecast-month.ts';

describe('forecast: spending on few days', () => {
  it('spend on only two days, both Thursdays, gives a number (a weekday pattern from two days made it NaN)', () => {
    const result = run(ledger((d) => (d === '2026-10-08' || d === '2026-11-05' ? 12 : 0)));
    for (const usd of [result.projectedUsd, result.lowUsd, result.highUsd]) expect(Number.isFinite(usd)).toBe(true);
    expect(result.projectedUsd).toBeGreaterThanOrEqual(result.spentUsd);
    // Likeliest is no more spend this month, but the range still allows another spending day.
    expect(result.highUsd - result.spentUsd).toBeGreaterThan(12 * 0.5);
    expect(result.roughReason).toBe('spending on few days — rough estimate');
  });

  it('the point is the month most likely to be near in proportion, below the mean for lopsided months', () => {
    // $30 on one day in six: the mean of the rest is about $77; two or three spending days to come are likelier
    // than the mean's 2.6, and a month that turns out small weighs more in proportion.
    const daily = ledger((_d, i) => (i % 6 === 0 ? 30 : 0));
    const result = run(daily);
    const rest = result.projectedUsd - result.spentUsd;
    expect(rest).toBeLessThan((30 / 6) * LEFT * 0.95);
    expect(rest).toBeGreaterThan((30 / 6) * LEFT * 0.4);
    expect(result.note).toMatch(/Spending on 8 of the last 45 days with data/);
    // The same history gives the same point on every view (the draws are seeded).
    expect(run(daily).projectedUsd).toBe(result.projectedUsd);
    // The range still holds the mean's month.
    expect(result.highUsd).toBeGreaterThan(result.spentUsd + (30 / 6) * LEFT);
  });

  it('intermittentFuture: the 1/T-weighted median of months simulated from the days', () => {
    const days = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 10 : 0));
    const future = intermittentFuture(days, 50, new Array<number>(15).fill(1))!;
    // 15 days at a chance near 1 in 4 of $10: 3.75 spending days on average; the point is whole spending days.
    expect(future % 10).toBe(0);
    expect(future).toBeGreaterThanOrEqual(20);
    expect(future).toBeLessThanOrEqual(37.5);
    expect(intermittentFuture(new Array<number>(20).fill(0), 0, [1, 1])).toBeNull();
  });
});

describe('forecast: a weekday that never spends', () => {
  it('exactly $10 every weekday and $0 at weekends is projected at $10 a weekday (a 0 weekday factor made NaN)', () => {
    const result = run(
      ledger((d) => (weekdayOf(d) === 0 || weekdayOf(d) === 6 ? 0 : 10)),
      { todayShareDone: 0 },
    );
    // Nov 15 (a Sunday) to Nov 30: eleven weekdays.
    expect(result.projectedUsd - result.spentUsd).toBeCloseTo(110, 0);
    expect(Number.isFinite(result.lowUsd) && Number.isFinite(result.highUsd)).toBe(true);
  });
});

describe('forecast: a steady level with heavy noise is carried by its mean', () => {
  // Days alternating around $100 with a last week that is high by chance (within the weeks' own scatter).
  const noisy = (_d: string, i: number) => (i % 2 === 0 ? 40 : 160) + (i >= 38 ? 25 : 0);

  it('isSteady: noise passes, a step or a slope does not', () => {
    const points = (f: (i: number) => number) => Array.from({ length: 42 }, (_, i) => ({ x: i - 42, y: f(i) }));
    expect(isSteady(points((i) => noisy('', i)))).toBe(true);
    expect(isSteady(points((i) => (i % 2 === 0 ? 90 : 110) + (i >= 28 ? 60 : 0)))).toBe(false);
    expect(isSteady(points((i) => (i % 2 === 0 ? 80 : 120) * Math.exp(-0.02 * i)))).toBe(false);
  });

  it('the projection follows the long mean, not the lucky last week', () => {
    const daily = ledger(noisy);
    const result = run(daily, { todayShareDone: 0 });
    const days = [...daily.values()];
    const mean = days.reduce((a, b) => a + b, 0) / days.length;
    const rest = result.projectedUsd - result.spentUsd;
    expect(rest / 16).toBeCloseTo(mean, 0);
  });
});

describe('forecast: a pause ends when yesterday is back', () => {
  it('a week at a tenth, then yesterday back at the usual $100: the usual level is carried forward', () => {
    // A week's ±20 % wobble on top (noise-free days make every split look certain).
    const wobble = [0.8, 1.15, 0.95, 1.1, 0.9, 1.05, 1.0];
    const daily = ledger((d, i) => (d >= '2026-11-07' && d <= '2026-11-13' ? 10 : 100) * wobble[i % 7]!);
    // Early morning: today says nothing yet.
    const result = run(daily, { todayShareDone: 0.05 });
    expect(result.projectedUsd - result.spentUsd).toBeGreaterThan(0.9 * 100 * 16);
  });
});
