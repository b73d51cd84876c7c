import { describe, expect, it } from 'vitest';
import { coverageRule } from '../../../app/engine/build-view-forecast.ts';
import type { SourceInput } from '../../../app/engine/build-view-input.ts';
import { forecast, type ForecastInput } from '../../../app/engine/forecast.ts';
import { periodContaining } from '../../../app/engine/period.ts';
import { addDays } from '../../../app/engine/time-zone.ts';

const NOW = Date.parse('2026-11-15T12:00:00Z');

/** Spend per day from 2026-10-01 to 2026-11-14 as `perDay` says; a day it returns 0 for is left out of the map. */
function ledger(perDay: (date: string, i: number) => number): Map<string, number> {
  const daily = new Map<string, number>();
  let i = 0;
  for (let d = '2026-10-01'; d < '2026-11-15'; d = addDays(d, 1)) {
    const usd = perDay(d, i++);
    if (usd > 0) daily.set(d, usd);
  }
  return daily;
}

const run = (dailyUsd: Map<string, number>, extra: Partial<ForecastInput> = {}) =>
  forecast({
    period: periodContaining(NOW, 'UTC', 1),
    now: NOW,
    dailyUsd,
    historyStart: '2026-10-01',
    todayShareDone: 0.5,
    capUsd: null,
    ...extra,
  });

describe('forecast: days without spend count as $0', () => {
  it('a sparse spender ($10 every fifth day) is projected at $2 a day, not $10 a day', () => {
    const result = run(ledger((_d, i) => (i % 5 === 0 ? 10 : 0)));
    const rest = result.projectedUsd - result.spentUsd;
    // 15.5 days left at $2 a day: $31 on average, and the point is a few spending days to come (2 or 3
    // of $10: forecast-intermittent.ts). Counting only the spending days would give $155.
    expect(rest).toBeGreaterThanOrEqual(10);
    expect(rest).toBeLessThan(45);
    expect(result.roughReason).toBe('spending on few days — rough estimate');
  });

  it('a cap-hit date is not brought forward by the days without spend', () => {
    const result = run(
      ledger((_d, i) => (i % 5 === 0 ? 10 : 0)),
      // About $30 spent and $31 to come; counting only the spending days would put $155 more ahead.
      { capUsd: 150 },
    );
    expect(result.capHitDate).toBeNull();
    expect(result.highUsd).toBeLessThan(150);
  });
});

describe('forecast: "no data" is not $0', () => {
  const steady = ledger((d) => (d < '2026-11-10' ? 100 : 0));

  it('days the ledger has not synced yet do not drag the projection down', () => {
    // $100 a day, then nothing stored since the 10th because the source has not synced since.
    const result = run(steady, { hasData: (d) => d < '2026-11-10' });
    expect(result.projectedUsd - result.spentUsd).toBeGreaterThan(1300);
    expect(result.projectedUsd - result.spentUsd).toBeLessThan(1800);
  });

  it('the same days, known to have data, are real $0 days: the spending stopped', () => {
    const result = run(steady, { hasData: () => true });
    // Not $0 either: a stop of five days is as likely as not to end within five more (forecast-drop.ts),
    // so the rest lies well below the $1,550 of no data, and the range reaches down to the stop lasting.
    expect(result.projectedUsd - result.spentUsd).toBeLessThan(1000);
    expect(result.lowUsd - result.spentUsd).toBeLessThan(400);
  });

  it('a source set up on November 10th is projected from its own days, not diluted by the month before it', () => {
    const fresh = ledger((d) => (d >= '2026-11-10' ? 80 : 0));
    const result = run(fresh, { hasData: (d) => d >= '2026-11-10' });
    expect(result.projectedUsd - result.spentUsd).toBeGreaterThan(0.8 * 80 * 15.5);
    expect(result.projectedUsd - result.spentUsd).toBeLessThan(1.25 * 80 * 15.5);
    expect(result.roughReason).toBe('few days of data — rough estimate');
  });
});

describe('forecast: level shifts', () => {
  it('a launch that tripled daily spend five days ago is followed at once', () => {
    const result = run(ledger((d) => (d >= '2026-11-10' ? 150 : 50)));
    const rest = result.projectedUsd - result.spentUsd;
    expect(rest).toBeGreaterThan(0.8 * 150 * 15.5);
    expect(result.highUsd).toBeGreaterThan(result.projectedUsd);
  });
});

describe('coverage from the sources (dataFrom / dataThrough)', () => {
  const source = (id: SourceInput['id'], cover: Partial<SourceInput>): SourceInput => ({
    id,
    label: id,
    configured: true,
    estimate: false,
    state: 'ok',
    ...cover,
  });
  const counted = new Set(['anthropic', 'openai'] as const);

  it('a day is data when any counted source covered all of it', () => {
    const rule = coverageRule(
      [
        source('anthropic', { dataFrom: '2026-11-03T00:00:00Z', dataThrough: '2026-11-10T00:00:00Z' }),
        source('openai', { dataFrom: '2026-11-08T00:00:00Z', dataThrough: '2026-11-12T13:00:00Z' }),
      ],
      counted,
      'UTC',
    )!;
    expect(['2026-11-02', '2026-11-03', '2026-11-09', '2026-11-11', '2026-11-12'].map(rule)).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('a source with nothing stored yet covers no day; without the fields every day counts as before', () => {
    const none = coverageRule(
      [source('anthropic', { dataFrom: null, dataThrough: null }), source('openai', { dataFrom: null, dataThrough: null })],
      counted,
      'UTC',
    )!;
    expect(none('2026-11-05')).toBe(false);
    expect(coverageRule([source('anthropic', {}), source('openai', {})], counted, 'UTC')).toBeUndefined();
  });
});
