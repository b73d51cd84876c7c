/** Step 5 of buildView: the day-by-day chart, and spend by model and by workspace or project. */
import type { Catalog } from './catalog/catalog.ts';
import type { Forecast } from './forecast.ts';
import { CellSums } from './cell-sums.ts';
import { femtoToMicroUsd } from './money.ts';
import { periodDates, type Period } from './period.ts';
import type { SpendCell } from './spend-series.ts';
import type { DailyPoint, SpendView } from './view-types.ts';

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

/** Per model, from the counted cells of the period or their sums (cell-sums.ts). */
export function byModel(counted: readonly SpendCell[] | CellSums, catalog: Catalog): SpendView['byModel'] {
  const sums = CellSums.from(counted);
  return [...sums.byModel]
    .map(([model, e]) => ({
      model,
      displayName: catalog.resolve(model)?.displayName ?? model,
      usd: femtoToMicroUsd(e.femto),
      sources: [...e.sources],
    }))
    .sort((a, b) => b.usd - a.usd);
}

/**
 * Per source and workspace (the default one, null, counts as ''), in the order first seen. Empty
 * unless the cells name at least two workspaces (one is no breakdown).
 */
export function byWorkspace(counted: readonly SpendCell[] | CellSums): SpendView['byWorkspace'] {
  const { workspaces } = CellSums.from(counted);
  return workspaces.length < 2
    ? []
    : workspaces
        .map(({ source, workspace, femto }) => ({ source, workspace, usd: femtoToMicroUsd(femto) }))
        .sort((a, b) => b.usd - a.usd);
}
