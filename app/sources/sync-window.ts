/**
 * Which days a sync fetches. Closed days (before yesterday) are fetched once and kept; the open days
 * (yesterday and today) on every poll, as providers revise them. History reaches back to the first
 * day of the previous UTC month, so the forecast has a month to learn from.
 */

export const DAY_MS = 86_400_000;

export interface SyncWindow {
  /** First day of history: the first day of the previous UTC month. */
  readonly historyFrom: number;
  /** Days on or after this one are "the current period" and are fetched before older history. */
  readonly recentFrom: number;
  /** Providers revise the last hours, so yesterday and today stay open: [openFrom, openTo). */
  readonly openFrom: number;
  readonly openTo: number;
}

export function dayStart(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function syncWindow(now: number): SyncWindow {
  const date = new Date(now);
  const historyFrom = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1);
  const openFrom = dayStart(now) - DAY_MS;
  // A period in a zone west or east of UTC starts up to a day either side of the UTC month's start.
  const recentFrom = Math.max(historyFrom, Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) - DAY_MS);
  return { historyFrom, recentFrom: Math.min(recentFrom, openFrom), openFrom, openTo: dayStart(now) + DAY_MS };
}

/** The closed days already stored, from the new per-day lists or an older ledger's single mark. */
export function storedDays(
  days: readonly string[] | undefined,
  closedBefore: string | undefined,
  historyFrom: number,
): Set<string> {
  if (days) return new Set(days);
  const done = new Set<string>();
  if (!closedBefore) return done;
  const end = Date.parse(`${closedBefore}T00:00:00Z`);
  for (let d = historyFrom; d < end; d += DAY_MS) done.add(isoDay(d));
  return done;
}

/**
 * The missing days of [from, to) as runs of at most maxDays consecutive days, newest run first
 * (the number the user came for first), each run [start, end) in epoch ms.
 */
export function missingRuns(done: ReadonlySet<string>, from: number, to: number, maxDays: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let d = to - DAY_MS; d >= from; d -= DAY_MS) {
    if (done.has(isoDay(d))) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] === d + DAY_MS && last[1] - last[0] < maxDays * DAY_MS) last[0] = d;
    else runs.push([d, d + DAY_MS]);
  }
  return runs;
}
