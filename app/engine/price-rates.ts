/**
 * Turns a catalog version plus a row's modifiers (tier, long context, US inference, fast mode)
 * into exact per-token rates in femtodollars. All modifiers stack, as the pricing page says.
 */
import type { ModelEntry, PriceVersion, RateCard, TierRates } from './catalog/catalog-types.ts';
import { parseScaledDecimal, type Femto } from './money.ts';
import { TOKEN_KINDS, type TokenKind } from './usage-row.ts';

export type TokenRates = Readonly<Record<TokenKind, Femto>>;

export interface EffectiveRates {
  readonly tokens: TokenRates;
  readonly webSearchPerRequest: Femto | undefined;
  readonly modifiers: readonly string[];
}

export interface RateModifiers {
  readonly day: string;
  readonly tier: 'standard' | 'batch' | 'flex' | 'priority';
  readonly longContext: boolean;
  readonly usInference: boolean;
  readonly fast: boolean;
}

/** USD per million tokens → femtodollars per token (× 1e9). */
function perToken(usdPerMillion: string, what: string): Femto {
  const value = parseScaledDecimal(usdPerMillion, 9);
  if (value === undefined || value < 0n)
    throw new Error(`price "${usdPerMillion}" for ${what} is not a decimal in USD per million tokens`);
  return value;
}

/** value × num / den, rounded half-to-even when the catalog's digits do not divide exactly. */
function scale(value: Femto, num: bigint, den: bigint): Femto {
  const product = value * num;
  const quotient = product / den;
  const twice = 2n * (product % den);
  return twice > den || (twice === den && quotient % 2n === 1n) ? quotient + 1n : quotient;
}

/** Anthropic derives cache prices from input (1.25x, 2x, 0.1x); OpenAI bills cache writes as input. */
function cardRates(card: RateCard, entry: ModelEntry): TokenRates {
  const input = perToken(card.input, entry.id);
  const anthropic = entry.provider === 'anthropic';
  const orDerived = (text: string, num: bigint, den: bigint): Femto =>
    text === '' ? scale(input, num, den) : perToken(text, entry.id);
  return {
    input,
    output: perToken(card.output, entry.id),
    cache_write_5m: anthropic ? orDerived(card.cacheWrite5m, 5n, 4n) : orDerived(card.cacheWrite5m, 1n, 1n),
    cache_write_1h: anthropic ? orDerived(card.cacheWrite1h, 2n, 1n) : orDerived(card.cacheWrite1h, 1n, 1n),
    cache_read: anthropic ? orDerived(card.cacheRead, 1n, 10n) : orDerived(card.cacheRead, 1n, 1n),
  };
}

function mapRates(rates: TokenRates, f: (rate: Femto, kind: TokenKind) => Femto): TokenRates {
  const out = {} as Record<TokenKind, Femto>;
  for (const kind of TOKEN_KINDS) out[kind] = f(rates[kind], kind);
  return out;
}

/**
 * Flex and priority: the tier's own rates below the long-context threshold. Each kind is the chosen
 * card's rate (standard or long context) times the tier's ratio to standard for that kind, so a
 * long-context request pays the long-context rate at the tier's multiple, and cache writes follow
 * the tier (its own write rate, else its input ratio), never standard's.
 */
function tierScaled(rates: TokenRates, standard: TokenRates, tier: TierRates, entry: ModelEntry): TokenRates {
  const input = perToken(tier.input, entry.id);
  const write = tier.cacheWrite === undefined ? undefined : perToken(tier.cacheWrite, entry.id);
  const ratio: Record<TokenKind, [Femto, Femto]> = {
    input: [input, standard.input],
    output: [perToken(tier.output, entry.id), standard.output],
    cache_read: [perToken(tier.cacheRead, entry.id), standard.cache_read],
    cache_write_5m: write === undefined ? [input, standard.input] : [write, standard.cache_write_5m],
    cache_write_1h: write === undefined ? [input, standard.input] : [write, standard.cache_write_5m],
  };
  return mapRates(rates, (rate, kind) => {
    const [num, den] = ratio[kind];
    return den === 0n ? num : scale(rate, num, den);
  });
}

function applyTier(
  rates: TokenRates,
  version: PriceVersion,
  entry: ModelEntry,
  mods: RateModifiers,
  notes: string[],
): TokenRates {
  if (mods.tier === 'batch') {
    notes.push('batch');
    const batch = version.batch;
    // Explicit batch rates exist for input and output only; cache kinds take the 50 % discount.
    if (batch && !mods.longContext) {
      return {
        ...mapRates(rates, (r) => scale(r, 1n, 2n)),
        input: perToken(batch.input, entry.id),
        output: perToken(batch.output, entry.id),
      };
    }
    return mapRates(rates, (r) => scale(r, 1n, 2n));
  }
  const tierRates = mods.tier === 'flex' ? version.flex : mods.tier === 'priority' ? version.priority : undefined;
  if (!tierRates) return rates;
  notes.push(mods.tier);
  return tierScaled(rates, cardRates(version.rates, entry), tierRates, entry);
}

export function effectiveRates(entry: ModelEntry, version: PriceVersion, mods: RateModifiers): EffectiveRates {
  const notes: string[] = [];
  const long = mods.longContext && version.longContext !== undefined;
  if (long) notes.push('long context');
  let rates = cardRates(long && version.longContext ? version.longContext.rates : version.rates, entry);
  rates = applyTier(rates, version, entry, { ...mods, longContext: long }, notes);

  if (mods.fast && version.fast) {
    notes.push('fast mode');
    const standardInput = perToken(version.rates.input, entry.id);
    const fastInput = perToken(version.fast.input, entry.id);
    const fastOutput = perToken(version.fast.output, entry.id);
    const standardOutput = perToken(version.rates.output, entry.id);
    // Cache kinds scale by the same factor as input: fast mode "stacks with caching".
    rates = mapRates(rates, (r, kind) =>
      kind === 'output' ? scale(r, fastOutput, standardOutput) : scale(r, fastInput, standardInput),
    );
  }

  if (mods.usInference && version.usInferenceMultiplier) {
    notes.push('US inference');
    const factor = parseScaledDecimal(version.usInferenceMultiplier, 6) ?? 1_000_000n;
    rates = mapRates(rates, (r) => scale(r, factor, 1_000_000n));
  }

  const perThousand = version.webSearchPer1k === undefined ? undefined : parseScaledDecimal(version.webSearchPer1k, 15);
  if (entry.userOverride) notes.push('user price');
  return { tokens: rates, webSearchPerRequest: perThousand === undefined ? undefined : perThousand / 1000n, modifiers: notes };
}
