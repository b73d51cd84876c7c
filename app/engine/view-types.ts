/**
 * SpendView: the one plain, serializable object the tray, the popover, notifications and the CLI
 * all render. Amounts are USD numbers rounded to the micro-dollar; nothing in it is secret.
 */
import type { Alert } from './alerts.ts';
import type { CapOutlook } from './forecast-cap.ts';

/** A source's id, as its definition declares it (app/sources/registry.ts): the engine names none. */
export type SourceKey = string;
export type ViewLevel = 'empty' | 'ok' | 'near' | 'over' | 'error' | 'stale';

export interface SourceView {
  readonly id: SourceKey;
  readonly label: string;
  /** not-configured, loading, ok, stale, key-rejected, rate-limited, provider-down, offline, timeout, misconfigured, local-failure, bad-response */
  readonly state: string;
  readonly message?: string;
  readonly lastSuccessAt?: string;
  readonly retryAt?: string;
  /** Counts toward the budget (Claude Code logs do not when an Anthropic admin source is set). */
  readonly counted: boolean;
  /** Priced locally from logs, not billed. */
  readonly estimate: boolean;
  readonly spentUsd: number;
  readonly capUsd: number | null;
  /** What the user can do about the state, for a one-click fix. */
  readonly fix?: 'update-key' | 'add-key' | 'retry' | 'open-settings';
  /** First hour of the gapless stored stretch that holds the period's start (ISO-8601), or null. */
  readonly dataFrom?: string | null;
  /** End of the last complete hour stored without a gap since the period's start (ISO-8601), or null. */
  readonly dataThrough?: string | null;
  /**
   * complete: the period's data is stored without a gap up to the latest hour fetched; partial: a gap
   * ("partial: through Nov 7"); none: nothing for this period yet ("no data yet"), which is not $0.
   * Absent: the source does not say (treated as complete).
   */
  readonly coverage?: 'complete' | 'partial' | 'none';
}

/** A spend limit the provider enforces: beyond it, requests fail. */
export interface ProviderLimit {
  readonly source: SourceKey;
  /** organization, usage_tier, "workspace wrkspc_…", "project proj_…". */
  readonly scope: string;
  readonly usd: number;
  /** The provider says the limit is on (OpenAI enforcement.status, Anthropic is_enabled). */
  readonly enforcing: boolean;
}

/** What the provider's key list says of one API key: its name, never its value. */
export interface KeyName {
  readonly source: SourceKey;
  /** The key's id (apikey_01…, key_…), as usage reports name it. */
  readonly id: string;
  readonly name: string;
  /** The provider's own redacted hint, cut to its last characters ("…igAA"), or null. */
  readonly hint: string | null;
  /** active, archived, inactive, expired, as the provider says; null when it does not. */
  readonly status: string | null;
}

/** One row of "By key": a key's spend this period, or the spend no key can be named for. */
export interface KeySpend {
  readonly source: SourceKey;
  /**
   * key: an API key (keyId is its id); no-key: usage the provider reports with no key (Workbench,
   * console); not-reported: spend of a source that does not break down by key (local logs), or
   * stored before keys were recorded.
   */
  readonly kind: 'key' | 'no-key' | 'not-reported';
  readonly keyId: string | null;
  /** The key's name where the provider lists it, else its id. */
  readonly label: string;
  readonly hint: string | null;
  /** archived, inactive, expired; "not listed" for a deleted key; null for an active one. */
  readonly status: string | null;
  readonly usd: number;
  /**
   * True when the split by key is our estimate: the bill is not grouped by key (Anthropic's cost
   * report cannot be), so the day's dollars are split over keys by their priced usage.
   */
  readonly estimate: boolean;
  /** The new-key rule flags this key now: no spend in the 30 days before, then over the hourly threshold. */
  readonly newlySpending: boolean;
}

export interface DailyPoint {
  readonly date: string;
  /** Spent that day (null for days to come). */
  readonly usd: number | null;
  /** Expected spend still to come that day (today's rest, and future days). */
  readonly projectedUsd: number | null;
}

