import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnthropicClient } from '../../../app/sources/anthropic/anthropic-client.ts';
import { syncProvider } from '../../../app/sources/provider-sync.ts';
import type { FaultKind } from '../../../app/sources/demo/demo-faults.ts';
import { DEMO_ANTHROPIC_KEY, startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { Ledger } from '../../../app/sources/ledger/ledger.ts';
import { SourceError, type FailureKind } from '../../../app/sources/source-status.ts';
import { generatorBill, generatorTotals, ledgerTotals } from '../../helpers/demo-totals.ts';

const HISTORY_START = Date.UTC(2026, 9, 1);
let now = Date.parse('2026-11-25T12:30:00Z');
let server: DemoServer;
let home: string;

const client = (key = DEMO_ANTHROPIC_KEY, timeoutMs = 5_000) =>
  new AnthropicClient({ baseUrl: new URL(server.url), key, now: () => now, timeoutMs });

function expectLedgerMatchesGenerator(ledger: Ledger): void {
  const stored = ledgerTotals(ledger.usage('anthropic'), ledger.costs('anthropic'));
  const truth = generatorTotals(server.org, HISTORY_START, now + 3_600_000);
  expect(stored.tokens).toEqual(truth.tokens);
  expect(stored.femto).toEqual(generatorBill(server.org, HISTORY_START, now + 3_600_000));
}

beforeEach(async () => {
  now = Date.parse('2026-11-25T12:30:00Z');
  server = await startDemoServer({ seed: 7, scenario: 'steady', now: () => new Date(now) });
  home = mkdtempSync(join(tmpdir(), 'spendbar-ledger-'));
});
afterEach(() => server.close());

describe('Anthropic admin API against the demo organization', () => {
  it('a full history fetched through pagination equals the generator, by day and model, to the femtodollar', async () => {
    const ledger = Ledger.open(home);
    await syncProvider('anthropic', client(), ledger, now);
    expectLedgerMatchesGenerator(ledger);
    // One page of open hours, then closed days in runs of 7 (168 hourly buckets, one full page): 24 days of
    // this month (from Oct 31, a zone's period can start a day early) in 4 runs, 30 older days in 5.
    expect(server.requests.byPath.get('/v1/organizations/usage_report/messages')).toBe(10);
    // The bill: the open days, this month's closed days, the older ones.
    expect(server.requests.byPath.get('/v1/organizations/cost_report')).toBe(3);
    expect(ledger.usage().filter((r) => r.width === '1h').length).toBeGreaterThan(0);
  });

  it('polling again and again never counts a bucket twice', async () => {
    const ledger = Ledger.open(home);
    await syncProvider('anthropic', client(), ledger, now);
    now += 20 * 60_000;
    await syncProvider('anthropic', client(), ledger, now);
    await syncProvider('anthropic', client(), ledger, now);
    expectLedgerMatchesGenerator(ledger);
  });

  it('closes a day once it is past, and does not fetch closed days again', async () => {
    const ledger = Ledger.open(home);
    await syncProvider('anthropic', client(), ledger, now);
    now = Date.parse('2026-11-26T09:10:00Z');
    await syncProvider('anthropic', client(), ledger, now);
    expectLedgerMatchesGenerator(ledger);
    expect(ledger.syncMark('anthropic').usageDays?.at(-1)).toBe('2026-11-24');
    expect(ledger.syncMark('anthropic').costDays?.at(-1)).toBe('2026-11-24');
    const before = server.requests.count;
    await syncProvider('anthropic', client(), ledger, now + 600_000);
    // Only the open days again: one usage page and one cost page.
    expect(server.requests.count - before).toBe(2);
  });

  it('survives a restart: the ledger is read back from disk', async () => {
    await syncProvider('anthropic', client(), Ledger.open(home), now);
    const reopened = Ledger.open(home);
    expect(reopened.problem).toBeUndefined();
    expectLedgerMatchesGenerator(reopened);
  });

  const faults: Array<[FaultKind, FailureKind, RegExp]> = [
    ['unauthorized', 'key-rejected', /admin key rejected \(401\)/],
    ['forbidden', 'key-rejected', /lacks admin permission \(403\)/],
    ['rate-limit', 'rate-limited', /rate limited \(429\), retrying at \d\d:\d\d UTC/],
    ['server-error', 'provider-down', /trouble \(500\)/],
    ['overloaded', 'provider-down', /trouble \(529\)/],
    ['timeout', 'timeout', /did not answer within 1 s/],
    ['malformed', 'bad-response', /not valid JSON/],
    ['truncated', 'bad-response', /not valid JSON/],
    ['wrong-shape', 'bad-response', /unexpected response: data is not a list/],
    ['endless-pagination', 'bad-response', /does not move forward|repeated a page cursor/],
  ];

  it.each(faults)(
    '%s: the source says %s, what is stored stays right, and the next poll completes the data',
    async (kind, expected, message) => {
      const ledger = Ledger.open(home);
      await syncProvider('anthropic', client(), ledger, now);
      const before = readFileSync(ledger.path, 'utf8');
      const usageBefore = JSON.stringify(ledger.usage());
      now += 30 * 60_000;
      server.injectFault({
        kind,
        provider: 'anthropic',
        retryAfterSeconds: 90,
        times: kind === 'endless-pagination' ? Infinity : 1,
      });
      const error = await syncProvider('anthropic', client(DEMO_ANTHROPIC_KEY, 1_000), ledger, now).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).failure.kind).toBe(expected);
      expect((error as SourceError).message).toMatch(message);
      // The fault hit the usage report: its rows stay as they were.
      expect(JSON.stringify(ledger.usage())).toBe(usageBefore);
      if (expected === 'bad-response' || expected === 'provider-down') {
        // A fault of the usage report alone does not hold back the bill (unless it repeats forever).
        if (kind !== 'endless-pagination')
          expect(ledgerTotals([], ledger.costs('anthropic')).femto).toEqual(
            generatorBill(server.org, HISTORY_START, now + 3_600_000),
          );
      } else {
        // Rate limit, rejected key, timeout: the provider is not asked again in this refresh.
        expect(readFileSync(ledger.path, 'utf8')).toBe(before);
      }
      server.clearFaults();
      await syncProvider('anthropic', client(), ledger, now);
      expectLedgerMatchesGenerator(ledger);
    },
  );

  it('a 429 carries the provider retry-after as a time', async () => {
    server.injectFault({ kind: 'rate-limit', retryAfterSeconds: 120 });
    const error = (await syncProvider('anthropic', client(), Ledger.open(home), now).catch((e: unknown) => e)) as SourceError;
    expect(error.failure.retryAt).toBe(now + 120_000);
  });

  it('a revoked key is rejected with 401 and a request id', async () => {
    server.setKeys('anthropic', []);
    const error = (await syncProvider('anthropic', client(), Ledger.open(home), now).catch((e: unknown) => e)) as SourceError;
    expect(error.failure).toMatchObject({ kind: 'key-rejected', status: 401 });
    expect(error.failure.requestId).toMatch(/^req_011/);
  });

  it('a corrupt ledger is moved aside, reported, and rebuilt from the source', async () => {
    await syncProvider('anthropic', client(), Ledger.open(home), now);
    writeFileSync(join(home, 'ledger.db'), 'SQLite format 3\0 but then garbage'.repeat(200));
    const ledger = Ledger.open(home, () => new Date(now));
    expect(ledger.problem).toMatch(/damaged \(.*\); it was moved to .*ledger\.corrupt-.*\.db and is being rebuilt/);
    expect(readdirSync(home).filter((f) => /^ledger\.corrupt-.*\.db$/.test(f))).toHaveLength(1);
    expect(ledger.usage()).toEqual([]);
    await syncProvider('anthropic', client(), ledger, now);
    expectLedgerMatchesGenerator(ledger);
  });
});
