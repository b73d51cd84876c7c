/**
 * What the simulated provider bills when its price list moves ahead of our catalog: a vendor changes a
 * price after launch (GPT-5.6 Terra and Luna in July 2026, issue 13) and bills the new rate from that
 * day, for that token kind only; batch, long-context and regional rules keep applying on top, as the
 * pricing pages say they stack. The demo bills from this list, so our catalog can be seen to lag.
 */
import { buildCatalog, versionSpanOn, type Catalog } from '../../engine/catalog/catalog.ts';
import type { ModelEntry, RateCard } from '../../engine/catalog/catalog-types.ts';

export interface DemoPriceChange {
  readonly model: string;
  /** First UTC day billed at the new rate. */
  readonly from: string;
  readonly kind: keyof RateCard;
  /** USD per million tokens. */
  readonly usdPerMillion: string;
}

function changed(entry: ModelEntry, change: DemoPriceChange): ModelEntry {
  const current = versionSpanOn(entry, change.from).version;
  const version = {
    ...current,
    effectiveFrom: change.from,
    rates: { ...current.rates, [change.kind]: change.usdPerMillion },
    source: `demo provider price change on ${change.from}`,
  };
  return { ...entry, versions: [...entry.versions.filter((v) => v.effectiveFrom < change.from), version] };
}

/** The shipped catalog with the provider's own later changes: what the demo's bill charges. */
export function providerCatalog(changes: readonly DemoPriceChange[]): Catalog {
  const shipped = buildCatalog();
  if (changes.length === 0) return shipped;
  const byId = new Map<string, ModelEntry>();
  for (const change of changes) {
    const entry = byId.get(shipped.resolve(change.model)?.id ?? '') ?? shipped.resolve(change.model);
    if (!entry) throw new Error(`demo price change for ${change.model}, which the catalog does not list`);
    byId.set(entry.id, changed(entry, change));
  }
  return {
    entries: shipped.entries.map((e) => byId.get(e.id) ?? e),
    resolve: (model) => {
      const entry = shipped.resolve(model);
      return entry ? (byId.get(entry.id) ?? entry) : undefined;
    },
  };
}
