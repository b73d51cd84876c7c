/**
 * Issue 9's acceptance for a strict rate limit: with 4-bucket pages and a 429 on every 40th request,
 * successive polls finish the history with fewer than 1.2× the requests of a clean sync, and at no
 * point is anything counted twice.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicClient } from '../../../app/sources/anthropic/anthropic-client.ts';
import { DEMO_ANTHROPIC_KEY, startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { Ledger } from '../../../app/sources/ledger/ledger.ts';
import { OPEN_REFRESH_MS, syncProvider } from '../../../app/sources/provider-sync.ts';
import { SourceError } from '../../../app/sources/source-status.ts';
import { generatorBill, generatorTotals, ledgerTotals } from '../../helpers/demo-totals.ts';

const HISTORY_START = Date.UTC(2026, 9, 1);
const START = Date.parse('2026-11-25T12:30:00Z');
let now = START;
const servers: DemoServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(options: Parameters<typeof startDemoServer>[0]): Promise<DemoServer> {
  const s = await startDemoServer({ seed: 5, now: () => new Date(now), ...options });
  servers.push(s);
  return s;
}

const client = (s: DemoServer) => new AnthropicClient({ baseUrl: new URL(s.url), key: DEMO_ANTHROPIC_KEY, now: () => now });

/**
 * Stored tokens per day and model never exceed what the organization has used so far, and each day's
 * bill is stored at most once per line: nothing is counted twice.
 */
function expectNothingTwice(ledger: Ledger, s: DemoServer): void {
  const stored = ledgerTotals(ledger.usage('anthropic'), []);
  const truth = generatorTotals(s.org, HISTORY_START, now + 3_600_000);
  for (const [key, tokens] of stored.tokens) expect(tokens, key).toBeLessThanOrEqual(truth.tokens.get(key) ?? 0);
  const lines = ledger.costs('anthropic').map((c) => [c.day, c.model, c.description, c.workspace, c.line].join('|'));
  expect(new Set(lines).size).toBe(lines.length);
}

describe('a strict rate limit in the middle of a long history', () => {
  it('successive polls finish the history with < 1.2× the requests of a clean sync, never counting anything twice', async () => {
    now = START;
    const clean = await server({ pageSize: 4 });
    await syncProvider('anthropic', client(clean), Ledger.open(mkdtempSync(join(tmpdir(), 'spendbar-clean-'))), now);
    const cleanRequests = clean.requests.count;

    const strict = await server({ pageSize: 4, rateLimit: { every: 40, retryAfterSeconds: 60 } });
    const ledger = Ledger.open(mkdtempSync(join(tmpdir(), 'spendbar-strict-')));
    let polls = 0;
    for (;;) {
      polls++;
      expect(polls, 'the history never finishes (a livelock)').toBeLessThan(40);
      const error = await syncProvider('anthropic', client(strict), ledger, now).catch((e: unknown) => e);
      expectNothingTwice(ledger, strict);
      if (error === undefined) break;
      expect(error).toBeInstanceOf(SourceError);
      const failure = (error as SourceError).failure;
      // What the popover shows beside the source: "rate limited, retrying at 12:32".
      expect(failure).toMatchObject({ kind: 'rate-limited', retryAt: now + 60_000 });
      expect(failure.message).toMatch(/rate limited \(429\), retrying at \d\d:\d\d UTC/);
      now = failure.retryAt!;
    }
    const ratio = strict.requests.count / cleanRequests;
    // The open days are re-read at most every 5 minutes; once they are, the ledger is the organization's truth.
    now += OPEN_REFRESH_MS;
    for (let tries = 0; tries < 3; tries++) {
      const error = await syncProvider('anthropic', client(strict), ledger, now).catch((e: unknown) => e);
      if (error === undefined) break;
      now = (error as SourceError).failure.retryAt!;
    }
    console.log(
      `clean sync ${cleanRequests} requests; with a 429 every 40: ${strict.requests.count} over ${polls} polls (${ratio.toFixed(3)}×)`,
    );
    expect(polls).toBeGreaterThan(5);
    expect(ratio).toBeLessThan(1.2);
    const stored = ledgerTotals(ledger.usage('anthropic'), ledger.costs('anthropic'));
    expect(stored.tokens).toEqual(generatorTotals(strict.org, HISTORY_START, now + 3_600_000).tokens);
    expect(stored.femto).toEqual(generatorBill(strict.org, HISTORY_START, now + 3_600_000));
  }, 120_000);
});
