import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { assistantLine, writeLines } from '../../helpers/claude-logs.ts';
import { runCliInProcess, spawnCli } from '../../helpers/run-cli.ts';
import { demoAdminEnv } from '../../helpers/demo-env.ts';

const NOW = '2026-11-25T12:30:00Z';
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ seed: 5, now: () => new Date(NOW) });
});
afterAll(() => server.close());

const env = (extra: Record<string, string> = {}) => ({ ...demoAdminEnv(server), ...extra });

describe('spendbar status', () => {
  it('in the terminal, lists spend by model and by workspace or project', async () => {
    const result = await runCliInProcess(['status', '--now', NOW], env());
    expect(result.stdout).toMatch(/Claude Sonnet 4\.5 +\$[\d,.]+/);
    expect(result.stdout).toContain('By workspace (Anthropic) and project (OpenAI)');
    expect(result.stdout).toMatch(/wrkspc_01DemoProduction +\$[\d,.]+/);
    expect(result.stdout).toMatch(/default workspace +\$[\d,.]+/);
    expect(result.stdout).toMatch(/proj_DemoApp +\$[\d,.]+/);
  });

  it('prints exactly the contract fields as one JSON document', async () => {
    const result = await spawnCli(['status', '--cap', '2500', '--now', NOW, '--json'], env());
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc).sort()).toEqual(
      [
        'alerts',
        'asOf',
        'byKey',
        'byModel',
        'capHitDate',
        'capUsd',
        'notices',
        'period',
        'projectedHighUsd',
        'projectedLowUsd',
        'projectedUsd',
        'providerLimits',
        'remainingUsd',
        'sources',
        'spentUsd',
      ].sort(),
    );
    expect(doc.period).toEqual({ start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' });
    expect(doc.capUsd).toBe(2500);
    expect(doc.remainingUsd).toBeCloseTo(2500 - doc.spentUsd, 6);
    expect(doc.projectedLowUsd).toBeLessThanOrEqual(doc.projectedUsd);
    expect(doc.projectedHighUsd).toBeGreaterThanOrEqual(doc.projectedUsd);
    expect(doc.projectedUsd).toBeGreaterThan(doc.spentUsd);
    expect(doc.sources).toEqual([
      { id: 'anthropic', state: 'ok', dataThrough: '2026-11-25T12:00:00.000Z' },
      { id: 'openai', state: 'ok', dataThrough: '2026-11-25T12:00:00.000Z' },
      { id: 'openrouter', state: 'not-configured', dataThrough: null },
      { id: 'claude-code', state: 'not-configured', dataThrough: null },
      { id: 'codex', state: 'not-configured', dataThrough: null },
    ]);
    const byModel = doc.byModel.reduce((s: number, m: { usd: number }) => s + m.usd, 0);
    expect(byModel).toBeCloseTo(doc.spentUsd, 4);
  });

  it('is reproducible: the same --now and --cap give the same numbers', async () => {
    const e = env();
    const first = JSON.parse((await runCliInProcess(['status', '--cap', '1000', '--now', NOW, '--json'], e)).stdout);
    const second = JSON.parse((await runCliInProcess(['status', '--cap', '1000', '--now', NOW, '--json'], e)).stdout);
    expect(second).toEqual({ ...first, asOf: second.asOf });
    expect(first.capHitDate).not.toBeNull();
    expect(first.alerts.map((a: { kind: string }) => a.kind)).toContain('threshold');
  });

  it('has null cap, remaining and cap-hit date without a cap', async () => {
    const doc = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--json'], env())).stdout);
    expect(doc).toMatchObject({ capUsd: null, remainingUsd: null, capHitDate: null });
    // Without a cap nothing is measured against one (the demo's leaked key still raises its own alert).
    const capKinds = ['threshold', 'projected-overrun', 'source-cap'];
    expect(doc.alerts.filter((a: { kind: string }) => capKinds.includes(a.kind))).toEqual([]);
  });

  it('--source limits the numbers to one source', async () => {
    const e = env();
    const all = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--json'], e)).stdout);
    const openai = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--source', 'openai', '--json'], e)).stdout);
    expect(openai.sources.map((s: { id: string }) => s.id)).toEqual(['openai']);
    expect(openai.spentUsd).toBeGreaterThan(0);
    expect(openai.spentUsd).toBeLessThan(all.spentUsd);
    // OpenAI models, and the bill's storage line that names no model.
    expect(openai.byModel.every((m: { model: string }) => m.model.startsWith('gpt') || m.model === 'other charges')).toBe(true);
  });

  it('a rejected key shows in the source state with what to do, and exit code 0 (the report itself worked)', async () => {
    const result = await runCliInProcess(
      ['status', '--now', NOW, '--json'],
      env({ SPENDBAR_ANTHROPIC_ADMIN_KEY: 'sk-ant-admin01-revoked' }),
    );
    const doc = JSON.parse(result.stdout);
    expect(doc.sources[0]).toEqual({
      id: 'anthropic',
      state: 'key-rejected',
      dataThrough: null,
      message: expect.stringMatching(/admin key rejected \(401\).*Update the key/),
    });
    expect(result.stdout).not.toContain('sk-ant-admin01-revoked');
  });

  it('counts Claude Code logs only when no Anthropic admin source is configured', async () => {
    const e = env();
    writeLines(join(e.HOME!, '.claude/projects/p/s.jsonl'), [
      assistantLine({
        id: 'm',
        req: 'r',
        model: 'claude-opus-4-5-20251101',
        input: 1_000_000,
        output: 0,
        ts: '2026-11-24T10:00:00Z',
      }),
    ]);
    const withAdmin = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--json'], e)).stdout);
    const codeOnly = JSON.parse(
      (await runCliInProcess(['status', '--now', NOW, '--json'], { HOME: e.HOME!, SPENDBAR_HOME: e.SPENDBAR_HOME! })).stdout,
    );
    expect(withAdmin.sources.find((s: { id: string }) => s.id === 'claude-code').state).toBe('ok');
    expect(withAdmin.byModel.find((m: { model: string }) => m.model === 'claude-opus-4-5').usd).toBeGreaterThan(5);
    expect(codeOnly.spentUsd).toBe(5);
    expect(codeOnly.byModel).toEqual([{ model: 'claude-opus-4-5', usd: 5 }]);
  });

  it('the installed command (compiled, with its bundled scan worker) reads Claude Code logs as the source does', async (ctx) => {
    const installed = join(ROOT, 'bin/spendbar.js');
    const compiled = join(ROOT, 'out/cli/spendbar.mjs');
    ctx.skip(!existsSync(compiled), `${compiled} is missing: npm test builds it before the tests run`);
    const home = mkdtempSync(join(tmpdir(), 'spendbar-workers-'));
    for (let f = 0; f < 12; f++)
      writeLines(
        join(home, `.claude/projects/p${f % 3}/s${f}.jsonl`),
        Array.from({ length: 40 }, (_, i) =>
          assistantLine({
            id: `m${f}-${i % 30}`,
            req: `r${f}-${i % 30}`,
            input: 1000 + i,
            output: 10 * i,
            ts: '2026-11-24T10:00:00Z',
          }),
        ),
      );
    const env = { HOME: home, SPENDBAR_HOME: home };
    const fromSource = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--json'], env)).stdout);
    const child = spawnSync(process.execPath, [installed, 'status', '--now', NOW, '--json'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    const fromInstalled = JSON.parse(child.stdout);
    expect(fromInstalled.spentUsd).toBeGreaterThan(0);
    expect({ ...fromInstalled, asOf: undefined }).toEqual({ ...fromSource, asOf: undefined });
  });

  it('with no source at all, says how to set one up', async () => {
    const home = mkdtempSync(join(tmpdir(), 'spendbar-empty-'));
    const result = await runCliInProcess(['status', '--now', NOW], { HOME: home, SPENDBAR_HOME: home });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no source set up yet[\s\S]*SPENDBAR_ANTHROPIC_ADMIN_KEY[\s\S]*demo-server/);
  });

  it('rejects bad flags with exit code 2', async () => {
    for (const args of [
      ['--cap', 'lots'],
      ['--now', 'yesterday'],
      ['--source', 'gemini'],
      ['--tz', 'Mars/Base'],
    ]) {
      const result = await spawnCli(['status', ...args], env());
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('spendbar daily', () => {
  it('one row per day with spend and tokens by model; the rows add up to status', async () => {
    const e = env();
    writeFileSync(join(e.SPENDBAR_HOME!, 'config.json'), JSON.stringify({ schemaVersion: 1 }));
    const rows = JSON.parse(
      (await runCliInProcess(['daily', '--since', '2026-11-01', '--until', '2026-11-25', '--json'], e, new Date(NOW))).stdout,
    );
    expect(rows).toHaveLength(25);
    expect(rows[0].date).toBe('2026-11-01');
    const model = rows[3].byModel[0];
    expect(Object.keys(model).sort()).toEqual([
      'cacheReadTokens',
      'cacheWriteTokens',
      'inputTokens',
      'model',
      'outputTokens',
      'usd',
    ]);
    expect(model.inputTokens).toBeGreaterThan(0);
    for (const row of rows) expect(row.byModel.reduce((s: number, m: { usd: number }) => s + m.usd, 0)).toBeCloseTo(row.usd, 4);
    const status = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--json'], e)).stdout);
    expect(rows.reduce((s: number, r: { usd: number }) => s + r.usd, 0)).toBeCloseTo(status.spentUsd, 3);
  });

  it('cuts days in the --tz zone', async () => {
    const e = env();
    const utc = JSON.parse(
      (await runCliInProcess(['daily', '--since', '2026-11-20', '--until', '2026-11-21', '--json'], e, new Date(NOW))).stdout,
    );
    const kolkata = JSON.parse(
      (
        await runCliInProcess(
          ['daily', '--since', '2026-11-20', '--until', '2026-11-21', '--tz', 'Asia/Kolkata', '--json'],
          e,
          new Date(NOW),
        )
      ).stdout,
    );
    expect(kolkata[0].usd).not.toBeCloseTo(utc[0].usd, 2);
  });
});
