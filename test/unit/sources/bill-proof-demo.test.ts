/**
 * Issue 13 acceptance, over real HTTP: the demo provider bills Claude Sonnet 5.5 input at $1.60/M from
 * Nov 10 (our catalog: $2/M) and bills an OpenAI model our catalog does not list. The finding is shown,
 * today's estimate uses the bill's rate, and the unlisted model is priced once its bill has arrived.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { femtoToUsdNumber } from '../../../app/engine/money.ts';
import { DEFAULT_SETTINGS } from '../../../app/shared/settings-schema.ts';
import * as demoOrganization from '../../../app/sources/demo/demo-organization.ts';
import { DemoOrganization, HOUR_MS } from '../../../app/sources/demo/demo-organization.ts';
import { startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { COST_COLUMNS } from '../../../app/sources/ledger/ledger-rows.ts';
import { SpendService } from '../../../app/sources/spend-service.ts';
import { runCliInProcess } from '../../helpers/run-cli.ts';
import { demoAdminEnv } from '../../helpers/demo-env.ts';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const TODAY = Date.UTC(2026, 10, 25);
/** The demo's OpenAI model our catalog does not list, with its bill lines (branch `numbers`, issue 13). */
const UNLISTED = (demoOrganization as Record<string, unknown>).UNLISTED_OPENAI_MODEL as string | undefined;
/** The ledger keeps OpenAI's `quantity`: without it no OpenAI line has a rate (app/sources/ledger/ledger-rows.ts). */
const STORES_QUANTITY = COST_COLUMNS.includes('quantity');
const NO_UNLISTED = UNLISTED
  ? "SKIPPED: the ledger does not store OpenAI cost lines' quantity yet (cost table columns), so no OpenAI line has a rate"
  : 'SKIPPED: this demo bills no uncatalogued OpenAI model';
/** The provider cuts Sonnet 5.5 input from $2 to $1.60 per million tokens on Nov 10; our catalog lags. */
const PRICE_CHANGES = [{ model: 'claude-sonnet-5-5', from: '2026-11-10', kind: 'input', usdPerMillion: '1.60' }] as const;
let changed: DemoServer;
let plain: DemoServer;
/** One synced ledger per server (a full two-month sync each): every test reads views of it. */
let changedService: SpendService;
let plainService: SpendService;
beforeAll(async () => {
  changed = await startDemoServer({
    seed: 8,
    now: () => new Date(NOW),
    priceChanges: PRICE_CHANGES,
  });
  plain = await startDemoServer({ seed: 8, now: () => new Date(NOW) });
  changedService = service(changed);
  plainService = service(plain);
  await Promise.all([changedService.refreshAllOnce(), plainService.refreshAllOnce()]);
}, 180_000);
afterAll(async () => {
  await changed.close();
  await plain.close();
});

function service(server: DemoServer): SpendService {
  const home = mkdtempSync(join(tmpdir(), 'spendbar-bill-proof-'));
  return new SpendService({
    home,
    env: { HOME: home },
    now: () => NOW,
    keys: { get: async () => undefined },
    settings: () => DEFAULT_SETTINGS,
    demoBaseUrl: server.url,
  });
}

/** What the simulated provider charges for today's Anthropic usage so far: its own price list. */
function providerPriceOfToday(server: DemoServer): number {
  let femto = 0n;
  for (let h = TODAY; h < NOW; h += HOUR_MS)
    for (const record of server.org.anthropicHour(h))
      for (const line of server.org.bill(DemoOrganization.anthropicUsageRow(record, h))) femto += line.femto;
  return femtoToUsdNumber(femto);
}

