/**
 * Which catalog prices which source's rows: one rule for the view, `daily` and `export`, so they
 * give the same figures. A billed source's usage is priced with the rates learned from its bill
 * (today, not billed yet, is then priced as the provider will bill it). A local log (an estimate:
 * Claude Code, Codex) has no bill of its own to learn from, so it keeps the list prices, with the
 * user's overrides; a rate learned from someone else's bill does not say what these requests cost.
 */
import type { Catalog } from './catalog/catalog.ts';
import { mergeSeries } from './learned-series.ts';
import { spendSeries, type BilledTotal, type SpendSeries } from './spend-series.ts';
import type { SourceId, UsageRow } from './usage-row.ts';

export interface Pricing {
  /** With the rates learned from the bill: prices the billed sources. */
  readonly catalog: Catalog;
  /** The list prices (with overrides), no learned rates: prices the estimates. */
  readonly logCatalog: Catalog;
  /** The estimate sources (local logs). */
  readonly estimates: ReadonlySet<SourceId>;
}

export function catalogFor(pricing: Pricing, source: SourceId): Catalog {
  return pricing.estimates.has(source) ? pricing.logCatalog : pricing.catalog;
}

/** The rows split by the catalog that prices them (one group when both catalogs are the same). */
export function pricingGroups<T extends { readonly source: SourceId }>(
  rows: readonly T[],
  pricing: Pricing,
): Array<{ readonly catalog: Catalog; readonly rows: readonly T[] }> {
  if (pricing.catalog === pricing.logCatalog) return [{ catalog: pricing.catalog, rows }];
  const billed: T[] = [];
  const estimated: T[] = [];
  for (const row of rows) (pricing.estimates.has(row.source) ? estimated : billed).push(row);
  return [
    { catalog: pricing.catalog, rows: billed },
    { catalog: pricing.logCatalog, rows: estimated },
  ];
}

/** The spend series with each source's rows priced by its own catalog (see the header). */
export function pricedSeries(
  usage: readonly UsageRow[],
  billed: readonly BilledTotal[],
  pricing: Pricing,
  now: number,
): SpendSeries {
  // The groups come in the same order for usage and bills: a source's bill is priced with its usage.
  const bills = pricingGroups(billed, pricing);
  return pricingGroups(usage, pricing)
    .map(({ catalog, rows }, i) => spendSeries(rows, bills[i]!.rows, catalog, now))
    .reduce(mergeSeries);
}
