import { describe, expect, it } from 'vitest';
import { addDays } from '../../../app/engine/time-zone.ts';
import { forecast } from '../../../app/engine/forecast.ts';
import { periodContaining } from '../../../app/engine/period.ts';

const NOV = periodContaining(Date.parse('2026-11-15T12:00:00Z'), 'UTC', 1);
const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay());

/** Daily spend from 2026-10-01 up to (not including) `today`, plus half of today. */
function history(today: string, perDay: (date: string, i: number) => number): Map<string, number> {
  const daily = new Map<string, number>();
  let i = 0;
  for (let d = '2026-10-01'; d < today; d = addDays(d, 1)) daily.set(d, perDay(d, i++));
  daily.set(today, perDay(today, i) / 2);
  return daily;
}

const run = (now: string, daily: Map<string, number>, capUsd: number | null = null) =>
  forecast({
    period: periodContaining(Date.parse(now), 'UTC', 1),
    now: Date.parse(now),
    dailyUsd: daily,
    todayShareDone: 0.5,
    capUsd,
  });

describe('month-end forecast', () => {
  it('a steady $100 a day projects $3,000 for a 30-day month, with a narrow range around it', () => {
    const result = run(
      '2026-11-15T12:00:00Z',
      history('2026-11-15', () => 100),
    );
    expect(result.projectedUsd).toBeCloseTo(3000, 0);
    expect(result.lowUsd).toBeLessThanOrEqual(result.projectedUsd);
    expect(result.highUsd).toBeGreaterThanOrEqual(result.projectedUsd);
    expect(result.confidence).toBe('normal');
  });

  it('knows weekends are quieter: the rest of the month is projected day by day', () => {
    const result = run(
      '2026-11-15T12:00:00Z',
      history('2026-11-15', (d) => (isWeekend(d) ? 20 : 100)),
    );
    const expectedRest = result.remainingDays.slice(1).reduce((s, d) => s + (isWeekend(d.date) ? 20 : 100), 0);
    expect(result.remainingDays.slice(1).reduce((s, d) => s + d.usd, 0)).toBeCloseTo(expectedRest, 0);
  });

  it('one spike day does not throw off the rest of the month', () => {
    const calm = run(
      '2026-11-15T12:00:00Z',
      history('2026-11-15', () => 100),
    );
    const spiky = run(
      '2026-11-15T12:00:00Z',
      history('2026-11-15', (d) => (d === '2026-11-08' ? 2500 : 100)),
    );
    const futureCalm = calm.projectedUsd - calm.spentUsd;
    const futureSpiky = spiky.projectedUsd - spiky.spentUsd;
    expect(spiky.spentUsd - calm.spentUsd).toBeCloseTo(2400, 6);
    expect(Math.abs(futureSpiky - futureCalm) / futureCalm).toBeLessThan(0.02);
  });

  it('follows a clear growth trend instead of the flat average', () => {
    const growing = run(
      '2026-11-15T12:00:00Z',
      history('2026-11-15', (_d, i) => 50 * Math.pow(1.04, i)),
    );
    const flatRate = growing.spentUsd + (growing.spentUsd / 14.5) * 15.5;
    expect(growing.projectedUsd).toBeGreaterThan(flatRate * 1.2);
  });

  it('on day one without history it says so and widens the range', () => {
    const result = forecast({
      period: NOV,
      now: Date.parse('2026-11-01T12:00:00Z'),
      dailyUsd: new Map([['2026-11-01', 50]]),
      todayShareDone: 0.5,
      capUsd: null,
    });
    expect(result.confidence).toBe('low');
    expect(result.note).toMatch(/No history yet/);
    expect(result.projectedUsd).toBeCloseTo(100 * 30, 0);
    expect(result.highUsd / result.lowUsd).toBeGreaterThan(2);
  });

  it('gives the date the cap will be reached at the current pace, or null', () => {
    const daily = history('2026-11-15', () => 100);
    expect(run('2026-11-15T12:00:00Z', daily, 2000).capHitDate).toBe('2026-11-20');
    expect(run('2026-11-15T12:00:00Z', daily, 5000).capHitDate).toBeNull();
  });

  it('when the cap is already passed, the cap-hit date is the day it happened', () => {
    expect(
      run(
        '2026-11-15T12:00:00Z',
        history('2026-11-15', () => 100),
        650,
      ).capHitDate,
    ).toBe('2026-11-07');
  });

  it('on the last day the projection is what is spent plus the rest of today', () => {
    const result = run(
      '2026-11-30T12:00:00Z',
      history('2026-11-30', () => 100),
    );
    expect(result.remainingDays).toHaveLength(1);
    expect(result.projectedUsd).toBeCloseTo(3000, 0);
  });
});
