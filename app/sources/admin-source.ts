/**
 * What the two admin-API sources share: where their API is (demo server, the base-URL variable, or
 * the provider), one refresh that syncs usage and cost reports into the ledger and then reads the
 * provider's own spend limits, and how much of the period the sync marks say is stored.
 */
import type { ProviderLimit } from '../engine/view-types.ts';
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
    },
    coverage: (ledger, periodStart, now) =>
      sourceCoverage(ledger.syncMark(api.id), periodStart, now, syncWindow(now).historyFrom),
    providerLimits: () => limits,
    organizationOf: async (key) => (await api.client(options(key)).organization(setup.now())).organization,
  };
}
