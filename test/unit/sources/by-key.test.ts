/** Spend by API key, against the demo organization over real HTTP: names, totals, the new-key alert. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusJson } from '../../../app/cli/commands/status.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../app/shared/settings-schema.ts';
import { AnthropicClient } from '../../../app/sources/anthropic/anthropic-client.ts';
import { DEMO_ANTHROPIC_KEY, DEMO_OPENAI_KEY, startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { OpenAiClient } from '../../../app/sources/openai/openai-client.ts';
import { SpendService } from '../../../app/sources/spend-service.ts';
import { tempDir } from '../../helpers/claude-logs.ts';

const NOW = Date.parse('2026-11-25T12:30:00Z');
let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ seed: 21, now: () => new Date(NOW), pageSize: 2, leakedKey: true });
});
afterAll(() => server.close());

function service(settings: Partial<Settings> = {}) {
  const home = tempDir('spendbar-bykey-');
  const s = new SpendService({
    home,
    env: { HOME: home },
    now: () => NOW,
    keys: { get: async () => undefined },
    settings: () => ({ ...DEFAULT_SETTINGS, countedSources: ['anthropic', 'openai'], ...settings }),
    demoBaseUrl: server.url,
  });
  return { s, home };
}

const cents = (usd: number) => Math.round(usd * 100);

describe('spend by API key on the demo organization', () => {
  it('every counted dollar is in one key row: totals by key equal totals by model to the cent', async () => {
    const { s } = service();
    await s.refreshAllOnce();
    const { view } = await s.view();
    const byKey = view.byKey.reduce((sum, k) => sum + k.usd, 0);
    const byModel = view.byModel.reduce((sum, m) => sum + m.usd, 0);
    expect(view.byKey.length).toBeGreaterThan(5);
    expect(cents(byKey)).toBe(cents(byModel));
    expect(cents(byKey)).toBe(cents(view.spentUsd));
    // Per source as well: Anthropic's keys add up to Anthropic's spend, OpenAI's to OpenAI's.
    for (const source of ['anthropic', 'openai']) {
      const keys = view.byKey.filter((k) => k.source === source).reduce((sum, k) => sum + k.usd, 0);
      expect(cents(keys)).toBe(cents(view.sources.find((x) => x.id === source)!.spentUsd));
    }
  });

  it('names keys from the admin key lists (every page), keeps Workbench usage, shows archived and deleted keys by what is known', async () => {
    const { s } = service();
    await s.refreshAllOnce();
    const { view } = await s.view();
    const row = (id: string | null, source = 'anthropic') => view.byKey.find((k) => k.source === source && k.keyId === id);
    expect(row('apikey_01DemoProdBackend')).toMatchObject({ label: 'production-backend', hint: '…x2QA', status: null });
    // The last key of the list (on its fourth page at two keys a page) is named too.
    expect(row('apikey_01DemoInternProto')).toMatchObject({ label: 'intern-prototype', status: 'archived' });
    expect(row('apikey_01DemoOldScript')).toMatchObject({ label: 'apikey_01DemoOldScript', status: 'not listed' });
    expect(row(null)).toMatchObject({ kind: 'no-key', label: 'No key (Workbench/console)' });
    expect(row(null)!.usd).toBeGreaterThan(0);
    // Anthropic's cost report cannot be grouped by key: its split is our estimate, and says so.
    // (Bill lines no usage stands behind, such as web search, are not by key: a row of their own.)
    expect(view.byKey.filter((k) => k.source === 'anthropic' && k.kind !== 'not-reported').every((k) => k.estimate)).toBe(true);
    // OpenAI bills per key: its keys' dollars are the bill's.
    expect(row('key_DemoAppServer', 'openai')).toMatchObject({ label: 'app-server', hint: '…Ab3D', estimate: false });
    expect(row('key_DemoRevoked', 'openai')).toMatchObject({ status: 'not listed' });
    const json = statusJson(view) as { byKey: Array<{ label: string }> };
    expect(json.byKey.map((k) => k.label)).toContain('ci-deploy');
  });

  it('a key never seen before that burns more than the threshold in an hour raises one "new key spending" alert', async () => {
    const { s } = service();
    await s.refreshAllOnce();
    const first = await s.view({ consumeAlerts: true });
    const alert = first.due.find((a) => a.kind === 'new-key');
    expect(alert?.title).toBe('New key spending: ci-deploy (OpenAI)');
    expect(first.view.alerts.some((a) => a.kind === 'new-key')).toBe(true);
    // Only that key: the others spent in the 30 days before.
    expect(first.view.alerts.filter((a) => a.kind === 'new-key')).toHaveLength(1);
    // Once per key: shown in the popover still, not notified again.
    const second = await s.view({ consumeAlerts: true });
    expect(second.due.some((a) => a.kind === 'new-key')).toBe(false);
    expect(second.view.alerts.some((a) => a.kind === 'new-key')).toBe(true);
  });

  it('the threshold is a setting: above the leaked key’s burn, no alert', async () => {
    const { s } = service({ newKeyHourlyUsd: '50' });
    await s.refreshAllOnce();
    const { view } = await s.view();
    expect(view.alerts.some((a) => a.kind === 'new-key')).toBe(false);
  });

  it('early in a month, keys that spent last month are not new: the history before the period keeps its keys', async () => {
    // Nov 2: most of the 30 days before lie in October, which the view keeps only per hour. At a
    // threshold every busy key crosses, the rule still finds no new key, and the quiet-month check
    // is not vacuous: the same threshold flags a key that really is new (the leaked one).
    const early = Date.parse('2026-11-02T12:30:00Z');
    for (const leakedKey of [false, true]) {
      const demo = await startDemoServer({ seed: 21, now: () => new Date(early), leakedKey });
      try {
        const home = tempDir('spendbar-bykey-early-');
        const s = new SpendService({
          home,
          env: { HOME: home },
          now: () => early,
          keys: { get: async () => undefined },
          settings: () => ({ ...DEFAULT_SETTINGS, countedSources: ['anthropic', 'openai'], newKeyHourlyUsd: '0.10' }),
          demoBaseUrl: demo.url,
        });
        await s.refreshAllOnce();
        const { view } = await s.view();
        const flagged = view.alerts.filter((a) => a.kind === 'new-key').map((a) => a.title);
        expect(flagged).toEqual(leakedKey ? ['New key spending: ci-deploy (OpenAI)'] : []);
      } finally {
        await demo.close();
      }
    }
  });

  it('no key value is stored: the ledger keeps ids, names and the providers’ own short hints only', async () => {
    const { s, home } = service();
    await s.refreshAllOnce();
    const file = join(home, 'demo', 'ledger.db');
    const bytes = [file, `${file}-wal`]
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes).toContain('production-backend');
    for (const secret of [DEMO_ANTHROPIC_KEY, DEMO_OPENAI_KEY, 'sk-ant-api03', 'sk-proj-', 'sk-svca-'])
      expect(bytes).not.toContain(secret);
  });
});

describe('the key lists over HTTP', () => {
  it('follow their cursors to the end, at any page size', async () => {
    const anthropic = new AnthropicClient({ baseUrl: new URL(server.url), key: DEMO_ANTHROPIC_KEY, now: () => NOW });
    const keys = await anthropic.apiKeys(1);
    expect(keys.map((k) => k.id)).toEqual([
      'apikey_01DemoProdBackend',
      'apikey_01DemoNightlyBatch',
      'apikey_01DemoDevLaptop',
      'apikey_01DemoInternProto',
      'apikey_01DemoSpareA',
      'apikey_01DemoSpareB',
    ]);
    const openai = new OpenAiClient({ baseUrl: new URL(server.url), key: DEMO_OPENAI_KEY, now: () => NOW });
    expect((await openai.apiKeys(['proj_DemoApp'], 1)).map((k) => k.name)).toEqual(['app-server', 'eval-runner', 'ci-deploy']);
  });

  it('a 403 or 404 is no names, quietly; keys are then shown by id', async () => {
    const anthropic = new AnthropicClient({ baseUrl: new URL(server.url), key: DEMO_ANTHROPIC_KEY, now: () => NOW });
    server.injectFault({ kind: 'forbidden', provider: 'anthropic' });
    expect(await anthropic.apiKeys()).toEqual([]);
    const openai = new OpenAiClient({ baseUrl: new URL(server.url), key: DEMO_OPENAI_KEY, now: () => NOW });
    expect(await openai.apiKeys(['proj_Unknown'])).toEqual([]);
  });
});
