/** Step 2 of buildView: the priced cells of the period, what counts as spent, and spend per day and hour. */
import type { ViewInput } from './build-view-input.ts';
import type { ViewPeriod } from './build-view-period.ts';
import { femtoToUsdNumber, type Femto } from './money.ts';
import { mergeSeries } from './learned-series.ts';
import { spendSeries, type SpendCell, type SpendSeries } from './spend-series.ts';
import { localDate } from './time-zone.ts';

export interface ViewSpent {
  readonly series: SpendSeries;
  /** Every source's cells of this period up to now. */
  readonly inPeriod: readonly SpendCell[];
  /** The counted sources' cells of this period up to now. */
  readonly countedCells: readonly SpendCell[];
  readonly spentFemto: Femto;
  /** Counted spend per local date (USD), this period and the one before. */
  readonly dailyUsd: ReadonlyMap<string, number>;
  /** Counted spend per complete past hour (USD, keyed by hour start) before today. */
  readonly pastHours: ReadonlyMap<number, number>;
}

export function sumCells(cells: readonly SpendCell[]): Femto {
  return cells.reduce((s, c) => s + c.femto, 0n);
}

export function viewSpent(input: ViewInput, { period, history, todayDate, counted }: ViewPeriod): ViewSpent {
  const { now, timeZone } = input;
  // Estimates from local logs have no bill to learn from: they are priced with the catalog itself.
  const estimates = new Set(input.sources.filter((s) => s.estimate).map((s) => s.id));
  const series = input.billedSeries
    ? mergeSeries(input.billedSeries, spendSeries(input.usage, [], input.logCatalog ?? input.catalog, now))
    : input.logCatalog
    ? mergeSeries(
        spendSeries(
          input.usage.filter((r) => !estimates.has(r.source)),
          input.billed,
          input.catalog,
          now,
        ),
        spendSeries(
          input.usage.filter((r) => estimates.has(r.source)),
          [],
          input.logCatalog,
          now,
        ),
      )
    : spendSeries(input.usage, input.billed, input.catalog, now);
  const inPeriod = series.cells.filter((c) => c.hour >= period.start && c.hour < period.end && c.hour <= now);
  const countedCells = inPeriod.filter((c) => counted.has(c.source));

  // Daily spend by local date, this period and the one before (the forecast's history).
  const dailyUsd = new Map<string, number>();
  const pastHours = new Map<number, number>();
  // Many cells share an hour, and Intl's zone arithmetic costs tens of microseconds a call.
  const dates = new Map<number, string>();
  for (const c of series.cells) {
    if (!counted.has(c.source) || c.hour < history.start || c.hour > now) continue;
    let date = dates.get(c.hour);
    if (date === undefined) dates.set(c.hour, (date = localDate(c.hour, timeZone)));
    const value = femtoToUsdNumber(c.femto);
    dailyUsd.set(date, (dailyUsd.get(date) ?? 0) + value);
    if (date < todayDate) pastHours.set(c.hour, (pastHours.get(c.hour) ?? 0) + value);
  }
  return { series, inPeriod, countedCells, spentFemto: sumCells(countedCells), dailyUsd, pastHours };
}
