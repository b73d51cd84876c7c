/** The bill proves the prices: billed rates → findings → learned rates → the catalog the view prices with. */
import type { Catalog } from './catalog/catalog.ts';
import { billedRates, type BillLine } from './billed-rates.ts';
import { withLearnedRates } from './learned-catalog.ts';
import { priceFindingView } from './price-finding-view.ts';
import { learnedRates, priceFindings } from './price-findings.ts';
import type { UsageRow } from './usage-row.ts';
import type { PriceFindingView } from './view-types.ts';

export interface BillProof {
  /** The catalog with the bill's learned rates over it. */
  readonly catalog: Catalog;
  readonly findings: readonly PriceFindingView[];
}

export function billProof(lines: readonly BillLine[], usage: readonly UsageRow[], catalog: Catalog, now: number): BillProof {
  const findings = priceFindings(billedRates(lines, usage, catalog, now));
  return { catalog: withLearnedRates(catalog, learnedRates(findings)), findings: findings.map(priceFindingView) };
}
