/** Prices usage rows with the catalog: one row with its lines, or many rows summed exactly. */
import { versionSpanOn, type Catalog } from './catalog/catalog.ts';
import type { ModelEntry, PriceVersion } from './catalog/catalog-types.ts';
import type { Femto } from './money.ts';
import { effectiveRates, type EffectiveRates, type RateModifiers } from './price-rates.ts';
import { promptTokens, TOKEN_KINDS, tokensOfKind, type CostKind, type UsageRow } from './usage-row.ts';

export interface CostLine {
  readonly kind: CostKind;
  /** Tokens, or requests for web_search. */
  readonly quantity: number;
  readonly femto: Femto;
}

export interface PricedRow {
  readonly modelId: string;
  readonly displayName: string;
  readonly femto: Femto;
  readonly lines: readonly CostLine[];
  /** "batch", "long context", "US inference", "fast mode", "user price": what changed the rates. */
  readonly modifiers: readonly string[];
  readonly priceSource: string;
  /** The first day of the price version used ('' when it is the model's first and open-ended). */
  readonly priceEffectiveFrom: string;
  readonly version: PriceVersion;
}

/** Usage we could not price: shown with its tokens, never counted as $0. */
export interface UnpricedUsage {
  readonly model: string;
  readonly reason: string;
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  webSearchRequests: number;
}

function tierOf(serviceTier: string | null | undefined): RateModifiers['tier'] {
  switch (serviceTier) {
    case 'batch':
    case 'flex':
    case 'priority':
      return serviceTier;
    case 'flex_discount':
      return 'flex';
    // OpenAI renamed priority "fast" in July 2026 (ServiceTier enum: auto, default, flex, scale, priority, fast).
    case 'fast':
    case 'priority_on_demand':
      return 'priority';
    default:
      return 'standard';
  }
}

/** Context-window labels that mean "above the long-context threshold": Anthropic's report band, or ours. */
export const LONG_CONTEXT_BANDS: ReadonlySet<string> = new Set(['200k-1M', 'long']);

/**
 * Long context: the usage report's bucket says so, or (one request) the prompt is above the
 * threshold. An aggregated bucket is never judged by its size: a 500k-token day of gpt-5.5 is many
 * short requests far more often than one huge one, and its true split is unknown.
 */
function isLongContext(row: UsageRow, version: PriceVersion): boolean {
  const tier = version.longContext;
  if (!tier) return false;
  if (row.contextWindow) return LONG_CONTEXT_BANDS.has(row.contextWindow);
  // Rows of the 'openai' source all come from the admin usage report; those stored before the
  // flag existed lack it, and their closed days are never fetched again.
  if (row.aggregated ?? row.source === 'openai') return false;
  const prompt = promptTokens(row);
  return prompt > tier.thresholdTokens && prompt + row.outputTokens <= tier.contextWindowTokens;
}

function modifiersFor(row: UsageRow, version: PriceVersion, day: string): RateModifiers {
  return {
    day,
    tier: tierOf(row.serviceTier),
    longContext: isLongContext(row, version),
    usInference: row.inferenceGeo === 'us',
    fast: row.speed === 'fast',
  };
}

interface ResolvedRates {
  readonly entry: ModelEntry;
  readonly version: PriceVersion;
  readonly rates: EffectiveRates;
  /** The days these rates hold for: [validFrom, validUntil). */
  readonly validFrom: string;
  readonly validUntil: string;
}

/** Effective rates per price version and modifier set: computing them parses decimals, so do it once. */
const ratesMemo = new WeakMap<PriceVersion, Map<string, EffectiveRates>>();

function memoizedRates(entry: ModelEntry, version: PriceVersion, mods: RateModifiers): EffectiveRates {
  let byMods = ratesMemo.get(version);
  if (!byMods) ratesMemo.set(version, (byMods = new Map()));
  const key = `${entry.id}|${entry.userOverride ? 'u' : ''}|${mods.tier}|${mods.longContext}|${mods.usInference}|${mods.fast}`;
  let rates = byMods.get(key);
  if (!rates) byMods.set(key, (rates = effectiveRates(entry, version, mods)));
  return rates;
}

/** The rates for a row (the aggregator caches them per rate class), or undefined for an unknown model. */
export function resolveRates(row: UsageRow, catalog: Catalog): ResolvedRates | undefined {
  const entry = catalog.resolve(row.model);
  if (!entry) return undefined;
  const day = row.start.slice(0, 10);
  const { version, from, until } = versionSpanOn(entry, day);
  return {
    entry,
    version,
    rates: memoizedRates(entry, version, modifiersFor(row, version, day)),
    validFrom: from,
    validUntil: until,
  };
}

function linesFor(row: UsageRow, rates: EffectiveRates): CostLine[] {
  const lines: CostLine[] = [];
  for (const kind of TOKEN_KINDS) {
    const quantity = tokensOfKind(row, kind);
    if (quantity > 0) lines.push({ kind, quantity, femto: BigInt(quantity) * rates.tokens[kind] });
  }
  if (row.webSearchRequests > 0 && rates.webSearchPerRequest !== undefined) {
    lines.push({
      kind: 'web_search',
      quantity: row.webSearchRequests,
      femto: BigInt(row.webSearchRequests) * rates.webSearchPerRequest,
    });
  }
  return lines;
}

export function emptyUnpriced(model: string, reason: string): UnpricedUsage {
  return { model, reason, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, webSearchRequests: 0 };
}

export function addToUnpriced(target: UnpricedUsage, row: UsageRow): void {
  target.inputTokens += row.inputTokens;
  target.outputTokens += row.outputTokens;
  target.cacheWriteTokens += row.cacheWrite5mTokens + row.cacheWrite1hTokens;
  target.cacheReadTokens += row.cacheReadTokens;
  target.webSearchRequests += row.webSearchRequests;
}

/** One row with its cost lines, or the row as unpriced usage. */
export function priceRow(row: UsageRow, catalog: Catalog): PricedRow | UnpricedUsage {
  const resolved = resolveRates(row, catalog);
  if (!resolved) {
    const unpriced = emptyUnpriced(row.model, 'not in the price catalog; add a price in Settings');
    addToUnpriced(unpriced, row);
    return unpriced;
  }
  const lines = linesFor(row, resolved.rates);
  const webSearchUnpriced = row.webSearchRequests > 0 && resolved.rates.webSearchPerRequest === undefined;
  return {
    modelId: resolved.entry.id,
    displayName: resolved.entry.displayName,
    femto: lines.reduce((sum, line) => sum + line.femto, 0n),
    lines,
    modifiers: webSearchUnpriced ? [...resolved.rates.modifiers, 'web search not priced'] : resolved.rates.modifiers,
    priceSource: resolved.version.source,
    priceEffectiveFrom: resolved.version.effectiveFrom,
    version: resolved.version,
  };
}

export function isPriced(result: PricedRow | UnpricedUsage): result is PricedRow {
  return 'lines' in result;
}

/**
 * A model's long-context rule on a day, for sources that see single requests (Claude Code logs):
 * they judge each request and label their summed rows with the context-window bucket.
 */
export function longContextRule(
  catalog: Catalog,
  model: string,
  day: string,
): { thresholdTokens: number; contextWindowTokens: number } | undefined {
  const entry = catalog.resolve(model);
  return entry ? versionSpanOn(entry, day).version.longContext : undefined;
}
