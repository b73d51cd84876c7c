/** What buildView needs: settings, ledger rows, source states and the time, all passed in. */
import type { AlertState } from './alerts.ts';
import type { Catalog } from './catalog/catalog.ts';
import type { BilledTotal, SpendSeries } from './spend-series.ts';
import type { UsageRow } from './usage-row.ts';
import type { KeyName, PriceFindingView, ProviderLimit, SourceKey, SourceView } from './view-types.ts';

export interface SourceInput extends Omit<SourceView, 'counted' | 'spentUsd' | 'capUsd'> {
  readonly configured: boolean;
  /**
   * What the ledger holds for this source: the first hour covered (ISO), and the end of the last
   * complete hour stored without a gap (ISO); null when nothing is stored yet. The forecast treats a
   * day outside every counted source's coverage as "no data", not as $0. Absent: unknown, and every
   * day from the first spend on counts as data.
   */
  readonly dataFrom?: string | null;
  readonly dataThrough?: string | null;
  /** The billed source this estimate duplicates: it counts only without that source (auto). */
  readonly duplicates?: SourceKey;
  /** On a flat subscription: its usage is value against the plan price, never spend. */
  readonly subscription?: boolean;
}

export interface ViewInput {
  readonly now: number;
  readonly timeZone: string;
  readonly periodStartDay: number;
  readonly capUsd: string | null;
  readonly sourceCaps: Readonly<Partial<Record<SourceKey, string>>>;
  readonly thresholds: readonly number[];
  readonly countedSources: 'auto' | readonly SourceKey[];
  /** The plan price of the subscription sources (a Claude Code subscription), or null. */
  readonly subscriptionUsd: string | null;
  /** Prices admin usage: the catalog, with rates learned from the bill where it has them. */
  readonly catalog: Catalog;
  /** Prices Claude Code logs (a log has no bill): the catalog without learned rates; default `catalog`. */
  readonly logCatalog?: Catalog;
  readonly priceFindings?: readonly PriceFindingView[];
  readonly usage: readonly UsageRow[];
  readonly billed: readonly BilledTotal[];
  /**
   * The billed sources' spend series, already priced (the service keeps each day's between views
   * until a commit rewrites it); `usage` then holds only the estimates' rows. Absent: priced from `usage`.
   */
  readonly billedSeries?: SpendSeries;
  readonly sources: readonly SourceInput[];
  readonly alertState: AlertState | undefined;
  readonly pausedUntil?: number;
  readonly demo: boolean;
  readonly notices: readonly string[];
  readonly providerLimits?: readonly ProviderLimit[];
  /** The admin APIs' key lists: names for the ids usage reports carry. */
  readonly keyNames?: readonly KeyName[];
  /** "New key spending": a key with no spend in 30 days spending more than this in one hour (decimal USD). */
  readonly newKeyHourlyUsd?: string;
  /** A source whose last success is older than this is shown as stale. */
  readonly staleAfterMs: number;
}
