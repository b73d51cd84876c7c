/**
 * The ledger as a table: one row per local day × source × model × workspace, with tokens by kind,
 * what the provider billed, what our catalog prices the usage at, and what Spendbar counts as spent
 * (the bill where there is one, else the price — the same rule as the view, so the spent column
 * sums to `status`). An amount that is not known (no bill yet, an unpriced model) is null, never 0.
 */
import { CostAggregator } from '../../engine/cost-aggregator.ts';
import { femtoToDecimalString, roundToMicro, type Femto } from '../../engine/money.ts';
import { catalogFor, pricedSeries, pricingGroups, type Pricing } from '../../engine/priced-series.ts';
import type { BilledTotal } from '../../engine/spend-series.ts';
import { localDate } from '../../engine/time-zone.ts';
import type { SourceId, UsageRow } from '../../engine/usage-row.ts';

export interface ExportRow {
  readonly date: string;
  readonly source: SourceId;
  readonly model: string;
  /** Anthropic workspace or OpenAI project id; null for the default one or a source without them. */
  readonly workspace: string | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheWrite5mTokens: number;
  readonly cacheWrite1hTokens: number;
  readonly cacheReadTokens: number;
  readonly webSearchRequests: number;
  /** Exact decimal USD strings, rounded to the micro-dollar; null when unknown. */
  readonly billedUsd: string | null;
  readonly pricedUsd: string | null;
  readonly spentUsd: string | null;
}

interface Sums {
  tokens: [number, number, number, number, number, number];
  billed?: Femto;
  priced?: Femto;
  spent?: Femto;
}

const usd = (femto: Femto | undefined) =>
  femto === undefined ? null : femtoToDecimalString(roundToMicro(femto) * 1_000_000_000n);
const add = (a: Femto | undefined, b: Femto) => (a ?? 0n) + b;

export function exportRows(
  usage: readonly UsageRow[],
  billed: readonly BilledTotal[],
  pricing: Pricing,
  options: { readonly now: number; readonly timeZone: string; readonly since: string; readonly until: string },
): ExportRow[] {
  const groups = new Map<string, Sums>();
  const group = (time: number, source: string, model: string, workspace: string | null | undefined): Sums | undefined => {
    const date = localDate(time, options.timeZone);
    if (date < options.since || date > options.until) return undefined;
    const key = JSON.stringify([date, source, model, workspace ?? null]);
    let sums = groups.get(key);
    if (!sums) groups.set(key, (sums = { tokens: [0, 0, 0, 0, 0, 0] }));
    return sums;
  };
  for (const row of usage) {
    const model = catalogFor(pricing, row.source).resolve(row.model)?.id ?? row.model;
    const sums = group(Date.parse(row.start), row.source, model, row.workspace);
    if (!sums) continue;
    const t = sums.tokens;
    t[0] += row.inputTokens;
    t[1] += row.outputTokens;
    t[2] += row.cacheWrite5mTokens;
    t[3] += row.cacheWrite1hTokens;
    t[4] += row.cacheReadTokens;
    t[5] += row.webSearchRequests;
  }
  // Priced by the same catalogs as the spent column and the view: a local log's at list prices.
  for (const { catalog, rows } of pricingGroups(usage, pricing)) {
    const priced = new CostAggregator(catalog, (d) => JSON.stringify([d.slot, d.source, d.modelId, d.workspace ?? null]), 'hour');
    for (const [key, cost] of priced.addAll(rows).groups()) {
      const [slot, source, model, workspace] = JSON.parse(key) as [string, string, string, string | null];
      const sums = group(Date.parse(`${slot}:00:00Z`), source, model, workspace);
      if (sums) sums.priced = add(sums.priced, cost.femto);
    }
  }
  for (const cell of pricedSeries(usage, billed, pricing, options.now).cells) {
    const sums = group(cell.hour, cell.source, cell.modelId, cell.workspace);
    if (!sums) continue;
    sums.spent = add(sums.spent, cell.femto);
    if (cell.billed) sums.billed = add(sums.billed, cell.femto);
  }
  const rows = [...groups].map(([key, s]): ExportRow => {
    const [date, source, model, workspace] = JSON.parse(key) as [string, SourceId, string, string | null];
    const [inputTokens, outputTokens, cacheWrite5mTokens, cacheWrite1hTokens, cacheReadTokens, webSearchRequests] = s.tokens;
    return {
      date,
      source,
      model,
      workspace,
      inputTokens,
      outputTokens,
      cacheWrite5mTokens,
      cacheWrite1hTokens,
      cacheReadTokens,
      webSearchRequests,
      billedUsd: usd(s.billed),
      pricedUsd: usd(s.priced),
      spentUsd: usd(s.spent),
    };
  });
  const order = (r: ExportRow) => [r.date, r.source, r.model, r.workspace ?? ''].join('\u0000');
  return rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
