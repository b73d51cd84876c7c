/**
 * One refresh of the Anthropic source: fetch everything first, then commit it to the ledger in one
 * write. Any failure throws before the commit, so a fault never changes what is stored.
 */
import type { Ledger } from '../ledger/ledger.ts';
import { isoDay, syncWindow } from '../sync-window.ts';
import type { AnthropicClient } from './anthropic-client.ts';

export async function syncAnthropic(client: AnthropicClient, ledger: Ledger, now: number): Promise<void> {
  const window = syncWindow(now, ledger.syncMark('anthropic').closedBefore);
  const closed = window.closedFrom < window.openFrom ? await client.usage(window.closedFrom, window.openFrom, '1d') : [];
  const open = await client.usage(window.openFrom, window.openTo, '1h');
  const costs = await client.costs(window.closedFrom, window.openTo);
  const iso = (t: number) => new Date(t).toISOString();
  ledger.commit({
    source: 'anthropic',
    usage: [
      ...(window.closedFrom < window.openFrom ? [{ from: iso(window.closedFrom), to: iso(window.openFrom), rows: closed }] : []),
      { from: iso(window.openFrom), to: iso(window.openTo), rows: open },
    ],
    costs: [{ fromDay: isoDay(window.closedFrom), toDay: isoDay(window.openTo), rows: costs }],
    sync: { closedBefore: isoDay(window.openFrom) },
  });
}
