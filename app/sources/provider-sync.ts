/**
 * One refresh of an admin-API source: fetch everything first, then commit it to the ledger in one
 * write. Any failure throws before the commit, so a fault never changes what is stored.
 */
import type { SourceId } from '../engine/usage-row.ts';
import type { BilledCost, StoredUsage } from './billed-cost.ts';
import type { Ledger } from './ledger/ledger.ts';
import { isoDay, syncWindow } from './sync-window.ts';

export interface ProviderClient {
  usage(from: number, to: number, width: '1h' | '1d'): Promise<StoredUsage[]>;
  costs(from: number, to: number): Promise<BilledCost[]>;
  /** The provider's clock (its responses' Date header), when it sent one. */
  providerNow?(): number | undefined;
}

/**
 * The first day still open: yesterday by the earlier of our clock and the provider's, so a clock
 * ahead (or --now in the future) never closes a day the provider has not finished.
 */
function firstOpenDay(now: number, providerNow: number | undefined, openFrom: number): number {
  return Math.min(openFrom, syncWindow(Math.min(now, providerNow ?? now), undefined).openFrom);
}

export async function syncProvider(source: SourceId, client: ProviderClient, ledger: Ledger, now: number): Promise<void> {
  const window = syncWindow(now, ledger.syncMark(source).closedBefore);
  const hasClosed = window.closedFrom < window.openFrom;
  // Usage is fetched hourly even for closed days, so any time zone can cut days and periods exactly.
  const closed = hasClosed ? await client.usage(window.closedFrom, window.openFrom, '1h') : [];
  const open = await client.usage(window.openFrom, window.openTo, '1h');
  const costs = await client.costs(window.closedFrom, window.openTo);
  const iso = (t: number) => new Date(t).toISOString();
  ledger.commit({
    source,
    usage: [
      ...(hasClosed ? [{ from: iso(window.closedFrom), to: iso(window.openFrom), rows: closed }] : []),
      { from: iso(window.openFrom), to: iso(window.openTo), rows: open },
    ],
    costs: [{ fromDay: isoDay(window.closedFrom), toDay: isoDay(window.openTo), rows: costs }],
    sync: { closedBefore: isoDay(firstOpenDay(now, client.providerNow?.(), window.openFrom)) },
  });
}
