/**
 * Misbehaving servers on 127.0.0.1 (issue 9): each guard of the HTTP layer against the demo server's
 * hostile modes or a raw server written for the case. Each test fails when its guard is removed.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicClient } from '../../../../app/sources/anthropic/anthropic-client.ts';
import {
  startDemoServer,
  DEMO_ANTHROPIC_KEY,
  DEMO_OPENAI_KEY,
  type DemoServer,
} from '../../../../app/sources/demo/demo-server.ts';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { OpenAiClient } from '../../../../app/sources/openai/openai-client.ts';
import { syncProvider } from '../../../../app/sources/provider-sync.ts';
import { SourceError, type SourceFailure } from '../../../../app/sources/source-status.ts';
import { tempDir } from '../../../helpers/claude-logs.ts';
import { generatorBill, generatorTotals, ledgerTotals } from '../../../helpers/demo-totals.ts';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const servers: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function demo(options: Parameters<typeof startDemoServer>[0] = {}): Promise<DemoServer> {
  const server = await startDemoServer({ seed: 5, now: () => new Date(NOW), ...options });
  servers.push(server);
  return server;
}

function anthropic(server: DemoServer, key = DEMO_ANTHROPIC_KEY, extra: { deadlineMs?: number; now?: number } = {}) {
  const now = extra.now ?? NOW;
  return new AnthropicClient({
    baseUrl: new URL(server.url),
    key,
    now: () => now,
    timeoutMs: 10_000,
    ...(extra.deadlineMs ? { deadlineMs: extra.deadlineMs } : {}),
  });
}

async function failureOf(promise: Promise<unknown>): Promise<SourceFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return (error as SourceError).failure;
}

/** A plain server that records every request it gets (the place a redirect points to). */
async function recorder(): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handle = { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  servers.push(handle);
  return handle;
}

