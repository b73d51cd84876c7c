/**
 * What was spent, hour by hour, per source and model. A UTC day the provider has billed and that is
 * over uses the bill (spread over that day's hours in proportion to priced usage, exactly); the
 * current day, and any day without a bill, uses priced usage. Each day counts once, either way.
 */
import type { Catalog } from './catalog/catalog.ts';
import { CostAggregator } from './cost-aggregator.ts';
import { distribute } from './distribute.ts';
import type { Femto } from './money.ts';
import type { UnpricedUsage } from './price.ts';
import type { SourceId, UsageRow } from './usage-row.ts';

export interface BilledTotal {
  readonly source: SourceId;
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly femto: Femto;
}

export interface SpendCell {
  /** Start of the UTC hour, epoch ms. */
  readonly hour: number;
  readonly source: SourceId;
  readonly modelId: string;
  /** The workspace (Anthropic) or project (OpenAI): null is the default one, undefined a source without them. */
  readonly workspace?: string | null | undefined;
  readonly femto: Femto;
  /** True when the amount comes from the provider's bill, false when it is our estimate. */
  readonly billed: boolean;
}

export interface DayReconciliation {
  readonly day: string;
  readonly source: SourceId;
  readonly estimateFemto: Femto;
  readonly billedFemto: Femto;
}

export interface SpendSeries {
  readonly cells: readonly SpendCell[];
  readonly unpriced: readonly UnpricedUsage[];
  /** Per day and source, our price of the usage beside the bill: how far the catalog is from it. */
  readonly reconciliation: readonly DayReconciliation[];
}

/** A workspace in a group key: undefined (a source without workspaces), null (the default one), or its id. */
const workspaceKey = (workspace: string | null | undefined) =>
  workspace === undefined ? '' : workspace === null ? '-' : `=${encodeURIComponent(workspace)}`;
const workspaceOf = (key: string) => (key === '' ? undefined : key === '-' ? null : decodeURIComponent(key.slice(1)));

/** Bill lines that have no usage behind them (code execution, web search on a day without tokens). */
export const OTHER_CHARGES = 'other charges';

export function spendSeries(
  usage: readonly UsageRow[],
  billed: readonly BilledTotal[],
  catalog: Catalog,
  now: number,
): SpendSeries {
  const aggregator = new CostAggregator(
    catalog,
    (d) => `${d.slot}|${d.source}|${d.modelId}|${workspaceKey(d.workspace)}`,
    'hour',
  ).addAll(usage);
  type Estimate = Omit<SpendCell, 'billed'>;
  const estimated = new Map<string, Estimate[]>();
  for (const [key, cost] of aggregator.groups()) {
    const [slot = '', source = 'anthropic', modelId = '', workspace = ''] = key.split('|');
    const hour = Date.parse(`${slot}:00:00Z`);
    const dayKey = `${source}|${slot.slice(0, 10)}`;
    let list = estimated.get(dayKey);
    if (!list) estimated.set(dayKey, (list = []));
    list.push({ hour, source: source as SourceId, modelId, workspace: workspaceOf(workspace), femto: cost.femto });
  }

  const billedByDay = new Map<string, Femto>();
  for (const b of billed) billedByDay.set(`${b.source}|${b.day}`, (billedByDay.get(`${b.source}|${b.day}`) ?? 0n) + b.femto);

  const today = new Date(now).toISOString().slice(0, 10);
  const cells: SpendCell[] = [];
  const reconciliation: DayReconciliation[] = [];
  for (const key of new Set([...estimated.keys(), ...billedByDay.keys()])) {
    const [source = 'anthropic', day = ''] = key.split('|') as [SourceId, string];
    const estimates = estimated.get(key) ?? [];
    const bill = billedByDay.get(key);
    const estimateFemto = estimates.reduce((s, c) => s + c.femto, 0n);
    if (bill === undefined || day >= today) {
      for (const c of estimates) cells.push({ ...c, billed: false });
      continue;
    }
    reconciliation.push({ day, source, estimateFemto, billedFemto: bill });
    if (estimates.length === 0 || estimateFemto === 0n) {
      cells.push({ hour: Date.parse(`${day}T00:00:00Z`), source, modelId: OTHER_CHARGES, femto: bill, billed: true });
      continue;
    }
    const parts = distribute(
      bill,
      estimates.map((c) => c.femto),
    );
    estimates.forEach((c, i) => cells.push({ ...c, femto: parts[i]!, billed: true }));
  }
  reconciliation.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.source.localeCompare(b.source)));
  return { cells, unpriced: aggregator.unpricedUsage(), reconciliation };
}
