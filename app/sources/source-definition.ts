/**
 * What every source is, in one shape: who it is, what it needs, how often it may be polled and at
 * what cost, and how to refresh it. SpendService, the poller, settings, the CLI's --source and the
 * popover's source list all read these definitions through the registry (registry.ts); nothing
 * else names a source.
 */
import type { Catalog } from '../engine/catalog/catalog.ts';
import type { UsageRow } from '../engine/usage-row.ts';
import type { Settings } from '../shared/settings-schema.ts';
import type { ScanWorkerOptions } from './claude-code/scan-workers.ts';
import type { KeyName, ProviderLimit } from '../engine/view-types.ts';
import type { DataCoverage } from './data-coverage.ts';
import type { Ledger } from './ledger/ledger.ts';

/** What a source needs before it can run. Keys live in the OS keychain under `account`. */
export type Credential =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'admin-key' | 'key';
      /** The keychain account name; also the key's name in the settings UI. */
      readonly account: string;
      /** Environment variable that takes precedence over the keychain (scripts, CI). */
      readonly envVar: string;
      /** How a well-formed key begins, for the format check before it is stored. */
      readonly prefix: string;
      /** What the provider calls it ("Admin key", "API key") and where to create one. */
      readonly keyName: string;
      readonly whereToCreate: string;
    };

/** Everything a source may use, handed in by SpendService. */
export interface SourceSetup {
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  /** Demo mode: the simulated organization's URL; sources that it serves use it and its keys. */
  readonly demoBaseUrl?: string;
  readonly timeoutMs?: number;
  /** Worker threads for a cold scan of a large log tree (the app and the compiled CLI have them). */
  readonly scanWorkers?: ScanWorkerOptions;
}

export interface RefreshContext {
  readonly ledger: Ledger;
  /** The key, for sources whose credential is a key (checked present before refresh is called). */
  readonly key?: string;
  readonly signal?: AbortSignal;
  readonly now: number;
}

/** One running source. Admin sources write their rows to the ledger; log sources hold them. */
export interface SourceInstance {
  refresh(ctx: RefreshContext): Promise<void>;
  /** Rows kept in memory (local logs), priced by the engine like ledger rows. */
  usageRows?(catalog: Catalog): UsageRow[];
  /** "3 lines skipped in session.jsonl", shown in the popover's notices. */
  warnings?(): readonly string[];
  /** Who a candidate key belongs to, for "Test key" (throws SourceError with what is wrong). */
  organizationOf?(key: string): Promise<string | undefined>;
  /**
   * How much of the period is stored, for "no data yet" and "partial: through …". Without it, a
   * source is complete up to its last good refresh (it reads everything each time).
   */
  coverage?(ledger: Ledger, periodStart: number, now: number): DataCoverage;
  /** The provider's own spend limits, as last read (a failed read keeps the previous ones). */
  providerLimits?(): readonly ProviderLimit[];
  /** The names of the API keys its usage is grouped by, as last read (kept with the ledger). */
  keyNames?(ledger: Ledger): readonly KeyName[];
  /** The cold first read is expensive (a log tree): the app gives it worker threads. */
  readonly cold?: boolean;
}

export interface SourceDefinition {
  /** Declared here and nowhere else. */
  readonly id: string;
  readonly label: string;
  /** Billed truth from the provider, or an estimate priced locally with our catalog. */
  readonly truth: 'billed' | 'estimate';
  readonly credential: Credential;
  /** An estimate that sees the same requests as this billed source: counted only without it. */
  readonly duplicates?: string;
  readonly pollMinutes: { readonly default: number; readonly min: number };
  /** What one poll costs the user, shown beside the interval (some sources bill per call). */
  readonly pollCost: string;
  /** In demo mode, whether the simulated organization serves this source. */
  readonly inDemo: boolean;
  /** The key the simulated organization accepts for it (a demo value, not a secret). */
  readonly demoKey?: string;
  /** The running source, or undefined with a reason when it cannot run here (no logs found). */
  create(setup: SourceSetup): { instance?: SourceInstance; problem?: string };
  /** A subscription (a flat plan price) makes a source's usage value, not spend. */
  isSubscription?(settings: Settings): boolean;
}
