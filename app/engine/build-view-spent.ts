/** Step 2 of buildView: the priced cells of the period, what counts as spent, and spend per day and hour. */
import type { ViewInput } from './build-view-input.ts';
import type { ViewPeriod } from './build-view-period.ts';
import { femtoToUsdNumber, type Femto } from './money.ts';
import { mergeSeries } from './learned-series.ts';
import { pricedSeries } from './priced-series.ts';
import type { SpendCell, SpendSeries } from './spend-series.ts';
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

/**
 * The local date of an hour start, remembered: many cells share an hour, every view asks for the
 * same two months of hours, and Intl's zone arithmetic costs microseconds a call. Bounded: cleared
 * past two years of hours.
 */
const localDates = new Map<string, string>();
function localDateOfHour(hour: number, timeZone: string): string {
  const key = `${timeZone}|${hour}`;
  let date = localDates.get(key);
  if (date === undefined) {
    if (localDates.size > 20_000) localDates.clear();
    localDates.set(key, (date = localDate(hour, timeZone)));
  }
  return date;
}

export function sumCells(cells: readonly SpendCell[]): Femto {
  return cells.reduce((s, c) => s + c.femto, 0n);
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
  const inPeriod: SpendCell[] = [];
  const countedCells: SpendCell[] = [];
  for (const c of series.cells)
    if (c.hour >= period.start && c.hour < period.end && c.hour <= now) {
      inPeriod.push(c);
      if (counted.has(c.source)) countedCells.push(c);
    }

  // Daily spend by local date, this period and the one before (the forecast's history).
  const dailyUsd = new Map<string, number>();
  const pastHours = new Map<number, number>();
  // Summed exactly per hour first: one conversion and one local date per hour, not per cell.
  const byHour = new Map<number, Femto>();
  for (const c of series.cells) {
    if (!counted.has(c.source) || c.hour < history.start || c.hour > now) continue;
    byHour.set(c.hour, (byHour.get(c.hour) ?? 0n) + c.femto);
  }
  for (const [hour, femto] of byHour) {
    const date = localDateOfHour(hour, timeZone);
    const value = femtoToUsdNumber(femto);
    dailyUsd.set(date, (dailyUsd.get(date) ?? 0) + value);
    if (date < todayDate) pastHours.set(hour, value);
  }
  return { series, inPeriod, countedCells, spentFemto: sumCells(countedCells), dailyUsd, pastHours };
}
