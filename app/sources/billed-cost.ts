/** A line of a provider's bill for one UTC day: the billed truth the engine's estimate is compared to. */
import type { SourceId, UsageRow } from '../engine/usage-row.ts';

export interface BilledCost {
  readonly source: SourceId;
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** The model the line is for, when the provider says (Anthropic, grouped by description). */
  readonly model: string | null;
  readonly description: string | null;
  readonly workspace: string | null;
  /** What else tells two lines of one day apart (tier, context window, geo, token type), joined by "|". */
  readonly line: string;
  /** Exact amount in femtodollars, as a decimal string (JSON has no bigint). */
  readonly femto: string;
}

/** A usage row as stored: its bucket width says which hours it covers. */
export interface StoredUsage extends UsageRow {
  readonly width: '1h' | '1d';
}
