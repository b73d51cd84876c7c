/** Step 2 of buildView: the priced cells of the period, what counts as spent, and spend per day and hour. */
import type { ViewInput } from './build-view-input.ts';
import { sumsIn, type CellSums } from './cell-sums.ts';
import type { ViewPeriod } from './build-view-period.ts';
import { femtoToUsdNumber, type Femto } from './money.ts';
import { mergeSeries } from './learned-series.ts';
import { pricedSeries } from './priced-series.ts';
import type { SpendSeries } from './spend-series.ts';
import { localDate } from './time-zone.ts';
import type { SourceKey } from './view-types.ts';

export interface ViewSpent {
  readonly series: SpendSeries;
  /** Every source's spend of this period up to now. */
  readonly inPeriod: CellSums;
  /** The counted sources' spend of this period up to now. */
  readonly counted: CellSums;
  readonly spentFemto: Femto;
  /** Counted spend per local date (USD), this period and the one before. */
  readonly dailyUsd: ReadonlyMap<string, number>;
  /** Counted spend per complete past hour (USD, keyed by hour start) before today. */
  readonly pastHours: ReadonlyMap<number, number>;
}

/**
 * The local date of an hour start, remembered: many cells share an hour, every view asks for the
 * same two months of hours, and Intl's zone arithmetic costs microseconds a call. Per zone, by the
 * hour's number (no key string built per lookup). Bounded: cleared past two years of hours.
 */
const localDates = new Map<string, Map<number, string>>();
function localDateOfHour(hour: number, timeZone: string): string {
  let dates = localDates.get(timeZone);
  if (!dates) localDates.set(timeZone, (dates = new Map()));
  let date = dates.get(hour);
  if (date === undefined) {
    if (dates.size > 20_000) dates.clear();
    dates.set(hour, (date = localDate(hour, timeZone)));
  }
  return date;
}

export function viewSpent(input: ViewInput, { period, history, todayDate, counted }: ViewPeriod): ViewSpent {
  const { now, timeZone } = input;
  const pricing = {
    catalog: input.catalog,
    logCatalog: input.logCatalog ?? input.catalog,
    estimates: new Set(input.sources.filter((s) => s.estimate).map((s) => s.id)),
  };
  // The billed sources' series may come priced already (the service keeps it between views).
  const priced = pricedSeries(input.usage, input.billed, pricing, now);
  const series = input.billedSeries ? mergeSeries(input.billedSeries, priced) : priced;
  // Hours up to now: cells are hour starts (whole milliseconds), so `hour <= now` is `hour < end`.
  const end = Math.floor(now) + 1;
  const inPeriod = sumsIn(series, period.start, Math.min(period.end, end), () => true);
  // Usually every source that spent is counted: then the counted cells are the same cells.
  const countedSums = [...inPeriod.bySource.keys()].every((s) => counted.has(s))
    ? inPeriod
    : sumsIn(series, period.start, Math.min(period.end, end), (s) => counted.has(s));

  // Daily spend by local date, this period and the one before (the forecast's history), from the
  // spend summed exactly per hour: one conversion and one local date per hour, not per cell.
  const dailyUsd = new Map<string, number>();
  const pastHours = new Map<number, number>();
  for (const [hour, femto] of sumsIn(series, history.start, end, (s) => counted.has(s), true).byHour) {
    const date = localDateOfHour(hour, timeZone);
    const value = femtoToUsdNumber(femto);
    dailyUsd.set(date, (dailyUsd.get(date) ?? 0) + value);
    if (date < todayDate) pastHours.set(hour, value);
  }
  return { series, inPeriod, counted: countedSums, spentFemto: countedSums.femto, dailyUsd, pastHours };
}

/**
 * Each counted source's spend per local date (USD), this period and the one before: the forecast
 * follows a source that began spending lately on its own days (forecast-sources.ts). One source
 * alone needs no split: then none.
 */
export function countedDailyBySource(
  input: ViewInput,
  { history, counted }: ViewPeriod,
  spent: ViewSpent,
): Map<SourceKey, Map<string, number>> {
  const bySource = new Map<SourceKey, Map<string, number>>();
  if (counted.size < 2) return bySource;
  const end = Math.floor(input.now) + 1;
  for (const source of counted) {
    const daily = new Map<string, number>();
    for (const [hour, femto] of sumsIn(spent.series, history.start, end, (s) => s === source, true).byHour) {
      const date = localDateOfHour(hour, input.timeZone);
      daily.set(date, (daily.get(date) ?? 0) + femtoToUsdNumber(femto));
    }
    bySource.set(source, daily);
  }
  return bySource;
}
