/**
 * The catalog with the bill's learned rates laid over it: from the first day of a learned rate on,
 * the model is priced at what the provider actually billed, marked "rate from your bill, <date>".
 * A model the catalog does not know gets an entry once its bill gives both input and output rates
 * (a model with only one proven kind stays unpriced: an unknown is never $0).
 */
import { normalizeModelId, versionSpanOn, type Catalog } from './catalog/catalog.ts';
import type { ModelEntry, PriceVersion, RateCard } from './catalog/catalog-types.ts';
import type { Femto } from './money.ts';
import type { LearnedRate } from './price-findings.ts';
import type { TokenKind } from './usage-row.ts';

export const LEARNED_SOURCE = 'rate from your bill';

const CARD_FIELD: Readonly<Record<TokenKind, keyof RateCard>> = {
  input: 'input',
  output: 'output',
  cache_write_5m: 'cacheWrite5m',
  cache_write_1h: 'cacheWrite1h',
  cache_read: 'cacheRead',
};

/** Femtodollars per token → USD per million tokens, exactly (nine decimals at most). */
export function femtoPerTokenToUsdPerMillion(femto: Femto): string {
  const whole = femto / 1_000_000_000n;
  const fraction = (femto % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/** "rate from your bill, 2026-11-02" when the version in force on a day was learned, else undefined. */
export function learnedNote(catalog: Catalog, model: string, day: string): string | undefined {
  const entry = catalog.resolve(model);
  if (!entry) return undefined;
  const source = versionSpanOn(entry, day).version.source;
  return source.startsWith(LEARNED_SOURCE) ? source : undefined;
}

function learnedEntry(base: ModelEntry | undefined, model: string, rates: readonly LearnedRate[]): ModelEntry | undefined {
  const from = rates.reduce((latest, r) => (r.from > latest ? r.from : latest), '');
  const card: Record<keyof RateCard, string> = base
    ? { ...versionSpanOn(base, from).version.rates }
    : { input: '', output: '', cacheWrite5m: '', cacheWrite1h: '', cacheRead: '' };
  for (const r of rates) card[CARD_FIELD[r.kind]] = femtoPerTokenToUsdPerMillion(r.femtoPerToken);
  if (card.input === '' || card.output === '') return undefined;
  const source = `${LEARNED_SOURCE}, ${from}`;
  if (!base) {
    const version: PriceVersion = { effectiveFrom: from, rates: card, source };
    const provider = rates[0]?.source === 'anthropic' ? 'anthropic' : 'openai';
    return { id: normalizeModelId(model), provider, displayName: model, aliases: [], versions: [version] };
  }
  // Tier, long-context and fast-mode rules of the version in force stay; only the proven kinds change.
  const version: PriceVersion = { ...versionSpanOn(base, from).version, effectiveFrom: from, rates: card, source };
  return { ...base, versions: [...base.versions.filter((v) => v.effectiveFrom < from), version] };
}

export function withLearnedRates(catalog: Catalog, learned: readonly LearnedRate[]): Catalog {
  if (learned.length === 0) return catalog;
  const byModel = new Map<string, LearnedRate[]>();
  for (const rate of learned) {
    const id = catalog.resolve(rate.model)?.id ?? normalizeModelId(rate.model);
    byModel.set(id, [...(byModel.get(id) ?? []), rate]);
  }
  const replaced = new Map<string, ModelEntry>();
  for (const [id, rates] of byModel) {
    const entry = learnedEntry(catalog.resolve(rates[0]!.model), rates[0]!.model, rates);
    if (entry) replaced.set(id, entry);
  }
  const entries = [...catalog.entries.map((e) => replaced.get(e.id) ?? e)];
  for (const [id, entry] of replaced) if (!catalog.entries.some((e) => e.id === id)) entries.push(entry);
  return {
    entries,
    resolve(model) {
      const base = catalog.resolve(model);
      return replaced.get(base?.id ?? normalizeModelId(model)) ?? base;
    },
  };
}
