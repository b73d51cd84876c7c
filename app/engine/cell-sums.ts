/**
 * Spend cells summed the ways the view reads them: per source, hour, model, workspace and API key.
 *
 * The view is built every minute and after every poll from two periods of cells (~17k with keys
 * and workspaces), almost all of them in days no poll changed. The service hands the billed
 * sources' series in parts (one UTC day of one source each, kept while the day is unchanged), so
 * each part's sums are made once and kept with it; a view adds up those few sums (BigInt sums are
 * exact: the same totals as a walk of every cell) and walks only the cells of a part the view's
 * time range cuts through.
 *
 * Every map keeps its keys in the order they were first seen: the sums of the parts, added in
 * order, list their keys as one walk of all the cells would, so the breakdowns' order among equal
 * amounts and each day's float sum over its hours come out the same.
 */
import type { Femto } from './money.ts';
import type { SpendCell, SpendSeries } from './spend-series.ts';
import type { SourceKey } from './view-types.ts';

export interface WorkspaceSum {
  readonly source: SourceKey;
  /** The first seen of the default workspace's two spellings (null, ''), as the cells name it. */
  readonly workspace: string | null;
  femto: Femto;
}

export interface KeySum {
  readonly source: SourceKey;
  /** An id, null (usage with no key) or undefined (not reported by key). */
  readonly apiKey: string | null | undefined;
  femto: Femto;
}

export class CellSums {
  femto: Femto = 0n;
  minHour = Infinity;
  maxHour = -Infinity;
  readonly bySource = new Map<SourceKey, Femto>();
  readonly byHour = new Map<number, Femto>();
  readonly byModel = new Map<string, { femto: Femto; readonly sources: Set<SourceKey> }>();
  /** Per source, per workspace (null counts as ''); cells of sources without workspaces are left out. */
  private readonly workspaceIndex = new Map<SourceKey, Map<string, WorkspaceSum>>();
  readonly workspaces: WorkspaceSum[] = [];
  private readonly keyIndex = new Map<SourceKey, Map<string | null | undefined, KeySum>>();
  readonly keys: KeySum[] = [];
  /** Some cell names its key (an id or null): the source reports keys. */
  anyKey = false;
  /** The sources whose bill itself named some cell's key. */
  readonly keyBilledSources = new Set<SourceKey>();

  static of(cells: readonly SpendCell[]): CellSums {
    const sums = new CellSums();
    for (const c of cells) sums.addCell(c);
    return sums;
  }

  /** Sums as they are, or of cells (the breakdowns take either). */
  static from(cellsOrSums: readonly SpendCell[] | CellSums): CellSums {
    return cellsOrSums instanceof CellSums ? cellsOrSums : CellSums.of(cellsOrSums);
  }

  addCell(c: SpendCell): void {
    this.femto += c.femto;
    if (c.hour < this.minHour) this.minHour = c.hour;
    if (c.hour > this.maxHour) this.maxHour = c.hour;
    this.bySource.set(c.source, (this.bySource.get(c.source) ?? 0n) + c.femto);
    this.byHour.set(c.hour, (this.byHour.get(c.hour) ?? 0n) + c.femto);
    this.model(c.modelId, c.source).femto += c.femto;
    if (c.workspace !== undefined) this.workspace(c.source, c.workspace).femto += c.femto;
    this.key(c.source, c.apiKey).femto += c.femto;
    if (c.apiKey !== undefined) this.anyKey = true;
    if (c.keyBilled) this.keyBilledSources.add(c.source);
  }

  /** Adds another's sums; with `hoursOnly`, only the total and the sums per source and hour. */
  add(s: CellSums, hoursOnly = false): void {
    this.femto += s.femto;
    if (s.minHour < this.minHour) this.minHour = s.minHour;
    if (s.maxHour > this.maxHour) this.maxHour = s.maxHour;
    // forEach, not for-of: no [key, value] array made per entry (a view adds thousands).
    s.bySource.forEach((femto, source) => this.bySource.set(source, (this.bySource.get(source) ?? 0n) + femto));
    s.byHour.forEach((femto, hour) => this.byHour.set(hour, (this.byHour.get(hour) ?? 0n) + femto));
    if (hoursOnly) return;
    for (const [modelId, m] of s.byModel) {
      let sum: { femto: Femto; readonly sources: Set<SourceKey> } | undefined;
      for (const source of m.sources) sum = this.model(modelId, source);
      sum!.femto += m.femto;
    }
    for (const w of s.workspaces) this.workspace(w.source, w.workspace).femto += w.femto;
    for (const k of s.keys) this.key(k.source, k.apiKey).femto += k.femto;
    this.anyKey ||= s.anyKey;
    for (const source of s.keyBilledSources) this.keyBilledSources.add(source);
  }

  private model(modelId: string, source: SourceKey) {
    let sum = this.byModel.get(modelId);
    if (!sum) this.byModel.set(modelId, (sum = { femto: 0n, sources: new Set() }));
    sum.sources.add(source);
    return sum;
  }

  private workspace(source: SourceKey, workspace: string | null): WorkspaceSum {
    let bySpace = this.workspaceIndex.get(source);
    if (!bySpace) this.workspaceIndex.set(source, (bySpace = new Map()));
    let sum = bySpace.get(workspace ?? '');
    if (!sum) {
      bySpace.set(workspace ?? '', (sum = { source, workspace, femto: 0n }));
      this.workspaces.push(sum);
    }
    return sum;
  }

  private key(source: SourceKey, apiKey: string | null | undefined): KeySum {
    let byId = this.keyIndex.get(source);
    if (!byId) this.keyIndex.set(source, (byId = new Map()));
    let sum = byId.get(apiKey);
    if (!sum) {
      byId.set(apiKey, (sum = { source, apiKey, femto: 0n }));
      this.keys.push(sum);
    }
    return sum;
  }
}

/** Each kept part's sums, made once: a part's cells never change (a changed day is a new part). */
const partSums = new WeakMap<readonly SpendCell[], CellSums>();
function sumsOfPart(cells: readonly SpendCell[]): CellSums {
  let sums = partSums.get(cells);
  if (!sums) partSums.set(cells, (sums = CellSums.of(cells)));
  return sums;
}

/**
 * The series' cells in hours from..to (to excluded) of the sources `counts` takes. With
 * `hoursOnly`, the kept parts add only their sums per source and hour (a walked part adds all).
 */
export function sumsIn(
  series: SpendSeries,
  from: number,
  to: number,
  counts: (source: SourceKey) => boolean,
  hoursOnly = false,
): CellSums {
  const total = new CellSums();
  const walk = (cells: readonly SpendCell[]) => {
    for (const c of cells) if (c.hour >= from && c.hour < to && counts(c.source)) total.addCell(c);
  };
  if (!series.parts) {
    walk(series.cells);
    return total;
  }
  for (const part of series.parts) {
    const sums = sumsOfPart(part);
    if (sums.maxHour < from || sums.minHour >= to) continue;
    if (sums.bySource.size !== 1 || sums.minHour < from || sums.maxHour >= to) walk(part);
    else if (counts(sums.bySource.keys().next().value!)) total.add(sums, hoursOnly);
  }
  return total;
}

/** The cells `keep` keeps of the parts with some hour from `from` on (of all cells when the series has no parts). */
export function cellsSince(series: SpendSeries, from: number, keep: (cell: SpendCell) => boolean): SpendCell[] {
  if (!series.parts) return series.cells.filter(keep);
  const cells: SpendCell[] = [];
  for (const part of series.parts) if (sumsOfPart(part).maxHour >= from) for (const c of part) if (keep(c)) cells.push(c);
  return cells;
}
