/** Which days a sync fetches: closed days once, the open days (yesterday and today) on every poll. */

const DAY_MS = 86_400_000;

export interface SyncWindow {
  /** Closed days not fetched yet: [closedFrom, openFrom); empty when equal. */
  readonly closedFrom: number;
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

/**
 * @param closedBefore the ledger's mark: days before it are final.
 * @param now the current time; history starts at the first day of the previous UTC month.
 */
export function syncWindow(now: number, closedBefore: string | undefined): SyncWindow {
  const date = new Date(now);
  const historyStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1);
  const openFrom = dayStart(now) - DAY_MS;
  const marked = closedBefore ? Date.parse(`${closedBefore}T00:00:00Z`) : historyStart;
  return { closedFrom: Math.min(Math.max(marked, historyStart), openFrom), openFrom, openTo: dayStart(now) + DAY_MS };
}