describe('a hostile or broken admin API server', () => {
  it('a redirect is reported, and the key never reaches where it points (x-api-key or Bearer)', async () => {
    const server = await demo();
    const elsewhere = await recorder();
    server.injectFault({ kind: 'redirect', location: `${elsewhere.url}/steal`, times: Infinity });
    const failure = await failureOf(anthropic(server).costs(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 26)));
    expect(failure.kind).toBe('misconfigured');
    expect(failure.message).toMatch(
      /answered with a redirect \(307\) to http:\/\/127\.0\.0\.1:\d+\/steal; Spendbar does not send keys to redirects — check SPENDBAR_ANTHROPIC_BASE_URL/,
    );
    const openai = new OpenAiClient({ baseUrl: new URL(server.url), key: DEMO_OPENAI_KEY, now: () => NOW });
    expect((await failureOf(openai.costs(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 26)))).message).toMatch(
      /check SPENDBAR_OPENAI_BASE_URL/,
    );
    expect(elsewhere.seen).toEqual([]);
  });

  it('a key echoed back in the message and the request-id is cut out, whatever its shape', async () => {
    // Not shaped like sk-…: redaction must know the key itself, not a pattern.
    const key = 'admin-Q7vX9pLm2RtY8wZc4NbK6sHd';
    const server = await demo({ anthropicKeys: [key] });
    server.injectFault({ kind: 'echo-key' });
    const error = (await anthropic(server, key)
      .usage(Date.UTC(2026, 10, 24), Date.UTC(2026, 10, 26), '1h')
      .catch((e: unknown) => e)) as SourceError;
    expect(error.failure.kind).toBe('provider-down');
    expect(error.failure.message).toMatch(/upstream rejected credentials …redacted/);
    expect(error.failure.requestId).toBe('…redacted');
    for (const text of [error.message, error.stack ?? '', JSON.stringify(error.failure)]) {
      expect(text).not.toContain('Q7vX9pLm2RtY8wZc4NbK6sHd');
    }
  });

  it('slow pages that keep coming end at the refresh deadline, saying what was kept', async () => {
    // Honest-looking pages (one bucket each, always moving forward) at 150 ms a page: 1,300+ pages.
    const server = await demo({ pageSize: 1 });
    server.injectFault({ kind: 'slow', delayMs: 150, times: Infinity });
    const ledger = Ledger.open(tempDir('spendbar-deadline-'));
    const startedAt = performance.now();
    const failure = await failureOf(
      syncProvider('anthropic', anthropic(server, DEMO_ANTHROPIC_KEY, { deadlineMs: 1_500 }), ledger, NOW),
    );
    expect(failure.kind).toBe('timeout');
    expect(failure.message).toMatch(/refresh stopped after 2 s.*the data stored so far is kept/);
    expect(performance.now() - startedAt).toBeLessThan(15_000);
  });

  it('a 1 GB body is refused after the cap, with a clear message, never read whole', async () => {
    const server = await demo();
    server.injectFault({ kind: 'huge-body' });
    const failure = await failureOf(anthropic(server).usage(Date.UTC(2026, 10, 24), Date.UTC(2026, 10, 26), '1h'));
    expect(failure.kind).toBe('bad-response');
    expect(failure.message).toMatch(/larger than 16 MB.*far beyond any report page/);
  });

  it('buckets outside the asked range are dropped: polls never add them again', async () => {
    const server = await demo();
    server.injectFault({ kind: 'out-of-range', times: Infinity });
    const ledger = Ledger.open(tempDir('spendbar-range-'));
    for (let poll = 0; poll < 3; poll++) await syncProvider('anthropic', anthropic(server), ledger, NOW);
    const stored = ledgerTotals(ledger.usage('anthropic'), ledger.costs('anthropic'));
    const end = NOW + 3_600_000;
    expect(stored.tokens).toEqual(generatorTotals(server.org, Date.UTC(2026, 9, 1), end).tokens);
    expect(stored.femto).toEqual(generatorBill(server.org, Date.UTC(2026, 9, 1), end));
  });

  it('a clock ahead never closes a day the provider has not finished', async () => {
    let providerNow = NOW;
    const server = await demo({ now: () => new Date(providerNow) });
    const ledger = Ledger.open(tempDir('spendbar-clock-'));
    // Our clock (or --now) says 3 December; the provider's Date header says 25 November.
    await syncProvider(
      'anthropic',
      anthropic(server, DEMO_ANTHROPIC_KEY, { now: Date.parse('2026-12-03T08:00:00Z') }),
      ledger,
      Date.parse('2026-12-03T08:00:00Z'),
    );
    // Days marked final (never fetched again) are only those the provider has finished: before its yesterday.
    const mark = ledger.syncMark('anthropic');
    const closed = [...(mark.usageDays ?? []), ...(mark.costDays ?? [])];
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.filter((day) => day >= '2026-11-24')).toEqual([]);
    // Time catches up: the days between are fetched, complete.
    providerNow = Date.parse('2026-11-28T10:00:00Z');
    await syncProvider('anthropic', anthropic(server, DEMO_ANTHROPIC_KEY, { now: providerNow }), ledger, providerNow);
    // (The December clock made the history start at 1 November; every day from there is whole.)
    const november = ledger.usage('anthropic').filter((r) => r.start >= '2026-11-01');
    const stored = ledgerTotals(november, []);
    const truth = generatorTotals(server.org, Date.UTC(2026, 10, 1), providerNow + 3_600_000);
    expect(stored.tokens).toEqual(truth.tokens);
  });

  it('a key with a zero-width space or an en dash is named, not reported as offline', async () => {
    const server = await demo();
    for (const key of ['sk-ant-admin01-demo\u200bspendbar', 'sk\u2013ant-admin01-demo-spendbar']) {
      const failure = await failureOf(anthropic(server, key).costs(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 26)));
      expect(failure.kind).toBe('key-rejected');
      expect(failure.message).toMatch(/contains a character no API key has/);
    }
  });
});
