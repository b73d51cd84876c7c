import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { femtoToUsdNumber } from '../../../../app/engine/money.ts';
import { DEFAULT_SETTINGS } from '../../../../app/shared/settings-schema.ts';
import { startDemoServer, type DemoServer } from '../../../../app/sources/demo/demo-server.ts';
import { parseKey } from '../../../../app/sources/openrouter/openrouter-parse.ts';
import { SpendService } from '../../../../app/sources/spend-service.ts';
import { tempDir } from '../../../helpers/claude-logs.ts';

const NOW = Date.parse('2026-11-20T15:00:00Z');
let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ seed: 5, now: () => new Date(NOW) });
});
afterAll(() => server.close());

describe('OpenRouter as a source', () => {
  it("this month's spend equals the month OpenRouter reports (30 days of activity by model + today), and its key limit is a provider limit", async () => {
    const home = tempDir('spendbar-openrouter-');
    const service = new SpendService({
      home,
      env: { HOME: home },
      now: () => NOW,
      keys: { get: async () => undefined },
      settings: () => ({ ...DEFAULT_SETTINGS, countedSources: ['openrouter'] }),
      demoBaseUrl: server.url,
    });
    await service.refreshAllOnce();
    const { view } = await service.view();
    // The stand-in's own month total, computed without our client.
    const month = parseKey(server.openRouter.keyBody('check')).monthlyFemto;
    expect(view.sources.find((s) => s.id === 'openrouter')).toMatchObject({ state: 'ok', counted: true, estimate: false });
    expect(view.spentUsd).toBeCloseTo(femtoToUsdNumber(month), 6);
    // By model: completed days keep OpenRouter's own model names.
    expect(view.byModel.map((m) => m.model)).toContain('anthropic/claude-sonnet-4.5');
    expect(view.providerLimits).toContainEqual({ source: 'openrouter', scope: 'key (monthly)', usd: 150, enforcing: true });
  });
});
