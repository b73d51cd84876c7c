/** Months of the simulated organization's history (Anthropic and OpenAI) as ledger rows, and one poll's change. */
import type { BilledCost, StoredUsage } from '../../app/sources/billed-cost.ts';
import { anthropicByApiKey } from '../../app/sources/demo/demo-anthropic-routes.ts';
import { DemoOrganization, HOUR_MS } from '../../app/sources/demo/demo-organization.ts';
import { openAiByApiKey } from '../../app/sources/demo/demo-openai-routes.ts';
import type { LedgerChange } from '../../app/sources/ledger/ledger.ts';

export const BENCH_NOW = Date.parse('2026-11-25T12:30:00Z');
const DAY_MS = 24 * HOUR_MS;

export function benchOrganization(months: number): DemoOrganization {
  const now = new Date(BENCH_NOW);
  const origin = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate());
  return new DemoOrganization({ seed: 11, scenario: 'steady', now: () => now, origin });
}

/** Hourly usage rows and per-day bill lines of one source in [from, to), as the clients store them. */
export function historyRows(org: DemoOrganization, source: 'anthropic' | 'openai', from: number, to: number) {
  const usage: StoredUsage[] = [];
  const billByKey = new Map<string, BilledCost>();
  for (let hour = from; hour < to; hour += HOUR_MS) {
    const day = new Date(hour).toISOString().slice(0, 10);
    // Split by API key as the clients fetch it (group_by api_key_id): a row per key of the workspace.
    const origin = org.origin();
    const rows =
      source === 'anthropic'
        ? org
            .anthropicHour(hour)
            .flatMap((whole) => anthropicByApiKey(whole, hour, origin))
            .map(([apiKey, r]) => ({ ...DemoOrganization.anthropicUsageRow(r, hour), workspace: r.workspaceId, apiKey }))
        : org
            .openaiHour(hour)
            .flatMap((whole) => openAiByApiKey(whole, hour, origin))
            .map(([apiKey, r]) => ({ ...DemoOrganization.openaiUsageRow(r, hour), workspace: r.projectId, apiKey }));
    for (const row of rows) {
      usage.push({ ...row, width: '1h' });
      for (const line of org.bill(row)) {
        const key = `${day}|${row.model}|${row.workspace}|${line.kind}`;
        const prior = billByKey.get(key);
        const femto = (prior ? BigInt(prior.femto) : 0n) + line.femto;
        billByKey.set(key, {
          source,
          day,
          model: row.model,
          description: null,
          workspace: row.workspace ?? null,
          line: line.kind,
          femto: String(femto),
        });
      }
    }
  }
  return { usage, costs: [...billByKey.values()] };
}

/**
 * What one poll of a source commits: yesterday and today, re-fetched (sync-window.ts). As between
 * real polls, the last two hours' usage and today's bill have moved (by `poll` tokens and
 * femtodollars); the rest of the window is as stored.
 */
export function pollChange(org: DemoOrganization, source: 'anthropic' | 'openai', poll = 0): LedgerChange {
  const openFrom = Math.floor(BENCH_NOW / DAY_MS) * DAY_MS - DAY_MS;
  const openTo = openFrom + 2 * DAY_MS;
  const { usage, costs } = historyRows(org, source, openFrom, openTo);
  const iso = (t: number) => new Date(t).toISOString();
  const today = iso(BENCH_NOW).slice(0, 10);
  const moved = usage.map((r) =>
    Date.parse(r.start) >= BENCH_NOW - 2 * HOUR_MS ? { ...r, inputTokens: r.inputTokens + poll } : r,
  );
  const billed = costs.map((c) => (c.day === today ? { ...c, femto: String(BigInt(c.femto) + BigInt(poll)) } : c));
  return {
    source,
    usage: [{ from: iso(openFrom), to: iso(openTo), rows: moved }],
    costs: [{ fromDay: iso(openFrom).slice(0, 10), toDay: iso(openTo).slice(0, 10), rows: billed }],
    sync: { closedBefore: iso(openFrom).slice(0, 10) },
  };
}
