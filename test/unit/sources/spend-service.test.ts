import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../../app/engine/cost-aggregator.ts';
import { femtoToUsdNumber } from '../../../app/engine/money.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../app/shared/settings-schema.ts';
import { DemoOrganization, HOUR_MS } from '../../../app/sources/demo/demo-organization.ts';
import { startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { SpendService } from '../../../app/sources/spend-service.ts';
import { statusJson } from '../../../app/cli/commands/status.ts';
import { assistantLine, tempDir, writeLines } from '../../helpers/claude-logs.ts';
import { generatorBill } from '../../helpers/demo-totals.ts';
import { join } from 'node:path';

const NOW = Date.parse('2026-11-25T12:30:00Z');
let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ seed: 21, now: () => new Date(NOW) });
});
afterAll(() => server.close());

function service(settings: Partial<Settings> = {}, env: Record<string, string> = {}) {
  const home = tempDir('spendbar-service-');
  return new SpendService({
    home,
    env: { HOME: home, ...env },
    now: () => NOW,
    keys: { get: async () => undefined },
    settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
    demoBaseUrl: server.url,
  });
}

describe('spend service on the demo organization', () => {
  it('spent = the bill for the days it covers + priced usage for today, nothing counted twice', async () => {
    const s = service({ countedSources: ['anthropic'] });
    await s.refreshAllOnce();
    const { view } = await s.view();
    const bill = generatorBill(server.org, Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 25));
    const billed = [...bill.values()].reduce((a, b) => a + b, 0n);
    const today = new CostAggregator(buildCatalog());
    for (let h = Date.UTC(2026, 10, 25); h < NOW; h += HOUR_MS)
      for (const r of server.org.anthropicHour(h)) today.add(DemoOrganization.anthropicUsageRow(r, h));
    expect(view.spentUsd).toBeCloseTo(femtoToUsdNumber(billed + today.total()), 5);
    expect(view.demo).toBe(true);
    expect(view.reconciliation.length).toBeGreaterThanOrEqual(24);
    // The demo bills with our own catalog, so the estimate equals the bill to the micro-dollar.
    const anthropicDays = view.reconciliation.filter((r) => r.source === 'anthropic');
    expect(anthropicDays.every((r) => Math.abs(r.differenceUsd) < 1e-6)).toBe(true);
  });

  it('splits spend by workspace: the shares add up to what was spent, in the generator’s 70/30 proportion', async () => {
    const s = service({ countedSources: ['anthropic'] });
    await s.refreshAllOnce();
    const { view } = await s.view();
    expect(view.byWorkspace.map((w) => w.workspace)).toEqual(['wrkspc_01DemoProduction', null]);
    expect(view.byWorkspace.every((w) => w.source === 'anthropic')).toBe(true);
    const total = view.byWorkspace.reduce((sum, w) => sum + w.usd, 0);
    expect(total).toBeCloseTo(view.spentUsd, 5);
    expect(view.byWorkspace[0]!.usd / total).toBeCloseTo(0.7, 2);
  });

  it('shows remaining, percent of cap, projection, today and the last hour', async () => {
    const s = service({ capUsd: '3000' });
    await s.refreshAllOnce();
    const { view } = await s.view();
    expect(view.remainingUsd).toBeCloseTo(3000 - view.spentUsd, 5);
    expect(view.percentOfCap).toBeCloseTo((view.spentUsd / 3000) * 100, 1);
    expect(view.projectedUsd).toBeGreaterThan(view.spentUsd);
    expect(view.todayUsd).toBeGreaterThan(0);
    expect(view.hourlyRateUsd).toBeGreaterThan(0);
    expect(view.daily).toHaveLength(30);
    expect(view.daily[24]).toMatchObject({ date: '2026-11-25' });
    expect(view.daily[29]!.usd).toBeNull();
    expect(view.daily[29]!.projectedUsd).toBeGreaterThan(0);
    expect(view.sources.map((x) => [x.id, x.state, x.counted])).toEqual([
      ['anthropic', 'ok', true],
      ['openai', 'ok', true],
      ['openrouter', 'ok', true],
      ['claude-code', 'not-configured', false],
      ['codex', 'not-configured', false],
    ]);
  });

  it('a Claude Code subscription shows API value against the plan price, not spend', async () => {
    const home = tempDir('spendbar-sub-');
    writeLines(join(home, '.claude/projects/p/s.jsonl'), [
      assistantLine({ id: 'm', req: 'r', model: 'claude-opus-4-5', input: 2_000_000, output: 0, ts: '2026-11-20T10:00:00Z' }),
    ]);
    const s = new SpendService({
      home,
      env: { HOME: home },
      now: () => NOW,
      keys: { get: async () => undefined },
      settings: () => ({ ...DEFAULT_SETTINGS, claudeCodeSubscriptionUsd: '200' }),
    });
    await s.refreshAllOnce();
    const { view } = await s.view();
    expect(view.subscription).toEqual({ planUsd: 200, apiValueUsd: 10 });
    expect(view.spentUsd).toBe(0);
    expect(view.sources.find((x) => x.id === 'claude-code')).toMatchObject({
      state: 'ok',
      counted: false,
      estimate: true,
      spentUsd: 10,
    });
  });

  it('a first sync stopped by a rate limit shows "no data yet" for the source, never $0; the next poll fills it in', async () => {
    const s = service({ countedSources: ['anthropic'] });
    server.injectFault({ kind: 'rate-limit', provider: 'anthropic', retryAfterSeconds: 120 });
    await s.refreshAllOnce();
    const first = (await s.view({ sources: ['anthropic'] })).view;
    expect(first.spentComplete).toBe(false);
    expect(statusJson(first)).toMatchObject({ spentUsd: null, remainingUsd: null });
    expect(first.sources[0]).toMatchObject({ id: 'anthropic', state: 'rate-limited', coverage: 'none', dataThrough: null });
    expect((statusJson(first) as { sources: unknown[] }).sources[0]).toMatchObject({ id: 'anthropic', dataThrough: null });
    server.clearFaults();
    await s.refreshAllOnce();
    const second = (await s.view({ sources: ['anthropic'] })).view;
    expect(second.spentComplete).toBe(true);
    expect(second.sources[0]).toMatchObject({ coverage: 'complete', dataThrough: '2026-11-25T12:00:00.000Z' });
    expect((statusJson(second) as { spentUsd: number }).spentUsd).toBeGreaterThan(0);
  });

  it('reads the providers’ own spend limits (Anthropic behind its beta header) into the view and status --json', async () => {
    const s = service();
    await s.refreshAllOnce();
    const { view } = await s.view();
    expect(view.providerLimits).toEqual([
      { source: 'anthropic', scope: 'usage_tier', usd: 20_000, enforcing: true },
      { source: 'anthropic', scope: 'organization', usd: 6_000, enforcing: true },
      // The project has no limit of its own (404): nothing is listed for it, and the source is still ok.
      { source: 'openai', scope: 'organization', usd: 1_500, enforcing: true },
      // OpenRouter's key limit: requests beyond it are refused.
      { source: 'openrouter', scope: 'key (monthly)', usd: 150, enforcing: true },
    ]);
    expect(view.sources.find((x) => x.id === 'openai')!.state).toBe('ok');
    expect((statusJson(view) as { providerLimits: unknown[] }).providerLimits).toHaveLength(4);
  });

  it('with no source at all the view is empty, not an error', async () => {
    const home = tempDir('spendbar-empty-');
    const s = new SpendService({
      home,
      env: { HOME: home },
      now: () => NOW,
      keys: { get: async () => undefined },
      settings: () => DEFAULT_SETTINGS,
    });
    await s.refreshAllOnce();
    const { view } = await s.view();
    expect(view.level).toBe('empty');
    // Keyed sources offer to add a key; local-log sources have nothing to add.
    expect(view.sources.map((x) => [x.id, x.fix])).toEqual([
      ['anthropic', 'add-key'],
      ['openai', 'add-key'],
      ['openrouter', 'add-key'],
      ['claude-code', undefined],
      ['codex', undefined],
    ]);
  });
});
