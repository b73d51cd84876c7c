/**
 * `limit` is a maximum, not a promise (Anthropic: "A page holds at most `limit` buckets"; OpenAI:
 * "number of buckets per page"): a full history syncs with pages of one bucket, and a server whose
 * pages do not move forward is stopped by progress, with a message that says which rule it broke.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicClient } from '../../../../app/sources/anthropic/anthropic-client.ts';
import { DEMO_ANTHROPIC_KEY, DEMO_OPENAI_KEY, startDemoServer } from '../../../../app/sources/demo/demo-server.ts';
import { HOUR_MS } from '../../../../app/sources/demo/demo-organization.ts';
import { openAiCostLines } from '../../../../app/sources/demo/demo-openai-routes.ts';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { OpenAiClient } from '../../../../app/sources/openai/openai-client.ts';
import { syncProvider } from '../../../../app/sources/provider-sync.ts';
import { SourceError } from '../../../../app/sources/source-status.ts';
import { tempDir } from '../../../helpers/claude-logs.ts';
import { generatorBill, generatorTotals, ledgerTotals } from '../../../helpers/demo-totals.ts';

// Early in the month: the history (from 1 October) is 775 hours, so 775 pages of one bucket.
const NOW = Date.parse('2026-11-02T06:30:00Z');
const HISTORY_START = Date.UTC(2026, 9, 1);
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('pages of one bucket', () => {
  it('Anthropic: the full history syncs, and totals by day and model equal the generator to the femtodollar', async () => {
    const server = await startDemoServer({ seed: 11, now: () => new Date(NOW), pageSize: 1 });
    closers.push(() => server.close());
    const ledger = Ledger.open(tempDir('spendbar-short-'));
    const client = new AnthropicClient({ baseUrl: new URL(server.url), key: DEMO_ANTHROPIC_KEY, now: () => NOW });
    await syncProvider('anthropic', client, ledger, NOW);
    const stored = ledgerTotals(ledger.usage('anthropic'), ledger.costs('anthropic'));
    expect(stored.tokens).toEqual(generatorTotals(server.org, HISTORY_START, NOW + HOUR_MS).tokens);
    expect(stored.femto).toEqual(generatorBill(server.org, HISTORY_START, NOW + HOUR_MS));
    // One bucket a page: each of the 775 hours from 1 October 00:00 to 2 November 06:00 was its own request.
    expect(server.requests.byPath.get('/v1/organizations/usage_report/messages')).toBe(775);
  });

  it('OpenAI: the full history syncs; usage by day and model and the bill by day equal the generator exactly', async () => {
    const server = await startDemoServer({ seed: 12, now: () => new Date(NOW), pageSize: 1 });
    closers.push(() => server.close());
    const ledger = Ledger.open(tempDir('spendbar-short-'));
    const client = new OpenAiClient({ baseUrl: new URL(server.url), key: DEMO_OPENAI_KEY, now: () => NOW });
    await syncProvider('openai', client, ledger, NOW);
    const tokens = new Map<string, number>();
    for (let h = HISTORY_START; h < NOW; h += HOUR_MS) {
      for (const r of server.org.openaiHour(h)) {
        const key = `${new Date(h).toISOString().slice(0, 10)}|${r.model}`;
        tokens.set(key, (tokens.get(key) ?? 0) + r.inputTokens + r.outputTokens);
      }
    }
    const stored = new Map<string, number>();
    for (const r of ledger.usage('openai')) {
      const key = `${r.start.slice(0, 10)}|${r.model}`;
      stored.set(key, (stored.get(key) ?? 0) + r.inputTokens + r.cacheReadTokens + r.cacheWrite5mTokens + r.outputTokens);
    }
    expect(stored).toEqual(tokens);
    const billed = new Map<string, bigint>();
    for (const c of ledger.costs('openai')) billed.set(c.day, (billed.get(c.day) ?? 0n) + BigInt(c.femto));
    for (let day = HISTORY_START; day < NOW; day += 24 * HOUR_MS) {
      const nano = [...openAiCostLines(server.org, day).values()].reduce((a, b) => a + b.nano, 0n);
      expect(billed.get(new Date(day).toISOString().slice(0, 10)) ?? 0n).toBe(nano * 1_000_000n);
    }
    expect(server.requests.byPath.get('/v1/organization/usage/completions')).toBe(775);
  });
});

/** A raw server answering each page from a script: page n gets script(n, cursor). */
async function scripted(script: (n: number) => unknown): Promise<URL> {
  let n = 0;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(script(n++)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

const hour = (n: number) => ({ starting_at: new Date(Date.UTC(2026, 10, 1) + n * HOUR_MS).toISOString(), results: [] });

async function failure(baseUrl: URL): Promise<string> {
  const client = new AnthropicClient({ baseUrl, key: DEMO_ANTHROPIC_KEY, now: () => NOW });
  const error = await client.usage(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 2), '1h').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  expect((error as SourceError).failure.kind).toBe('bad-response');
  return (error as SourceError).message;
}

describe('pagination that does not move forward is stopped by name', () => {
  it('a cursor that repeats, even while the buckets advance', async () => {
    const url = await scripted((n) => ({ data: [hour(n)], has_more: true, next_page: n < 3 ? `p${n}` : 'p1' }));
    expect(await failure(url)).toMatch(/repeated a page cursor \(next_page "p1"\)/);
  });

  it('fresh cursors over the same bucket', async () => {
    const url = await scripted((n) => ({ data: [hour(0)], has_more: true, next_page: `p${n}` }));
    expect(await failure(url)).toMatch(/sent a page that does not move forward \(page 2 starts at 2026-11-01T00:00:00\.000Z/);
  });

  it('empty pages forever: no more pages than the 24 buckets of the day (+1)', async () => {
    const url = await scripted((n) => ({ data: [], has_more: true, next_page: `p${n}` }));
    expect(await failure(url)).toMatch(/kept saying has_more after 25 pages, more than the range has buckets/);
  });
});