describe('the bill proves the prices, against the demo provider', () => {
  it('a provider billing at our catalog rates gives no finding (float amounts and cent fractions are rounding)', async () => {
    const { view } = await plainService.view();
    expect(view.priceFindings.filter((f) => f.catalogUsdPerMillion !== null)).toEqual([]);
  });

  it('shows the finding with its evidence, and prices today at the billed rate, marked as such', async () => {
    const { view } = await changedService.view({ sources: ['anthropic'] });
    const finding = view.priceFindings.find(
      (f) => f.model === 'claude-sonnet-5-5' && f.kind === 'input' && f.tier === 'standard',
    );
    expect(finding).toMatchObject({
      source: 'anthropic',
      from: '2026-11-10',
      through: '2026-11-24',
      current: true,
      catalogUsdPerMillion: 2,
    });
    expect(finding!.billedUsdPerMillion).toBeCloseTo(1.6, 6);
    expect(finding!.message).toBe('Your bill prices claude-sonnet-5-5 input at $1.60/M since Nov 10; our catalog says $2.00/M');
    // Batch input is billed at half the new rate: a finding of its own, not a learned standard rate.
    expect(view.priceFindings.some((f) => f.model === 'claude-sonnet-5-5' && f.tier === 'batch' && f.kind === 'input')).toBe(
      true,
    );
    // Every other Anthropic kind and model matches the catalog.
    const anthropic = view.priceFindings.filter((f) => f.source === 'anthropic');
    expect(anthropic.every((f) => f.model === 'claude-sonnet-5-5' && f.kind === 'input')).toBe(true);

    expect(view.todayUsd).toBeCloseTo(providerPriceOfToday(changed), 5);
    expect(view.byModel.find((m) => m.model === 'claude-sonnet-5-5')?.rateNote).toBe('rate from your bill, 2026-11-10');
    expect(view.byModel.find((m) => m.model === 'claude-opus-4-5')?.rateNote).toBeUndefined();
  });

  it("today's estimate at the catalog rate would differ: the learned rate is what moved it", async () => {
    const { view } = await plainService.view({ sources: ['anthropic'] });
    expect(view.todayUsd).toBeCloseTo(providerPriceOfToday(plain), 5);
    expect(Math.abs(view.todayUsd - providerPriceOfToday(changed))).toBeGreaterThan(0.01);
  });

  it.skipIf(UNLISTED === undefined || !STORES_QUANTITY)(
    `prices a model the catalog does not list once its bill has arrived${UNLISTED && STORES_QUANTITY ? '' : ` — ${NO_UNLISTED}`}`,
    async () => {
      const { view } = await changedService.view({ sources: ['openai'] });
      const finding = view.priceFindings.find((f) => f.model === UNLISTED && f.kind === 'input');
      expect(finding?.catalogUsdPerMillion).toBeNull();
      expect(finding?.message).toMatch(
        new RegExp(`^Your bill prices ${UNLISTED} input at \\$5\\.00/M since .*; our catalog has no price for it$`),
      );
      expect(view.unpriced.map((u) => u.model)).not.toContain(UNLISTED);
      const row = view.byModel.find((m) => m.model === UNLISTED);
      expect(row?.rateNote).toMatch(/^rate from your bill, 2026-\d\d-\d\d$/);
    },
  );
});

describe('spendbar prices --check and daily --json', { timeout: 120_000 }, () => {
  // Its own server: a fresh origin, so no pooled connection left idle by the tests above is reused.
  let cli: DemoServer;
  beforeAll(async () => {
    cli = await startDemoServer({ seed: 8, now: () => new Date(NOW), priceChanges: PRICE_CHANGES });
  });
  afterAll(() => cli.close());
  const env = () => demoAdminEnv(cli);

  it('lists every finding with its days, tokens, billed dollars and both rates', async () => {
    const result = await runCliInProcess(
      ['prices', '--check', '--source', 'anthropic', '--now', new Date(NOW).toISOString()],
      env(),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Your bill prices claude-sonnet-5-5 input at $1.60/M since Nov 10; our catalog says $2.00/M');
    expect(result.stdout).toMatch(/anthropic, 2026-11-10 to 2026-11-24: [\d,]+ tokens billed \$\d+\.\d{6}/);
    expect(result.stdout).toMatch(/billed rate \$1\.6\/M; catalog \$2\/M \(https:\/\/platform\.claude\.com/);
    const json = await runCliInProcess(['prices', '--check', '--json', '--now', new Date(NOW).toISOString()], env());
    if (!json.stdout.includes('claude-sonnet-5-5')) throw new Error(json.stderr + json.stdout.slice(0, 600));
    const doc = JSON.parse(json.stdout) as { findings: Array<{ model: string; tokens: number; billedUsd: number }> };
    expect(doc.findings.find((f) => f.model === 'claude-sonnet-5-5')!.tokens).toBeGreaterThan(0);
  });

  it('says what is wrong when asked for no check or for a source without a bill', async () => {
    expect((await runCliInProcess(['prices'], env())).stderr).toContain('prices needs --check');
    expect((await runCliInProcess(['prices', '--check', '--source', 'claude-code'], env())).stderr).toContain('no bill to check');
  });

  it('daily --json carries per day and source our estimate, the bill and their difference', async () => {
    const result = await runCliInProcess(
      [
        'daily',
        '--json',
        '--source',
        'anthropic',
        '--since',
        '2026-11-08',
        '--until',
        '2026-11-12',
        '--now',
        new Date(NOW).toISOString(),
      ],
      env(),
    );
    if (!result.stdout.startsWith('[')) throw new Error(result.stderr + result.stdout.slice(0, 300));
    const rows = JSON.parse(result.stdout) as Array<{
      date: string;
      reconciliation: Array<{ source: string; estimateUsd: number; billedUsd: number; differenceUsd: number }>;
    }>;
    const day = (date: string) => {
      const entry = rows.find((r) => r.date === date)?.reconciliation[0];
      if (!entry) throw new Error(`no reconciliation on ${date}; stderr: ${result.stderr}`);
      return entry;
    };
    // Before the change the catalog agrees with the bill; from Nov 10 our estimate is above it.
    expect(Math.abs(day('2026-11-09').differenceUsd)).toBeLessThan(1e-5);
    expect(day('2026-11-11').source).toBe('anthropic');
    expect(day('2026-11-11').differenceUsd).toBeGreaterThan(0.01);
    expect(day('2026-11-11').differenceUsd).toBeCloseTo(day('2026-11-11').estimateUsd - day('2026-11-11').billedUsd, 5);
  });
});
