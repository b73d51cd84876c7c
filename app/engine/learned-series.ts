/** The view's side of learned rates: Claude Code priced apart from admin usage, and "by model" notes. */
import type { Catalog } from './catalog/catalog.ts';
import { learnedNote } from './learned-catalog.ts';
import type { SpendSeries } from './spend-series.ts';
import type { SpendView } from './view-types.ts';

/** Two series over disjoint sources (admin usage with its bill, Claude Code logs without one) as one. */
export function mergeSeries(a: SpendSeries, b: SpendSeries): SpendSeries {
  // The view's admin series is thousands of cells, kept in parts (cell-sums.ts): not copied for no logs.
  const parts = a.parts || b.parts ? [...(a.parts ?? [a.cells]), ...(b.parts ?? [b.cells])] : undefined;
  return {
    cells: b.cells.length === 0 ? a.cells : a.cells.length === 0 ? b.cells : [...a.cells, ...b.cells],
    ...(parts ? { parts: parts.filter((p) => p.length > 0) } : {}),
    unpriced: [...a.unpriced, ...b.unpriced],
    reconciliation: [...a.reconciliation, ...b.reconciliation],
  };
}

/** Marks each model whose rate today comes from the bill: "rate from your bill, 2026-11-02". */
export function withRateNotes(rows: SpendView['byModel'], catalog: Catalog, utcDay: string): SpendView['byModel'] {
  return rows.map((row) => {
    const note = learnedNote(catalog, row.model, utcDay);
    return note ? { ...row, rateNote: note } : row;
  });
}
