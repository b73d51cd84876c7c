/**
 * What the two admin-API sources share: where their API is (demo server, the base-URL variable, or
 * the provider), one refresh that syncs usage and cost reports into the ledger and then reads the
 * provider's own spend limits, and how much of the period the sync marks say is stored.
 */
import type { KeyName, ProviderLimit } from '../engine/view-types.ts';
import { keyNamesDue, saveKeyNames, storedKeyNames } from './api-key-names.ts';
import { sourceCoverage } from './data-coverage.ts';
import { checkBaseUrl } from './http/base-url.ts';
import type { ProviderClientOptions } from './http/report-pages.ts';
import type { Ledger } from './ledger/ledger.ts';
import { syncProvider, type ProviderClient } from './provider-sync.ts';
import type { SourceInstance, SourceSetup } from './source-definition.ts';
import { syncWindow } from './sync-window.ts';

export type AdminClient = ProviderClient & { organization(now: number): Promise<{ organization: string | undefined }> };

export interface AdminApi<C extends AdminClient> {
  readonly id: 'anthropic' | 'openai';
  readonly baseUrlEnv: string;
  readonly defaultBaseUrl: string;
  readonly client: (options: ProviderClientOptions) => C;
  /** The provider's spend limits that this key may read (none where it may not). */
  readonly spendLimits: (client: C, ledger: Ledger) => Promise<ProviderLimit[]>;
  /** The names of the organization's API keys (an empty list where the key may not read them). */
  readonly keyNames: (client: C, ledger: Ledger) => Promise<KeyName[]>;
}

/** The key ids the open days' usage names: a new one among them is named at once. */
function recentKeys(ledger: Ledger, source: string, now: number): Set<string> {
  const from = syncWindow(now).openFrom;
  const ids = ledger.usage(source, { from, to: now + 3_600_000 }).map((r) => r.apiKey);
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}

export function adminInstance<C extends AdminClient>(api: AdminApi<C>, setup: SourceSetup): SourceInstance {
  const options = (key: string, signal?: AbortSignal): ProviderClientOptions => ({
    baseUrl: checkBaseUrl(
      setup.demoBaseUrl ?? setup.env[api.baseUrlEnv] ?? api.defaultBaseUrl,
      setup.demoBaseUrl ? 'demo server URL' : api.baseUrlEnv,
    ),
    key,
    now: setup.now,
    ...(setup.timeoutMs !== undefined ? { timeoutMs: setup.timeoutMs } : {}),
    ...(signal ? { signal } : {}),
  });
  let limits: readonly ProviderLimit[] = [];
  return {
    refresh: async ({ ledger, key, signal, now }) => {
      const client = api.client(options(key ?? '', signal));
      await syncProvider(api.id, client, ledger, now);
      try {
        limits = await api.spendLimits(client, ledger);
      } catch {
        // Limits are extra information: a failure to read them leaves the spend figures untouched.
      }
      try {
        const used = recentKeys(ledger, api.id, now);
        if (keyNamesDue(storedKeyNames(ledger, api.id), used, now))
          saveKeyNames(ledger, api.id, await api.keyNames(client, ledger), used, now);
      } catch {
        // Names are extra too: without them keys are shown by id, and the next refresh tries again.
      }
    },
    keyNames: (ledger) => storedKeyNames(ledger, api.id)?.keys ?? [],
    coverage: (ledger, periodStart, now) =>
      sourceCoverage(ledger.syncMark(api.id), periodStart, now, syncWindow(now).historyFrom),
    providerLimits: () => limits,
    organizationOf: async (key) => (await api.client(options(key)).organization(setup.now())).organization,
  };
}
