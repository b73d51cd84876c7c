/**
 * What was spent, hour by hour, per source and model. A UTC day the provider has billed and that is
 * over uses the bill; the current day, and any day without a bill, uses priced usage (a source with
 * no usage at all, billed as it goes, uses its bill today too). Each day counts
 * once, either way. A bill line that names its model keeps its dollars under that model (spread over
 * the model's hours by priced usage), even a model the catalog cannot price; only lines that name no
 * model are spread over the other models' priced usage.
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
  /** The model the line bills, as the provider names it; null or absent: a line naming no model. */
  readonly model?: string | null;
  /** The line's workspace or project, used for a model without priced usage to spread over. */
  readonly workspace?: string | null;
  /**
   * The line's API key id where the bill is grouped by key (OpenAI costs): its dollars go to that
   * key's usage. Undefined where the bill is not (Anthropic's cost report cannot group by key): the
   * day's dollars are then split over keys by their priced usage, an estimate.
   */
  readonly apiKey?: string | null;
}

export interface SpendCell {
  /** Start of the UTC hour, epoch ms. */
  readonly hour: number;
  readonly source: SourceId;
  readonly modelId: string;
  /** The workspace (Anthropic) or project (OpenAI): null is the default one, undefined a source without them. */
  readonly workspace?: string | null | undefined;
  /** The API key id: null is usage with no key, undefined a source (or row) without keys. */
  readonly apiKey?: string | null | undefined;
  readonly femto: Femto;
  /** True when the amount comes from the provider's bill, false when it is our estimate. */
  readonly billed: boolean;
  /** True when the bill itself named this cell's key (not a split of the day by priced usage). */
  readonly keyBilled?: boolean;
}

export interface DayReconciliation {
  readonly day: string;
  readonly source: SourceId;
  readonly estimateFemto: Femto;
  readonly billedFemto: Femto;
}

export interface SpendSeries {
  readonly cells: readonly SpendCell[];
  /**
   * The same cells in parts that are kept between views (each one UTC day of one source, never
   * changed: a changed day is a new part), in the order of `cells`; the view sums each part once
   * (cell-sums.ts). Absent: the cells are one part, summed on every view.
   */
  readonly parts?: ReadonlyArray<readonly SpendCell[]>;
  readonly unpriced: readonly UnpricedUsage[];
  /** Per day and source, our price of the usage beside the bill: how far the catalog is from it. */
  readonly reconciliation: readonly DayReconciliation[];
}

/**
 * A series kept in parts. The view reads the parts' sums (cell-sums.ts), so the cells are put in one
 * array only if something asks for them.
 */
export function seriesOfParts(
  parts: ReadonlyArray<readonly SpendCell[]>,
  unpriced: readonly UnpricedUsage[],
  reconciliation: readonly DayReconciliation[],
): SpendSeries {
  let cells: readonly SpendCell[] | undefined;
  return {
    get cells() {
      return (cells ??= parts.flat());
    },
    parts,
    unpriced,
    reconciliation,
  };
}

/** A workspace in a group key: undefined (a source without workspaces), null (the default one), or its id. */
const workspaceKey = (workspace: string | null | undefined) =>
  workspace === undefined ? '' : workspace === null ? '-' : `=${encodeURIComponent(workspace)}`;
const workspaceOf = (key: string) => (key === '' ? undefined : key === '-' ? null : decodeURIComponent(key.slice(1)));
/** An API key in a group key: the same encoding (undefined, null or its id). */
const apiKeyKey = workspaceKey;
const apiKeyOf = workspaceOf;

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
    (d) => `${d.slot}|${d.source}|${d.modelId}|${workspaceKey(d.workspace)}|${apiKeyKey(d.apiKey)}`,
    'hour',
  ).addAll(usage);
  const estimated = new Map<string, Estimate[]>();
  for (const [key, cost] of aggregator.groups()) {
    const [slot = '', source = 'anthropic', modelId = '', workspace = '', apiKey = ''] = key.split('|');
    const hour = Date.parse(`${slot}:00:00Z`);
    const dayKey = `${source}|${slot.slice(0, 10)}`;
    let list = estimated.get(dayKey);
    if (!list) estimated.set(dayKey, (list = []));
    list.push({
      hour,
      source: source as SourceId,
      modelId,
      workspace: workspaceOf(workspace),
      ...(apiKey === '' ? {} : { apiKey: apiKeyOf(apiKey) }),
      femto: cost.femto,
    });
  }

  const billedByDay = new Map<string, BilledTotal[]>();
  for (const b of billed) {
    const key = `${b.source}|${b.day}`;
    const lines = billedByDay.get(key);
    if (lines) lines.push(b);
    else billedByDay.set(key, [b]);
  }

  const today = new Date(now).toISOString().slice(0, 10);
  const cells: SpendCell[] = [];
  const reconciliation: DayReconciliation[] = [];
  for (const key of new Set([...estimated.keys(), ...billedByDay.keys()])) {
    const [source = 'anthropic', day = ''] = key.split('|') as [SourceId, string];
    const estimates = estimated.get(key) ?? [];
    const lines = billedByDay.get(key);
    const estimateFemto = estimates.reduce((s, c) => s + c.femto, 0n);
    // Today's bill is not final, so priced usage stands for it — unless the source has no usage to
    // price and bills as it goes (OpenRouter's running totals): then its bill is all there is.
    if (lines === undefined || (day >= today && estimates.length > 0)) {
      for (const c of estimates) cells.push({ ...c, billed: false });
      continue;
    }
    if (day >= today) {
      cells.push(...billedDay(day, source, lines, estimates, catalog));
      continue;
    }
    reconciliation.push({ day, source, estimateFemto, billedFemto: lines.reduce((s, l) => s + l.femto, 0n) });
    cells.push(...billedDay(day, source, lines, estimates, catalog));
  }
  reconciliation.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.source.localeCompare(b.source)));
  return { cells, unpriced: aggregator.unpricedUsage(), reconciliation };
}

