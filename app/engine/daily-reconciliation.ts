/** `daily --json`: each day's estimate beside the bill, per admin source (UTC days, as the bill's). */
import type { DailyRow } from './daily-table.ts';
import { femtoToMicroUsd as usd } from './money.ts';
import type { SpendSeries } from './spend-series.ts';

export function withReconciliation(rows: readonly DailyRow[], series: SpendSeries): DailyRow[] {
  const byDay = new Map<string, NonNullable<DailyRow['reconciliation']>[number][]>();
  for (const r of series.reconciliation) {
    const list = byDay.get(r.day) ?? [];
    list.push({
      source: r.source,
      estimateUsd: usd(r.estimateFemto),
      billedUsd: usd(r.billedFemto),
      differenceUsd: usd(r.estimateFemto - r.billedFemto),
    });
    byDay.set(r.day, list);
  }
  return rows.map((row) => ({ ...row, reconciliation: byDay.get(row.date) ?? [] }));
}
