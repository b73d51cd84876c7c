/** The normalized unit every source produces and the engine prices: one time bucket of one model. */

/** A source's id, as its definition declares it (app/sources/registry.ts): the engine names none. */
export type SourceId = string;

/** Tokens by kind and web-search requests: the quantities every usage record carries. */
export interface TokenCounts {
  /** Input tokens that were neither written to nor read from the cache. */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheWrite5mTokens: number;
  readonly cacheWrite1hTokens: number;
  readonly cacheReadTokens: number;
  readonly webSearchRequests: number;
}

export interface UsageRow extends TokenCounts {
  /** Bucket start, ISO-8601 UTC. Its UTC day picks the price version in force. */
  readonly start: string;
  readonly source: SourceId;
  /** The model id exactly as the provider or log reported it. */
  readonly model: string;
  /** "standard", "batch", "priority", "flex", … as reported; absent means standard. */
  readonly serviceTier?: string | null | undefined;
  /** Anthropic's context_window bucket ("0-200k" | "200k-1M"); absent means one request of this size. */
  readonly contextWindow?: string | null | undefined;
  /** "us" applies the US-inference multiplier where the model has one. */
  readonly inferenceGeo?: string | null | undefined;
  /** Workspace or project, where the provider reports one; null is the default workspace. */
  readonly workspace?: string | null | undefined;
  /**
   * The provider's API key id (an id such as apikey_01…, never the key itself), where the source
   * groups by key: null is usage with no key (Anthropic Workbench, console), undefined a source or
   * a row stored before keys were recorded.
   */
  readonly apiKey?: string | null | undefined;
  /** "fast" applies fast-mode rates where the model has them. */
  readonly speed?: string | null | undefined;
  /**
   * True when the row sums many requests of unknown sizes (an OpenAI admin usage bucket): its token
   * total says nothing about any one prompt, so it is never priced at a per-request long-context
   * rate by its size. Only an explicit contextWindow band can make it long context.
   */
  readonly aggregated?: boolean | undefined;
}

export const TOKEN_KINDS = ['input', 'output', 'cache_write_5m', 'cache_write_1h', 'cache_read'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];
export type CostKind = TokenKind | 'web_search';

export function promptTokens(row: UsageRow): number {
  return row.inputTokens + row.cacheWrite5mTokens + row.cacheWrite1hTokens + row.cacheReadTokens;
}

export function tokensOfKind(row: UsageRow, kind: TokenKind): number {
  switch (kind) {
    case 'input':
      return row.inputTokens;
    case 'output':
      return row.outputTokens;
    case 'cache_write_5m':
      return row.cacheWrite5mTokens;
    case 'cache_write_1h':
      return row.cacheWrite1hTokens;
    case 'cache_read':
      return row.cacheReadTokens;
  }
}
