/**
 * Which hours of a billing period an admin source has stored, from its sync mark: the closed days
 * whose usage or bill is stored in full, and the open days as of their last fetch. This is what tells
 * "no data yet" and "partial: through Nov 7" apart from a real $0.
 */
import type { SyncMark } from './ledger/ledger-format.ts';
import { DAY_MS, storedDays } from './sync-window.ts';

const HOUR_MS = 3_600_000;

export type Coverage = 'complete' | 'partial' | 'none';

export interface DataCoverage {
  /**
   * Start of the gapless stretch of stored hours that holds the period's start (ISO), or null.
   * Absent: not known (how far back local logs go is not something we hold); the forecast then
   * counts days from the first spend on.
   */
  readonly dataFrom?: string | null;
  /** End of the last complete hour stored without a gap since the period's start (ISO), or null. */
  readonly dataThrough: string | null;
  /** complete: gapless from the period's start to the latest hour stored; partial: a gap; none: nothing for the period. */
  readonly coverage: Coverage;
}

type Span = [number, number];

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Stored hours as spans: each stored closed day, and the open days up to the last complete hour of their fetch. */
function storedSpans(mark: SyncMark, historyFrom: number): Span[] {
  const spans: Span[] = [];
  const days = new Set([
    ...storedDays(mark.usageDays, mark.closedBefore, historyFrom),
    ...storedDays(mark.costDays, mark.closedBefore, historyFrom),
  ]);
  for (const day of days) {
    const start = Date.parse(`${day}T00:00:00Z`);
    spans.push([start, start + DAY_MS]);
  }
  // The open days count through the usage fetch; a bill alone says nothing of today's hours.
  const fetched = mark.usageFetchedAt === undefined ? NaN : Date.parse(mark.usageFetchedAt);
  if (!Number.isNaN(fetched)) {
    const openFrom = Math.floor(fetched / DAY_MS) * DAY_MS - DAY_MS;
    spans.push([openFrom, Math.floor(fetched / HOUR_MS) * HOUR_MS]);
  }
  return spans.filter(([from, to]) => to > from);
}

export function sourceCoverage(mark: SyncMark, periodStart: number, now: number, historyFrom: number): DataCoverage {
  const lastHourEnd = Math.floor(now / HOUR_MS) * HOUR_MS;
  const fetchedOnce = mark.usageFetchedAt !== undefined || (mark.usageDays?.length ?? 0) > 0 || mark.closedBefore !== undefined;
  // In the period's first hour there is nothing closed to cover yet.
  if (lastHourEnd <= periodStart) return { dataFrom: null, dataThrough: null, coverage: fetchedOnce ? 'complete' : 'none' };
  const spans = merge(storedSpans(mark, historyFrom)).map(([a, b]): Span => [a, Math.min(b, lastHourEnd)]);
  const inPeriod = spans.filter(([a, b]) => b > periodStart && a < lastHourEnd && b > a);
  const holding = spans.find(([a, b]) => a <= periodStart && b > periodStart);
  if (!holding) return { dataFrom: null, dataThrough: null, coverage: inPeriod.length > 0 ? 'partial' : 'none' };
  const latest = Math.max(...inPeriod.map(([, b]) => b));
  return {
    dataFrom: new Date(holding[0]).toISOString(),
    dataThrough: new Date(holding[1]).toISOString(),
    coverage: holding[1] >= latest ? 'complete' : 'partial',
  };
}
