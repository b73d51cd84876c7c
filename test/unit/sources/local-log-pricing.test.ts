/**
 * Local logs are priced at list prices everywhere. The demo provider bills Claude Sonnet 5.5 input
 * at $1.60/M from Nov 10 (our catalog: $2/M), so the catalog carries a rate learned from the bill;
 * Claude Code logs of that model have no bill of their own and must keep the list price in the
 * popover (`status`), in `daily` and in `export` alike — else `daily` and the export CSV stop
 * adding up to `status`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceKey } from '../../../app/engine/view-types.ts';
import { DEFAULT_SETTINGS } from '../../../app/shared/settings-schema.ts';
import { startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { SpendService } from '../../../app/sources/spend-service.ts';
import { assistantLine, writeLines } from '../../helpers/claude-logs.ts';
import { demoAdminEnv } from '../../helpers/demo-env.ts';
import { runCliInProcess } from '../../helpers/run-cli.ts';

const NOW = '2026-11-25T12:30:00Z';
const PRICE_CHANGES = [{ model: 'claude-sonnet-5-5', from: '2026-11-10', kind: 'input', usdPerMillion: '1.60' }] as const;
const BOTH: SourceKey[] = ['anthropic', 'claude-code'];
/** 1.5M input tokens of Sonnet 5.5 at the list $2/M; at the learned $1.60/M it would be $2.40. */
const CLAUDE_CODE_LIST_USD = 3;

/** A Claude Code transcript in `home`: yesterday's and today's Sonnet 5.5 requests, input only. */
function writeClaudeLog(home: string): void {
  writeLines(join(home, '.claude/projects/p/s.jsonl'), [
    assistantLine({ id: 'm1', req: 'r1', model: 'claude-sonnet-5-5', input: 1_000_000, output: 0, ts: '2026-11-24T10:00:00Z' }),
    assistantLine({ id: 'm2', req: 'r2', model: 'claude-sonnet-5-5', input: 500_000, output: 0, ts: '2026-11-25T09:00:00Z' }),
  ]);
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ seed: 8, now: () => new Date(NOW), priceChanges: PRICE_CHANGES });
});
afterAll(() => server.close());

describe('Claude Code logs beside a bill with a learned rate', { timeout: 120_000 }, () => {
  let service: SpendService;
  beforeAll(async () => {
    const home = mkdtempSync(join(tmpdir(), 'spendbar-local-price-'));
    writeClaudeLog(home);
    service = new SpendService({
      home,
      env: demoAdminEnv(server, home),
      now: () => Date.parse(NOW),
      keys: { get: async () => undefined },
      settings: () => DEFAULT_SETTINGS,
    });
    await service.refreshAllOnce();
  }, 180_000);

  it('the view prices the logs at the list price while the bill teaches another rate', async () => {
    const { view } = await service.view({ sources: BOTH });
    const finding = view.priceFindings.find(
      (f) => f.model === 'claude-sonnet-5-5' && f.kind === 'input' && f.tier === 'standard',
    );
    expect(finding?.billedUsdPerMillion).toBeCloseTo(1.6, 6);
    expect(view.sources.find((s) => s.id === 'claude-code')?.spentUsd).toBeCloseTo(CLAUDE_CODE_LIST_USD, 6);
  });

  it('daily gives the view’s Claude Code figure and the view’s total for the period', async () => {
    const { view } = await service.view({ sources: BOTH });
    const both = sum((await service.daily(undefined, undefined, BOTH)).map((r) => r.usd));
    const anthropic = sum((await service.daily(undefined, undefined, ['anthropic'])).map((r) => r.usd));
    expect(both - anthropic).toBeCloseTo(view.sources.find((s) => s.id === 'claude-code')!.spentUsd, 2);
    expect(both).toBeCloseTo(view.spentUsd, 2);
  });

  it('export prices and counts the logs as the view does, and its spent column adds up to the view', async () => {
    const { view } = await service.view({ sources: BOTH });
    const claudeCode = view.sources.find((s) => s.id === 'claude-code')!.spentUsd;
    const rows = await service.exportRows(view.period.startDate, undefined, BOTH);
    const logs = rows.filter((r) => r.source === 'claude-code');
    expect(logs.map((r) => r.date)).toEqual(['2026-11-24', '2026-11-25']);
    expect(sum(logs.map((r) => Number(r.pricedUsd)))).toBeCloseTo(claudeCode, 2);
    expect(sum(logs.map((r) => Number(r.spentUsd)))).toBeCloseTo(claudeCode, 2);
    expect(sum(rows.map((r) => Number(r.spentUsd ?? 0)))).toBeCloseTo(view.spentUsd, 2);
  });
});

describe('spendbar daily and status', { timeout: 120_000 }, () => {
  it('print the same Claude Code figure when the bill has taught a rate', async () => {
    const env = demoAdminEnv(server);
    writeClaudeLog(env.HOME!);
    const run = async (args: string[]) => {
      const result = await runCliInProcess([...args, '--now', NOW, '--json'], env, new Date(NOW));
      if (result.code !== 0 || !/^[[{]/.test(result.stdout)) throw new Error(result.stderr + result.stdout.slice(0, 300));
      return JSON.parse(result.stdout) as unknown;
    };
    const spent = async (sources: string[]) =>
      ((await run(['status', ...sources.flatMap((s) => ['--source', s])])) as { spentUsd: number }).spentUsd;
    const daily = async (sources: string[]) =>
      sum(((await run(['daily', ...sources.flatMap((s) => ['--source', s])])) as Array<{ usd: number }>).map((r) => r.usd));

    const statusBoth = await spent(BOTH);
    const dailyBoth = await daily(BOTH);
    // Claude Code's figure: what counting it beside the Anthropic bill adds.
    expect(statusBoth - (await spent(['anthropic']))).toBeCloseTo(CLAUDE_CODE_LIST_USD, 2);
    expect(dailyBoth - (await daily(['anthropic']))).toBeCloseTo(CLAUDE_CODE_LIST_USD, 2);
    expect(dailyBoth).toBeCloseTo(statusBoth, 2);
  });
});
