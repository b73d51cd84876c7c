/** A line of a provider's bill for one UTC day: the billed truth the engine's estimate is compared to. */
import type { SourceId, UsageRow } from '../engine/usage-row.ts';

export interface BilledCost {
  readonly source: SourceId;
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  /**
   * The model the line is for, when the provider says: Anthropic's `model` field (grouped by
   * description), or the model an OpenAI `line_item` names ("gpt-4o-2024-08-06, input").
   */
  readonly model: string | null;
  readonly description: string | null;
  readonly workspace: string | null;
  /** What else tells two lines of one day apart (tier, context window, geo, token type), joined by "|". */
  readonly line: string;
  /** Exact amount in femtodollars, as a decimal string (JSON has no bigint). */
  readonly femto: string;
  /**
   * How much was billed, as the provider counts it (OpenAI `quantity`, since 2026-07): with the unit,
   * billed rate = dollars ÷ quantity. Null when the provider does not say.
   */
  readonly quantity?: number | null;
  /**
   * The API key id the line bills, where the bill is grouped by key (OpenAI costs): null is a line
   * with no key (storage, console); absent where the provider's bill cannot be grouped by key.
   */
  readonly apiKey?: string | null;
  /** `tokens`, `1000_tokens`, `images`, `characters`, `duration_seconds`, … as the provider names it. */
  readonly quantityUnit?: string | null;
}

/** A usage row as stored: its bucket width says which hours it covers. */
export interface StoredUsage extends UsageRow {
  readonly width: '1h' | '1d';
}