type Estimate = Omit<SpendCell, 'billed'>;

/** Spreads an amount over cells by their priced usage, exactly; false when there is nothing to spread over. */
function spread(amount: Femto, over: readonly Estimate[], out: SpendCell[], keyBilled = false): boolean {
  if (over.length === 0 || over.every((c) => c.femto <= 0n)) return false;
  const parts = distribute(
    amount,
    over.map((c) => c.femto),
  );
  over.forEach((c, i) => out.push({ ...c, femto: parts[i]!, billed: true, ...(keyBilled ? { keyBilled } : {}) }));
  return true;
}

/** Amounts per place: a line's workspace or project and its API key (undefined where the provider has none). */
interface Place {
  readonly workspace: string | null | undefined;
  readonly apiKey: string | null | undefined;
  femto: Femto;
}
type ByPlace = Map<string, Place>;

function addTo(map: ByPlace, line: BilledTotal): void {
  const key = `${workspaceKey(line.workspace)}|${apiKeyKey(line.apiKey)}`;
  const place = map.get(key) ?? { workspace: line.workspace, apiKey: line.apiKey, femto: 0n };
  place.femto += line.femto;
  map.set(key, place);
}

const totalOf = (places: Iterable<Place>) => [...places].reduce((a, p) => a + p.femto, 0n);

/** A place's own dollars as a cell at the day's start (nothing priced to spread them over). */
function placeCell(dayStart: number, source: SourceId, modelId: string, p: Place): SpendCell {
  return {
    hour: dayStart,
    source,
    modelId,
    workspace: p.workspace,
    ...(p.apiKey !== undefined ? { apiKey: p.apiKey, keyBilled: true } : {}),
    femto: p.femto,
    billed: true,
  };
}

/**
 * One billed day's cells. Named lines go to their model. Lines naming no model are spread over the
 * priced usage of models no line names; on a bill that names none at all (an older bill), over all
 * priced usage; with nothing to spread over they stay "other charges" (storage, tools) rather than
 * being pinned on models the bill already accounts for.
 */
function billedDay(
  day: string,
  source: SourceId,
  lines: readonly BilledTotal[],
  estimates: readonly Estimate[],
  catalog: Catalog,
): SpendCell[] {
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const cells: SpendCell[] = [];
  // Named lines, per model as the catalog knows it (a dated id and its alias are one model).
  const named = new Map<string, ByPlace>();
  const unnamed: ByPlace = new Map();
  for (const line of lines) {
    if (!line.model) {
      addTo(unnamed, line);
      continue;
    }
    const id = catalog.resolve(line.model)?.id ?? line.model;
    const byPlace = named.get(id) ?? new Map();
    addTo(byPlace, line);
    named.set(id, byPlace);
  }
  for (const [modelId, byPlace] of named) {
    const places = [...byPlace.values()];
    const ofModel = estimates.filter((c) => c.modelId === modelId);
    // A bill grouped by key: each key's dollars go to that key's usage of the model.
    if (places.some((p) => p.apiKey !== undefined)) {
      for (const apiKey of new Set(places.map((p) => p.apiKey))) {
        const own = places.filter((p) => p.apiKey === apiKey);
        if (
          spread(
            totalOf(own),
            ofModel.filter((c) => c.apiKey === apiKey),
            cells,
            true,
          )
        )
          continue;
        for (const p of own) cells.push(placeCell(dayStart, source, modelId, p));
      }
      continue;
    }
    if (spread(totalOf(places), ofModel, cells)) continue;
    // No priced usage for it (a model the catalog does not know): its own billed dollars, at the day's start.
    for (const p of places) cells.push(placeCell(dayStart, source, modelId, p));
  }
  const rest = totalOf(unnamed.values());
  if (rest === 0n) return cells;
  const pool = named.size === 0 ? estimates : estimates.filter((c) => !named.has(c.modelId));
  if (spread(rest, pool, cells)) return cells;
  for (const p of unnamed.values()) cells.push(placeCell(dayStart, source, OTHER_CHARGES, p));
  return cells;
}
