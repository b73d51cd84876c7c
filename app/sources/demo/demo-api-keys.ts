/**
 * The simulated organization's API keys: who spends what, for "By key" and the new-key alert.
 * Usage of a workspace (Anthropic) or project (OpenAI) is split over its keys by fixed shares, in
 * whole tokens, so the split adds up exactly to the usage the reports give ungrouped. Stand-ins:
 * - Workbench usage has `api_key_id: null` "even when grouping by that dimension"
 *   (anthropic-admin-api.md, from platform.claude.com/docs/en/manage-claude/usage-cost-api).
 * - A key archived in the Console is still listed, with status "archived"; a deleted key is not
 *   listed at all, while its past usage keeps its id (the list's `status` filter names active,
 *   archived, expired, inactive: platform.claude.com/docs/en/api/admin/api_keys/list).
 * - OpenAI's project key list holds enabled keys only, so a revoked key is not listed
 *   (openai-node src/resources/admin/organization/projects/api-keys.ts, owner_project_access "any":
 *   "all enabled project API keys").
 * - One OpenAI key appears two days before the simulated present and burns fast for three hours
 *   (a leaked CI key): the "new key spending" alert fires in demo mode whatever the date.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface DemoKey {
  readonly id: string;
  readonly name: string;
  /** Anthropic workspace or OpenAI project (null: the default workspace). */
  readonly scope: string | null;
  readonly status: 'active' | 'archived';
  /** Listed by the key list endpoint (a deleted key is not). */
  readonly listed: boolean;
  /** OpenAI: the key's owner has left the project; the list shows it only when asked for "any" owner. */
  readonly ownerLeft?: boolean;
  /** The provider's redacted hint, as its docs show one. */
  readonly hint: string;
  readonly createdAt: string;
}

const key = (id: string, name: string, scope: string | null, hint: string, extra: Partial<DemoKey> = {}): DemoKey => ({
  id,
  name,
  scope,
  status: 'active',
  listed: true,
  hint,
  createdAt: '2026-01-15T09:30:00Z',
  ...extra,
});

export const DEMO_ANTHROPIC_KEYS: readonly DemoKey[] = [
  key('apikey_01DemoProdBackend', 'production-backend', 'wrkspc_01DemoProduction', 'sk-ant-api03-Pb7...x2QA'),
  key('apikey_01DemoNightlyBatch', 'nightly-batch', 'wrkspc_01DemoProduction', 'sk-ant-api03-Nb1...k9ZA'),
  key('apikey_01DemoDevLaptop', 'dev-laptop', null, 'sk-ant-api03-Dl4...q7PA'),
  key('apikey_01DemoInternProto', 'intern-prototype', null, 'sk-ant-api03-Ip0...m3WA', { status: 'archived' }),
  // Deleted: its usage keeps its id, the list no longer names it.
  key('apikey_01DemoOldScript', 'old-script', null, 'sk-ant-api03-Os9...c1RA', { listed: false }),
  // More keys than spend: the list has several pages at a small page size.
  key('apikey_01DemoSpareA', 'spare-a', null, 'sk-ant-api03-Sa2...d5TA'),
  key('apikey_01DemoSpareB', 'spare-b', 'wrkspc_01DemoProduction', 'sk-ant-api03-Sb3...e6UA'),
];

export const DEMO_OPENAI_KEYS: readonly DemoKey[] = [
  key('key_DemoAppServer', 'app-server', 'proj_DemoApp', 'sk-proj-****...Ab3D'),
  key('key_DemoEvalRunner', 'eval-runner', 'proj_DemoApp', 'sk-svca-****...Ev9Q'),
  key('key_DemoRevoked', 'old-notebook', 'proj_DemoApp', 'sk-proj-****...Rv2K', { listed: false }),
  // Its owner has left the project: without owner_project_access=any the list leaves it out.
  key('key_DemoCiDeploy', 'ci-deploy', 'proj_DemoApp', 'sk-proj-****...Ci7X', { ownerLeft: true }),
];

/** The leaked key and when it starts: two days before `now`, 13:00 UTC. */
export const DEMO_LEAKED_KEY = 'key_DemoCiDeploy';
export function leakStart(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS - 2 * DAY_MS + 13 * HOUR_MS;
}

/**
 * Who spends an hour's usage of one workspace or project, by share. Keys come and go: the archived
 * and deleted keys spent only until the 5th and 10th day after the origin's month.
 */
export function keyShares(
  provider: 'anthropic' | 'openai',
  scope: string | null,
  hour: number,
  origin: number,
): Array<[string | null, number]> {
  const day = (hour - origin) / DAY_MS;
  if (provider === 'openai')
    return day < 38
      ? [
          ['key_DemoAppServer', 0.6],
          ['key_DemoEvalRunner', 0.3],
          ['key_DemoRevoked', 0.1],
        ]
      : [
          ['key_DemoAppServer', 0.7],
          ['key_DemoEvalRunner', 0.3],
        ];
  if (scope === 'wrkspc_01DemoProduction')
    return [
      ['apikey_01DemoProdBackend', 0.75],
      ['apikey_01DemoNightlyBatch', 0.25],
    ];
  const old: Array<[string | null, number]> = day < 35 ? [['apikey_01DemoOldScript', 0.2]] : [];
  const intern: Array<[string | null, number]> = day < 40 ? [['apikey_01DemoInternProto', 0.15]] : [];
  const rest = 1 - old.reduce((s, [, v]) => s + v, 0) - intern.reduce((s, [, v]) => s + v, 0);
  // Workbench (no key) has a steady share of the default workspace.
  return [...old, ...intern, [null, 0.25], ['apikey_01DemoDevLaptop', rest - 0.25]];
}

/** Splits whole counts over shares exactly: each part is floored, the last takes what is left. */
export function splitCounts(counts: readonly number[], shares: readonly number[]): number[][] {
  const left = [...counts];
  return shares.map((share, i) => {
    if (i === shares.length - 1) return left;
    const part = counts.map((c) => Math.floor(c * share));
    part.forEach((p, k) => (left[k]! -= p));
    return part;
  });
}
