/** One row per local day: spend (billed where billed, else priced) and tokens, by model. */
import { femtoToMicroUsd, type Femto } from './money.ts';
import { catalogFor, pricedSeries, type Pricing } from './priced-series.ts';
import type { BilledTotal } from './spend-series.ts';
import { addDays, localDate } from './time-zone.ts';
import type { UsageRow } from './usage-row.ts';

export interface DailyModel {
  readonly model: string;
  readonly usd: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheWriteTokens: number;
  readonly cacheReadTokens: number;
}

export interface DailyRow {
  readonly date: string;
  readonly usd: number;
  readonly byModel: readonly DailyModel[];
  /**
   * Per admin source with a bill for this UTC day: our catalog's price of the usage (without rates
   * learned from the bill), the bill, and estimate − bill. Empty for unbilled days and Claude Code.
   */
  readonly reconciliation?: ReadonlyArray<{
    readonly source: string;
    readonly estimateUsd: number;
    readonly billedUsd: number;
    readonly differenceUsd: number;
  }>;
}

interface Cell {
  femto: Femto;
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
}

const usd = femtoToMicroUsd;

export function dailyTable(
  usage: readonly UsageRow[],
  billed: readonly BilledTotal[],
  pricing: Pricing,
  options: { readonly now: number; readonly timeZone: string; readonly since: string; readonly until: string },
): DailyRow[] {
  const cells = new Map<string, Map<string, Cell>>();
  const cell = (date: string, model: string): Cell => {
    let day = cells.get(date);
    if (!day) cells.set(date, (day = new Map()));
    let c = day.get(model);
    if (!c) day.set(model, (c = { femto: 0n, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 }));
    return c;
  };
  const inRange = (date: string) => date >= options.since && date <= options.until;
  for (const c of pricedSeries(usage, billed, pricing, options.now).cells) {
    const date = localDate(c.hour, options.timeZone);
    if (inRange(date)) cell(date, c.modelId).femto += c.femto;
  }
  for (const row of usage) {
    const date = localDate(Date.parse(row.start), options.timeZone);
    if (!inRange(date)) continue;
    const c = cell(date, catalogFor(pricing, row.source).resolve(row.model)?.id ?? row.model);
    c.inputTokens += row.inputTokens;
    c.outputTokens += row.outputTokens;
    c.cacheWriteTokens += row.cacheWrite5mTokens + row.cacheWrite1hTokens;
    c.cacheReadTokens += row.cacheReadTokens;
  }
  const rows: DailyRow[] = [];
  for (let date = options.since; date <= options.until; date = addDays(date, 1)) {
    const models = [...(cells.get(date) ?? new Map<string, Cell>())].map(([model, c]) => ({
      model,
      usd: usd(c.femto),
      inputTokens: c.inputTokens,
      outputTokens: c.outputTokens,
      cacheWriteTokens: c.cacheWriteTokens,
      cacheReadTokens: c.cacheReadTokens,
    }));
    const total = [...(cells.get(date)?.values() ?? [])].reduce((s, c) => s + c.femto, 0n);
    rows.push({ date, usd: usd(total), byModel: models.sort((a, b) => b.usd - a.usd) });
  }
  return rows;
}