/** Where the provider's bill contradicts our catalog, or prices a model the catalog lacks. */
export interface PriceFindingView {
  readonly source: SourceKey;
  readonly model: string;
  /** input, output, cache_write_5m, cache_write_1h, cache_read. */
  readonly kind: string;
  /** standard, batch, flex, priority, long context, US inference. */
  readonly tier: string;
  /** First and last UTC day billed at this rate. */
  readonly from: string;
  readonly through: string;
  /** The latest rate the bill shows (the one learned). */
  readonly current: boolean;
  readonly tokens: number;
  readonly billedUsd: number;
  readonly billedUsdPerMillion: number;
  /** Null: the catalog has no price for the model. */
  readonly catalogUsdPerMillion: number | null;
  readonly priceSource: string | null;
  /** "Your bill prices gpt-5.6-luna input at $0.20/M since Nov 2; our catalog says $1.00/M". */
  readonly message: string;
}

export interface SpendView {
  readonly asOf: string;
  readonly timeZone: string;
  readonly period: {
    readonly start: string;
    readonly end: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly days: number;
    readonly dayOfPeriod: number;
  };
  readonly level: ViewLevel;
  readonly demo: boolean;
  /** What the stored data adds up to; a floor, not the total, unless spentComplete. */
  readonly spentUsd: number;
  /**
   * Every counted source's data covers the period so far without a gap. When false, spentUsd is what
   * is known so far and the CLI prints null ("no data yet" / "partial").
   */
  readonly spentComplete: boolean;
  readonly capUsd: number | null;
  readonly remainingUsd: number | null;
  readonly percentOfCap: number | null;
  readonly projectedUsd: number;
  /** The range meant to hold the month-end total 4 times in 5 (sized on the forecast backtest). */
  readonly projectedLowUsd: number;
  readonly projectedHighUsd: number;
  readonly forecastConfidence: 'low' | 'normal';
  /** Why the forecast is rough ("few days of data — rough estimate"), null when it is not. */
  readonly forecastRoughReason: string | null;
  readonly forecastNote: string;
  /** Over the cap, sure to pass it (the range's low end does), may pass it (only the high end does), within it; null without a cap. */
  readonly capOutlook: CapOutlook;
  /** The day the cap was reached, or will be (will-exceed), or may be at the high end (may-exceed). */
  readonly capHitDate: string | null;
  readonly todayUsd: number;
  /** Spend in the last complete hour. */
  readonly hourlyRateUsd: number;
  readonly daily: readonly DailyPoint[];
  readonly byModel: ReadonlyArray<{
    readonly model: string;
    readonly displayName: string;
    readonly usd: number;
    readonly sources: readonly SourceKey[];
    /** "rate from your bill, 2026-11-02" when today's rate for the model was learned from the bill. */
    readonly rateNote?: string;
  }>;
  /**
   * Spend by workspace (Anthropic) or project (OpenAI) this period, largest first; empty when no
   * source reports more than one. A day's bill is split over workspaces as over models: in
   * proportion to the priced usage.
   */
  readonly byWorkspace: ReadonlyArray<{
    readonly source: SourceKey;
    /** null is the default workspace or project. */
    readonly workspace: string | null;
    readonly usd: number;
  }>;
  /**
   * Spend by API key this period, largest first; empty when no source reports keys. Every counted
   * dollar is in exactly one row, so the rows add up to the same total as byModel.
   */
  readonly byKey: readonly KeySpend[];
  readonly sources: readonly SourceView[];
  readonly unpriced: ReadonlyArray<{
    readonly model: string;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly cacheWriteTokens: number;
    readonly cacheReadTokens: number;
  }>;
  readonly reconciliation: ReadonlyArray<{
    readonly date: string;
    readonly source: SourceKey;
    readonly estimateUsd: number;
    readonly billedUsd: number;
    readonly differenceUsd: number;
  }>;
  /** The bill against the catalog: every run of days billed at another rate (empty when they agree). */
  readonly priceFindings: readonly PriceFindingView[];
  readonly alerts: readonly Alert[];
  /** A Claude Code subscription: the API value of this period's usage against the plan price. */
  readonly subscription: { readonly planUsd: number; readonly apiValueUsd: number } | null;
  /** The providers' own spend limits, where the key may read them. */
  readonly providerLimits: readonly ProviderLimit[];
  /** What was wrong with local data (corrupt ledger moved aside, skipped log lines). */
  readonly notices: readonly string[];
}
