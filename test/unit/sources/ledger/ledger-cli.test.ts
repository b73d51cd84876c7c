import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../../app/sources/demo/demo-server.ts';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { runCliInProcess, spawnCli } from '../../../helpers/run-cli.ts';
import { demoAdminEnv } from '../../../helpers/demo-env.ts';

const NOW = '2026-11-25T12:30:00Z';
let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ seed: 9, now: () => new Date(NOW) });
});
afterAll(() => server.close());

const env = (home?: string) => demoAdminEnv(server, home);

/** Everything stored, summed: tokens per source and femtodollars billed per source. */
function stored(home: string): Record<string, string> {
  const ledger = Ledger.open(home);
  const out: Record<string, string> = {};
  for (const source of ['anthropic', 'openai'] as const) {
    const rows = ledger.usage(source);
    const tokens = rows.reduce((s, r) => s + r.inputTokens + r.outputTokens + r.cacheReadTokens + r.cacheWrite5mTokens, 0);
    const femto = ledger.costs(source).reduce((s, c) => s + BigInt(c.femto), 0n);
    out[source] = `${rows.length} rows, ${tokens} tokens, ${femto} femto`;
  }
  ledger.close();
  return out;
}

/** Splits one CSV line (RFC 4180 quoting). */
function cells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, 13);
}

describe('the ledger from the command line', () => {
  it('two `spendbar status` processes syncing one home at once: both work, nothing lost or doubled', async () => {
    const reference = env();
    const alone = JSON.parse((await spawnCli(['status', '--now', NOW, '--json'], reference)).stdout);
    const expected = stored(reference.SPENDBAR_HOME!);
    const shared = env();
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all([1, 2].map(() => spawnCli(['status', '--now', NOW, '--json'], shared)));
      for (const r of results) {
        expect(r.stderr).toBe(''); // no SQLITE_BUSY, and no ExperimentalWarning from node:sqlite
        expect(r.code).toBe(0);
        const doc = JSON.parse(r.stdout);
        expect(doc.sources.map((s: { state: string }) => s.state)).toEqual([
          'ok',
          'ok',
          'not-configured',
          'not-configured',
          'not-configured',
        ]);
        expect(doc.spentUsd).toBeCloseTo(alone.spentUsd, 6);
      }
      expect(stored(shared.SPENDBAR_HOME!)).toEqual(expected);
    }
  }, 240_000);

  it('export: a CSV a spreadsheet opens cleanly, whose spent column adds up to what status says', async () => {
    const e = env();
    const status = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--json'], e)).stdout);
    const csv = (await runCliInProcess(['export', '--now', NOW, '--since', '2026-11-01', '--until', '2026-11-25'], e)).stdout;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'date,source,model,workspace,input_tokens,output_tokens,cache_write_5m_tokens,cache_write_1h_tokens,cache_read_tokens,web_search_requests,billed_usd,priced_usd,spent_usd',
    );
    const rows = lines.slice(1).map(cells);
    expect(rows.length).toBeGreaterThan(25);
    for (const row of rows) {
      expect(row).toHaveLength(13);
      expect(row[0]).toMatch(/^2026-11-(0[1-9]|1\d|2[0-5])$/);
      expect(row.slice(1, 4).every((t) => /^".*"$/.test(t))).toBe(true);
      expect(row.slice(4, 10).every((n) => /^\d+$/.test(n))).toBe(true);
      expect(row.slice(10).every((n) => n === '' || /^-?\d+(\.\d{1,6})?$/.test(n))).toBe(true);
    }
    const spent = rows.reduce((s, r) => s + Number(r[12] || 0), 0);
    expect(spent).toBeCloseTo(status.spentUsd, 3);
    // Closed days carry the bill; today is priced only (no bill yet: empty, not 0).
    // (A bill line that names a model but no project is its own row, beside that model's usage rows.)
    const closedDay = rows.filter((r) => r[0] === '2026-11-24');
    for (const source of ['"anthropic"', '"openai"']) expect(closedDay.some((r) => r[1] === source && r[10] !== '')).toBe(true);
    expect(closedDay.filter((r) => r[10] === '').every((r) => r[11] === '')).toBe(true);
    // Today has no bill yet; it is priced, except a model the catalog cannot price (empty, not 0).
    const today = rows.filter((r) => r[0] === '2026-11-25');
    expect(today.every((r) => r[10] === '')).toBe(true);
    expect(today.filter((r) => r[11] === '').every((r) => r[2] === '"gpt-6-preview-2026-11-12"')).toBe(true);
    expect(rows.some((r) => r[3] === '"wrkspc_01DemoProduction"')).toBe(true);
  }, 120_000);

  it('export reaches back as far as the ledger goes, and --json gives the same rows', async () => {
    const e = env();
    const json = JSON.parse((await runCliInProcess(['export', '--now', NOW, '--json', '--source', 'anthropic'], e)).stdout);
    expect(json[0].date).toBe('2026-10-01');
    expect(json.at(-1).date).toBe('2026-11-25');
    expect(json.every((r: { source: string }) => r.source === 'anthropic')).toBe(true);
    expect(Object.keys(json[0])).toContain('cacheWrite1hTokens');
    const bad = await runCliInProcess(['export', '--format', 'xlsx'], e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be csv or json/);
  }, 120_000);

  it('status --json carries the view notices: a damaged ledger moved aside is reported', async () => {
    const e = env();
    writeFileSync(join(e.SPENDBAR_HOME!, 'ledger.db'), Buffer.alloc(8192, 3));
    const doc = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--json'], e)).stdout);
    expect(doc.notices).toEqual([
      expect.stringMatching(/moved to .*ledger\.corrupt-.*\.db and is being rebuilt from the sources/),
    ]);
  }, 120_000);
});
