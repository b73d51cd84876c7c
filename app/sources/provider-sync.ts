/**
 * One refresh of an admin-API source, resumable. The open days (yesterday and today) come first, then
 * the closed days of the current period (oldest first), then older history (newest first). Each run of
 * closed days is committed in one atomic write that also marks its days stored; when a page fails, the
 * whole days the earlier pages delivered are committed first, so a 429 on page 150 keeps pages 1–149
 * and the next poll asks only for what is still missing. A day is stored by replacing its window, so
 * a day fetched twice is never counted twice.
 *
 * Usage and the bill are independent: a report that fails on its own (a bad page, a 5xx) does not stop
 * the other; a failure that concerns the whole provider (rate limit, rejected key, offline, timeout)
 * stops the refresh at once so the provider is not hammered. The first failure is thrown at the end.
 */
import type { SourceId } from '../engine/usage-row.ts';
import type { BilledCost, StoredUsage } from './billed-cost.ts';
import type { Ledger } from './ledger/ledger.ts';
import type { SyncMark } from './ledger/ledger-format.ts';
import { SourceError } from './source-status.ts';
import { DAY_MS, dayStart, isoDay, missingRuns, storedDays, syncWindow } from './sync-window.ts';

/** Told after each page: its rows, and where its buckets end (everything before is delivered). */
export type PageProgress<T> = (rows: T[], pageEnd: number | undefined) => void;

export interface ProviderClient {
  usage(from: number, to: number, width: '1h' | '1d', progress?: PageProgress<StoredUsage>): Promise<StoredUsage[]>;
  costs(from: number, to: number, progress?: PageProgress<BilledCost>): Promise<BilledCost[]>;
  /** The provider's clock (its responses' Date header), when it sent one. */
  providerNow?(): number | undefined;
}

/**
 * While history is still missing, the open days are re-fetched at most this often: "usage and cost
 * data typically appears within 5 minutes" (anthropic-admin-api.md §1.6), so a retry soon after a
 * rate limit goes to the history instead. Once history is whole, every refresh fetches them (a
 * "Refresh now" means now).
 */
export const OPEN_REFRESH_MS = 5 * 60_000;
/**
 * Closed days are asked for in runs of up to a month (at 168 hourly buckets a page, five pages) and
 * written once per run: one atomic write per run keeps the ledger's writes few, and a failure mid-run
 * still writes every whole day its earlier pages delivered before it is reported.
 */
const USAGE_RUN_DAYS = 31;
/** 31 daily buckets: one page at the documented maximum limit for 1d cost buckets. */
const COST_RUN_DAYS = 31;

type Report = 'usage' | 'costs';
const iso = (t: number) => new Date(t).toISOString();

/** Failures that concern one report only; any other stops the whole refresh. */
function reportOnly(error: unknown): boolean {
  return error instanceof SourceError && (error.failure.kind === 'bad-response' || error.failure.kind === 'provider-down');
}

class SourceSync {
  private readonly window;
  private readonly days: Record<Report, Set<string>>;
  private readonly historyPending: boolean;

  constructor(
    private readonly source: SourceId,
    private readonly client: ProviderClient,
    private readonly ledger: Ledger,
    private readonly now: number,
  ) {
    this.window = syncWindow(now);
    const mark = ledger.syncMark(source);
    this.days = {
      usage: storedDays(mark.usageDays, mark.closedBefore, this.window.historyFrom),
      costs: storedDays(mark.costDays, mark.closedBefore, this.window.historyFrom),
    };
    const { historyFrom, openFrom } = this.window;
    this.historyPending = (['usage', 'costs'] as const).some(
      (report) => missingRuns(this.days[report], historyFrom, openFrom, USAGE_RUN_DAYS).length > 0,
    );
  }

  private fresh(fetchedAt: string | undefined): boolean {
    if (!this.historyPending) return false;
    const at = fetchedAt === undefined ? NaN : Date.parse(fetchedAt);
    return at <= this.now && this.now - at < OPEN_REFRESH_MS;
  }

  async open(report: Report): Promise<void> {
    const { openFrom, openTo } = this.window;
    const mark = this.ledger.syncMark(this.source);
    if (report === 'usage') {
      if (this.fresh(mark.usageFetchedAt)) return;
      const rows = await this.client.usage(openFrom, openTo, '1h');
      const usage = [{ from: iso(openFrom), to: iso(openTo), rows }];
      this.ledger.commit({ source: this.source, usage, sync: { usageFetchedAt: iso(this.now) } });
    } else {
      if (this.fresh(mark.costFetchedAt)) return;
      const rows = await this.client.costs(openFrom, openTo);
      const costs = [{ fromDay: isoDay(openFrom), toDay: isoDay(openTo), rows }];
      this.ledger.commit({ source: this.source, costs, sync: { costFetchedAt: iso(this.now) } });
    }
  }

