/** The simulated organization's own totals, computed from the generator directly (no HTTP, no client). */
import { DemoOrganization, HOUR_MS } from '../../app/sources/demo/demo-organization.ts';
import type { BilledCost, StoredUsage } from '../../app/sources/billed-cost.ts';

export interface DayModelTotals {
  tokens: Map<string, number>;
  femto: Map<string, bigint>;
}

export function generatorTotals(org: DemoOrganization, from: number, to: number): DayModelTotals {
  const tokens = new Map<string, number>();
  const femto = new Map<string, bigint>();
  for (let hour = from; hour < to; hour += HOUR_MS) {
    const day = new Date(hour).toISOString().slice(0, 10);
    for (const record of org.anthropicHour(hour)) {
      const key = `${day}|${record.model}`;
      const sum =
        record.uncachedInputTokens +
        record.outputTokens +
        record.cacheWrite5mTokens +
        record.cacheWrite1hTokens +
        record.cacheReadTokens;
      tokens.set(key, (tokens.get(key) ?? 0) + sum);
      for (const line of org.bill(DemoOrganization.anthropicUsageRow(record, hour)))
        femto.set(key, (femto.get(key) ?? 0n) + line.femto);
    }
  }
  return { tokens, femto };
}

/** The same totals from what the ledger stored. Web search lines have no model; they go under "(web search)". */
export function ledgerTotals(usage: readonly StoredUsage[], costs: readonly BilledCost[]): DayModelTotals {
  const tokens = new Map<string, number>();
  const femto = new Map<string, bigint>();
  for (const r of usage) {
    const key = `${r.start.slice(0, 10)}|${r.model}`;
    tokens.set(
      key,
      (tokens.get(key) ?? 0) + r.inputTokens + r.outputTokens + r.cacheWrite5mTokens + r.cacheWrite1hTokens + r.cacheReadTokens,
    );
  }
  for (const c of costs) {
    const key = `${c.day}|${c.model ?? '(web search)'}`;
    femto.set(key, (femto.get(key) ?? 0n) + BigInt(c.femto));
  }
  return { tokens, femto };
}

/** Generator femto per day and model, with web search moved to its own key as the bill shows it. */
export function generatorBill(org: DemoOrganization, from: number, to: number): Map<string, bigint> {
  const femto = new Map<string, bigint>();
  for (let hour = from; hour < to; hour += HOUR_MS) {
    const day = new Date(hour).toISOString().slice(0, 10);
    for (const record of org.anthropicHour(hour)) {
      for (const line of org.bill(DemoOrganization.anthropicUsageRow(record, hour))) {
        const key = `${day}|${line.kind === 'web_search' ? '(web search)' : record.model}`;
        femto.set(key, (femto.get(key) ?? 0n) + line.femto);
      }
    }
  }
  return femto;
}
