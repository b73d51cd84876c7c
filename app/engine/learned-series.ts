/** The view's side of learned rates: Claude Code priced apart from admin usage, and "by model" notes. */
import type { Catalog } from './catalog/catalog.ts';
import { learnedNote } from './learned-catalog.ts';
import { seriesOfParts, type SpendSeries } from './spend-series.ts';
import type { SpendView } from './view-types.ts';

/** Two series over disjoint sources (admin usage with its bill, Claude Code logs without one) as one. */
export function mergeSeries(a: SpendSeries, b: SpendSeries): SpendSeries {
  const unpriced = [...a.unpriced, ...b.unpriced];
  const reconciliation = [...a.reconciliation, ...b.reconciliation];
  if (!a.parts && !b.parts) return { cells: [...a.cells, ...b.cells], unpriced, reconciliation };
  // Kept parts (the view's admin series, thousands of cells): a series of parts as well.
  const parts = [...(a.parts ?? [a.cells]), ...(b.parts ?? [b.cells])].filter((p) => p.length > 0);
  return seriesOfParts(parts, unpriced, reconciliation);
}

/** Marks each model whose rate today comes from the bill: "rate from your bill, 2026-11-02". */
export function withRateNotes(rows: SpendView['byModel'], catalog: Catalog, utcDay: string): SpendView['byModel'] {
  return rows.map((row) => {
    const note = learnedNote(catalog, row.model, utcDay);
    return note ? { ...row, rateNote: note } : row;
  });
}