  /**
   * The missing closed days of [from, to), in runs, each committed page by page. The current period
   * fills forward from its first day, so what is stored is always "the period through day N"; older
   * history fills backward, the days nearest the period (what the forecast learns most from) first.
   */
  async closed(report: Report, from: number, to: number, direction: 'forward' | 'backward'): Promise<void> {
    const runs = missingRuns(this.days[report], from, to, report === 'usage' ? USAGE_RUN_DAYS : COST_RUN_DAYS);
    if (direction === 'forward') runs.reverse();
    for (const [start, end] of runs) await (report === 'usage' ? this.usageRun(start, end) : this.costRun(start, end));
  }

  /** Marks [from, to) stored, keeping only days still inside the history. */
  private markDays(report: Report, from: number, to: number): SyncMark {
    for (let d = from; d < to; d += DAY_MS) this.days[report].add(isoDay(d));
    const list = [...this.days[report]].filter((d) => d >= isoDay(this.window.historyFrom)).sort();
    return report === 'usage' ? { usageDays: list } : { costDays: list };
  }

  private async usageRun(from: number, to: number): Promise<void> {
    const rows: StoredUsage[] = [];
    let received = from;
    const commitTo = (end: number) => {
      if (end <= from) return;
      const kept = rows.filter((r) => Date.parse(r.start) >= from && Date.parse(r.start) < end);
      const usage = [{ from: iso(from), to: iso(end), rows: kept }];
      this.ledger.commit({ source: this.source, usage, sync: this.markDays('usage', from, end) });
    };
    try {
      await this.client.usage(from, to, '1h', (page, pageEnd) => {
        rows.push(...page);
        if (pageEnd !== undefined) received = Math.max(received, Math.min(dayStart(pageEnd), to));
      });
    } catch (error) {
      // Keep every whole day the pages before the failure delivered: the next poll starts after them.
      commitTo(received);
      throw error;
    }
    commitTo(to);
  }

  private async costRun(from: number, to: number): Promise<void> {
    const rows: BilledCost[] = [];
    let received = from;
    const commitTo = (end: number) => {
      if (end <= from) return;
      const [fromDay, toDay] = [isoDay(from), isoDay(end)];
      const kept = rows.filter((r) => r.day >= fromDay && r.day < toDay);
      this.ledger.commit({
        source: this.source,
        costs: [{ fromDay, toDay, rows: kept }],
        sync: this.markDays('costs', from, end),
      });
    };
    try {
      await this.client.costs(from, to, (page, pageEnd) => {
        rows.push(...page);
        if (pageEnd !== undefined) received = Math.max(received, Math.min(dayStart(pageEnd), to));
      });
    } catch (error) {
      commitTo(received);
      throw error;
    }
    commitTo(to);
  }
}

export async function syncProvider(source: SourceId, client: ProviderClient, ledger: Ledger, now: number): Promise<void> {
  const sync = new SourceSync(source, client, ledger, now);
  const { historyFrom, recentFrom, openFrom } = syncWindow(now);
  // A day is closed only when it is over by the provider's clock as well as ours (a clock ahead, or
  // --now in the future, must not mark a day stored before the provider has finished it).
  const closedTo = () => Math.min(openFrom, syncWindow(Math.min(now, client.providerNow?.() ?? now)).openFrom);
  const steps: Array<[Report, () => Promise<void>]> = [
    ['usage', () => sync.open('usage')],
    ['costs', () => sync.open('costs')],
    ['usage', () => sync.closed('usage', recentFrom, closedTo(), 'forward')],
    ['costs', () => sync.closed('costs', recentFrom, closedTo(), 'forward')],
    ['usage', () => sync.closed('usage', historyFrom, Math.min(recentFrom, closedTo()), 'backward')],
    ['costs', () => sync.closed('costs', historyFrom, Math.min(recentFrom, closedTo()), 'backward')],
  ];
  const failed = new Set<Report>();
  let first: unknown;
  for (const [report, step] of steps) {
    if (failed.has(report)) continue;
    try {
      await step();
    } catch (error) {
      first ??= error;
      failed.add(report);
      if (!reportOnly(error)) break;
    }
  }
  if (first !== undefined) throw first;
}
