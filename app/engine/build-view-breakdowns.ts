/** Step 5 of buildView: the day-by-day chart, and spend by model and by workspace or project. */
import type { Catalog } from './catalog/catalog.ts';
import type { Forecast } from './forecast.ts';
import { femtoToMicroUsd, type Femto } from './money.ts';
import { periodDates, type Period } from './period.ts';
import type { SpendCell } from './spend-series.ts';
import type { DailyPoint, SourceKey, SpendView } from './view-types.ts';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function dailyPoints(
  period: Period,
  todayDate: string,
  dailyUsd: ReadonlyMap<string, number>,
  projection: Forecast,
): DailyPoint[] {
  const remainingByDate = new Map(projection.remainingDays.map((d) => [d.date, d.usd]));
  return periodDates(period).map((date) => ({
    date,
    usd: date <= todayDate ? round(dailyUsd.get(date) ?? 0) : null,
    projectedUsd: remainingByDate.has(date) ? round(remainingByDate.get(date)!) : null,
  }));
}

export function byModel(countedCells: readonly SpendCell[], catalog: Catalog): SpendView['byModel'] {
  const byModelMap = new Map<string, { femto: Femto; sources: Set<SourceKey> }>();
  for (const c of countedCells) {
    let entry = byModelMap.get(c.modelId);
    if (!entry) byModelMap.set(c.modelId, (entry = { femto: 0n, sources: new Set<SourceKey>() }));
    entry.femto += c.femto;
    entry.sources.add(c.source);
  }
  return [...byModelMap]
    .map(([model, e]) => ({
      model,
      displayName: catalog.resolve(model)?.displayName ?? model,
      usd: femtoToMicroUsd(e.femto),
      sources: [...e.sources],
    }))
    .sort((a, b) => b.usd - a.usd);
}

/** Empty unless the cells name at least two workspaces (one is no breakdown). */
export function byWorkspace(countedCells: readonly SpendCell[]): SpendView['byWorkspace'] {
  // Per source, per workspace (the default one, null, counts as ''); the entries in the order first seen.
  const bySource = new Map<SourceKey, Map<string, { source: SourceKey; workspace: string | null; femto: Femto }>>();
  const entries: Array<{ source: SourceKey; workspace: string | null; femto: Femto }> = [];
  for (const c of countedCells) {
    if (c.workspace === undefined) continue;
    let workspaces = bySource.get(c.source);
    if (!workspaces) bySource.set(c.source, (workspaces = new Map()));
    let entry = workspaces.get(c.workspace ?? '');
    if (!entry) {
      workspaces.set(c.workspace ?? '', (entry = { source: c.source, workspace: c.workspace, femto: 0n }));
      entries.push(entry);
    }
    entry.femto += c.femto;
  }
  return entries.length < 2
    ? []
    : entries
        .map(({ source, workspace, femto }) => ({ source, workspace, usd: femtoToMicroUsd(femto) }))
        .sort((a, b) => b.usd - a.usd);
}
