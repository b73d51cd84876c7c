/**
 * A forecast at noon on November 15th 2026 over a history the test writes day by day from October
 * 1st, every day with data: the setting of the forecast's rule tests.
 */
import { forecast, type ForecastInput } from '../../app/engine/forecast.ts';
import { periodContaining } from '../../app/engine/period.ts';
import { addDays } from '../../app/engine/time-zone.ts';

export const NOW = Date.parse('2026-11-15T12:00:00Z');
/** 15.5 days are left of November at noon on the 15th. */
export const LEFT = 15.5;

/** Spend per day from 2026-10-01 to 2026-11-14; every day has data. */
export function ledger(perDay: (date: string, i: number) => number): Map<string, number> {
  const daily = new Map<string, number>();
  let i = 0;
  for (let d = '2026-10-01'; d < '2026-11-15'; d = addDays(d, 1)) daily.set(d, perDay(d, i++));
  return daily;
}

/** The forecast at NOW with half of a typical day done, unless `extra` says otherwise. */
export const run = (dailyUsd: Map<string, number>, extra: Partial<ForecastInput> = {}) =>
  forecast({
    period: periodContaining(NOW, 'UTC', 1),
    now: NOW,
    dailyUsd,
    historyStart: '2026-10-01',
    hasData: () => true,
    todayShareDone: 0.5,
    capUsd: null,
    ...extra,
  });
