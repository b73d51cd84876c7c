/**
 * OpenRouter with a plain key or a management key: billed truth in dollars
 * (../shared/reference/sources-2026-11.md, "OpenRouter").
 * - A management key reads daily spend by model for the last 30 completed UTC days (/activity).
 * - A plain key reads only its own month and today (/key); the month before today then has no
 *   daily detail, so it is kept as one line on the month's first day, named as such, so the
 *   month's total is exact.
 */
import { femtoToUsdNumber } from '../../engine/money.ts';
import type { ProviderLimit } from '../../engine/view-types.ts';
import { checkBaseUrl } from '../http/base-url.ts';
import type { BilledCost } from '../billed-cost.ts';
import type { SourceDefinition } from '../source-definition.ts';
import { DEMO_OPENROUTER_MANAGEMENT_KEY } from '../demo/demo-openrouter.ts';
import { OPENROUTER_DEFAULT_BASE_URL, OpenRouterClient, type OpenRouterSnapshot } from './openrouter-client.ts';

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The ledger window a snapshot replaces, and its rows. */
export function openRouterCosts(
  snapshot: OpenRouterSnapshot,
  now: number,
): { fromDay: string; toDay: string; rows: BilledCost[] } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const date = new Date(now);
  const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const row = (day: string, femto: bigint, model: string | null, description: string): BilledCost => ({
    source: 'openrouter',
    day,
    model,
    description,
    workspace: null,
    line: `${model ?? ''}|${description}`,
    femto: femto.toString(),
  });
  const todayRow = row(isoDay(today), snapshot.key.dailyFemto, null, 'today so far (this key)');
  if (snapshot.activity) {
    // Activity has completed days only; today comes from the key endpoint while the day runs.
    const days = snapshot.activity.map((a) => row(a.day, a.femto, a.model, 'activity'));
    const first = days.reduce((min, r) => (r.day < min ? r.day : min), isoDay(today));
    return { fromDay: first, toDay: isoDay(today + DAY_MS), rows: [...days, todayRow] };
  }
  const earlier = snapshot.key.monthlyFemto - snapshot.key.dailyFemto;
  const rows = [todayRow];
  if (earlier > 0n && monthStart < today)
    rows.push(row(isoDay(monthStart), earlier, null, 'earlier this month (no daily detail without a management key)'));
  return { fromDay: isoDay(monthStart), toDay: isoDay(today + DAY_MS), rows };
}

export const openRouterSource: SourceDefinition = {
  id: 'openrouter',
  label: 'OpenRouter',
  truth: 'billed',
  credential: {
    kind: 'key',
    account: 'openrouter-key',
    envVar: 'SPENDBAR_OPENROUTER_KEY',
    prefix: 'sk-or-',
    keyName: 'API key',
    whereToCreate: 'Create one at openrouter.ai/settings/keys; a management key also gives daily detail by model.',
  },
  pollMinutes: { default: 5, min: 1 },
  pollCost: 'free; up to three small requests per poll',
  inDemo: true,
  demoKey: DEMO_OPENROUTER_MANAGEMENT_KEY,
  create(setup) {
    const client = (key: string, signal?: AbortSignal) =>
      new OpenRouterClient({
        baseUrl: checkBaseUrl(
          setup.demoBaseUrl ?? setup.env.SPENDBAR_OPENROUTER_BASE_URL ?? OPENROUTER_DEFAULT_BASE_URL,
          setup.demoBaseUrl ? 'demo server URL' : 'SPENDBAR_OPENROUTER_BASE_URL',
        ).href,
        key,
        now: setup.now,
        ...(setup.timeoutMs !== undefined ? { timeoutMs: setup.timeoutMs } : {}),
        ...(signal ? { signal } : {}),
      });
    let limits: ProviderLimit[] = [];
    return {
      instance: {
        refresh: async ({ ledger, key, signal, now }) => {
          const snapshot = await client(key ?? '', signal).snapshot();
          ledger.commit({ source: 'openrouter', costs: [openRouterCosts(snapshot, now)] });
          // The key's own limit: OpenRouter refuses requests beyond it (limit_remaining reaches 0).
          const limit = snapshot.key.limitFemto;
          limits =
            limit === null
              ? []
              : [
                  {
                    source: 'openrouter',
                    scope: `key (${snapshot.key.limitReset ?? 'no reset'})`,
                    usd: femtoToUsdNumber(limit),
                    enforcing: true,
                  },
                ];
        },
        providerLimits: () => limits,
        organizationOf: async (key) => (await client(key).snapshot()).key.label ?? undefined,
      },
    };
  },
};
