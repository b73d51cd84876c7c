/** Prices are data: decimal strings in USD per million tokens, each version with its source. */

export type Provider = 'anthropic' | 'openai';

/**
 * One set of per-token rates, USD per million tokens. The two cache-write slots are the provider's
 * shorter and longer retention: Anthropic 5 minutes and 1 hour, OpenAI 30 minutes and 12 hours
 * (PriceVersion.cacheWriteRetention says which).
 */
export interface RateCard {
  readonly input: string;
  readonly output: string;
  readonly cacheWrite5m: string;
  readonly cacheWrite1h: string;
  readonly cacheRead: string;
}

/**
 * Rates for a service tier that replaces the standard ones (OpenAI flex and priority/"fast"), for
 * requests below the long-context threshold. Above it, and for the kinds not listed, each kind costs
 * the long-context (or standard) rate scaled by this tier's ratio to standard: "Fast mode costs twice
 * the Standard rate for the same context length" (developers.openai.com/api/docs/models/gpt-6.2-sol).
 */
export interface TierRates {
  readonly input: string;
  readonly cacheRead: string;
  readonly output: string;
  /** The tier's short-retention cache-write rate; when absent it scales with input. */
  readonly cacheWrite?: string;
}

/** Above a prompt size the whole request is charged at other rates (Sonnet 4/4.5, Haiku 5.5, GPT-5.4+). */
export interface LongContextTier {
  /** Prompt tokens (input + cache writes + cache reads) above which `rates` apply to the whole request. */
  readonly thresholdTokens: number;
  /**
   * The largest request the model accepts. A row with more tokens than this cannot be one request,
   * so it is an aggregate whose request sizes are unknown, and is priced at the base rates.
   */
  readonly contextWindowTokens: number;
  readonly rates: RateCard;
}

export interface PriceVersion {
  /** First UTC day (YYYY-MM-DD) these prices apply to; usage is priced at the rate in force that day. */
  readonly effectiveFrom: string;
  readonly rates: RateCard;
  /** Batch rates; when absent the documented 50 % discount applies to every token kind. */
  readonly batch?: { readonly input: string; readonly output: string };
  readonly longContext?: LongContextTier;
  /** US-only inference multiplier on every token kind (Claude 4.6 and later: "1.1"). */
  readonly usInferenceMultiplier?: string;
  /** Fast-mode input/output rates; cache kinds scale by the same factor as input. */
  readonly fast?: { readonly input: string; readonly output: string };
  readonly flex?: TierRates;
  readonly priority?: TierRates;
  /** USD per 1,000 web-search requests. */
  readonly webSearchPer1k?: string;
  /** Retention of the two cache-write slots; absent means Anthropic's 5 minutes and 1 hour. */
  readonly cacheWriteRetention?: { readonly short: string; readonly long: string };
  /** False when no price is published for the longer cache retention (its slot then holds the short price). */
  readonly longCacheWritePriced?: boolean;
  /** A promotional price the vendor guarantees only through this UTC day (YYYY-MM-DD). */
  readonly promotionalThrough?: string;
  /** Where the numbers come from (page, date read). */
  readonly source: string;
}

export interface ModelEntry {
  /** Canonical id shown to users and used as the grouping key. */
  readonly id: string;
  readonly provider: Provider;
  readonly displayName: string;
  /** Other ids that mean the same model: dated snapshots, "-latest"/"-0" aliases. */
  readonly aliases: readonly string[];
  /** Sorted by effectiveFrom, oldest first. */
  readonly versions: readonly PriceVersion[];
  readonly status?: 'active' | 'deprecated' | 'retired';
  /** True when the entry comes from the user's price overrides rather than the shipped catalog. */
  readonly userOverride?: boolean;
}

/** A user's own price: a model we do not know, or a correction to one we do. */
export interface PriceOverride {
  readonly model: string;
  readonly provider?: Provider;
  readonly displayName?: string;
  readonly effectiveFrom?: string;
  readonly rates: Partial<RateCard> & { readonly input: string; readonly output: string };
  readonly webSearchPer1k?: string;
  readonly note?: string;
}
