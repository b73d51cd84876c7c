import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnthropicClient } from '../../../app/sources/anthropic/anthropic-client.ts';
import { DEMO_ANTHROPIC_KEY, startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { Ledger } from '../../../app/sources/ledger/ledger.ts';
import { SourcePoller } from '../../../app/sources/poller.ts';
import { syncProvider } from '../../../app/sources/provider-sync.ts';
import type { SourceState } from '../../../app/sources/source-status.ts';

// The provider's clock and the one the sync closes days by agree (its Date header caps ours).
const SERVER_NOW = Date.parse('2026-11-25T12:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let server: DemoServer;
let states: SourceState[];
let poller: SourcePoller;
let key: string;

function makePoller(intervalMs: number, firstRetryMs = 40): SourcePoller {
  const ledger = Ledger.open(mkdtempSync(join(tmpdir(), 'spendbar-poller-')));
  return new SourcePoller({
    id: 'anthropic',
    intervalMs,
    firstRetryMs,
    debounceMs: 30,
    now: () => Date.now(),
    random: () => 1,
    onState: (s) => states.push(s),
    refresh: (signal) =>
      syncProvider(
        'anthropic',
        new AnthropicClient({ baseUrl: new URL(server.url), key, now: () => Date.now(), timeoutMs: 15_000, signal }),
        ledger,
        SERVER_NOW,
      ),
  });
}
const usageRequests = () => server.requests.byPath.get('/v1/organizations/usage_report/messages') ?? 0;
async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await sleep(10);
  }
}

beforeEach(async () => {
  server = await startDemoServer({ seed: 3, now: () => new Date(SERVER_NOW) });
  states = [];
  key = DEMO_ANTHROPIC_KEY;
});
afterEach(async () => {
  await poller.stop();
  await server.close();
});

describe('source poller', () => {
  it('reports ok with the time of the last success', async () => {
    poller = makePoller(60_000);
    poller.start();
    await until(() => states.length > 0);
    expect(states[0]).toMatchObject({ id: 'anthropic', state: 'ok' });
    expect(Date.parse(states[0]!.lastSuccessAt!)).toBeGreaterThan(Date.now() - 5_000);
  });

  it('stops polling on a rejected key until the key changes', async () => {
    key = 'sk-ant-admin01-revoked';
    poller = makePoller(50);
    poller.start();
    await until(() => states.length > 0);
    expect(states[0]).toMatchObject({ state: 'key-rejected' });
    expect(states[0]!.message).toMatch(/Update the key in Settings/);
    const requests = server.requests.count;
    poller.refreshNow();
    await sleep(300);
    expect(server.requests.count).toBe(requests);
    key = DEMO_ANTHROPIC_KEY;
    poller.keyChanged();
    await until(() => states.at(-1)?.state === 'ok');
  });

  it('honours retry-after and keeps the last success time while rate limited', async () => {
    poller = makePoller(60_000);
    poller.start();
    await until(() => states.at(-1)?.state === 'ok');
    server.injectFault({ kind: 'rate-limit', retryAfterSeconds: 1 });
    const failedAt = Date.now();
    poller.refreshNow();
    await until(() => states.at(-1)?.state === 'rate-limited');
    const limited = states.at(-1)!;
    expect(limited.lastSuccessAt).toBe(states[0]!.lastSuccessAt);
    expect(Date.parse(limited.retryAt!)).toBeGreaterThanOrEqual(failedAt + 900);
    await until(() => states.at(-1)?.state === 'ok', 4_000);
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(900);
  });

  it('backs off after a provider failure, then recovers', async () => {
    server.injectFault({ kind: 'server-error', times: 2 });
    poller = makePoller(60_000, 30);
    poller.start();
    await until(() => states.at(-1)?.state === 'ok');
    // The usage and cost reports fail apart (the bill does not wait on usage), so two 500s may be one
    // failed refresh or two; either way it backs off, retries, and recovers.
    expect(states[0]!.state).toBe('provider-down');
    expect(states.at(-1)!.state).toBe('ok');
    expect(states.slice(0, -1).every((s) => s.state === 'provider-down')).toBe(true);
  });

  it('debounces refresh requests and never runs two requests at once', async () => {
    poller = makePoller(60_000);
    poller.start();
    await until(() => states.length === 1);
    const before = usageRequests();
    server.injectFault({ kind: 'slow', delayMs: 200 });
    for (let i = 0; i < 10; i++) poller.refreshNow();
    await sleep(80);
    for (let i = 0; i < 10; i++) poller.refreshNow();
    await until(() => states.length === 2);
    await sleep(150);
    // The burst of 20 refreshes made one sync: one hourly usage request (closed days were fetched before).
    expect(usageRequests() - before).toBe(1);
  });

  // A 429's retry-after, whatever the server writes, keeps the poller at least at its backoff floor
  // (firstRetryMs) and at most a few hours away: 0 or a negative value gave 1,954 requests in 5 s,
  // 1e9 overflowed setTimeout and fired at once.
  const HOUR = 3_600_000;
  it.each([
    ['0', 400, 3_000],
    ['-30', 400, 3_000],
    ['1e9', 6 * HOUR - 5_000, 6 * HOUR + 5_000],
    ['an HTTP-date an hour ago', 400, 3_000],
    ['an HTTP-date in two hours', 2 * HOUR - 5_000, 2 * HOUR + 5_000],
  ])('clamps retry-after %s and shows the real retry time', async (header, minDelay, maxDelay) => {
    const dates: Record<string, number> = { 'an HTTP-date an hour ago': -HOUR, 'an HTTP-date in two hours': 2 * HOUR };
    const value = header in dates ? new Date(Date.now() + dates[header]!).toUTCString() : header;
    server.injectFault({ kind: 'rate-limit', retryAfterSeconds: value, times: Infinity });
    poller = makePoller(60_000, 400);
    const startedAt = Date.now();
    poller.start();
    await until(() => states.length > 0);
    await sleep(300);
    // One request, and no second one sooner than the 400 ms floor.
    expect(usageRequests()).toBe(1);
    const limited = states[0]!;
    expect(limited.state).toBe('rate-limited');
    const delay = Date.parse(limited.retryAt!) - startedAt;
    expect(delay).toBeGreaterThanOrEqual(minDelay);
    expect(delay).toBeLessThanOrEqual(maxDelay);
    expect(limited.message).toContain(`retrying at ${limited.retryAt!.slice(11, 16)} UTC`);
  });

  it('names a full disk as the cause, not the provider', async () => {
    poller = new SourcePoller({
      id: 'anthropic',
      intervalMs: 60_000,
      now: () => Date.now(),
      onState: (s) => states.push(s),
      // A real write that fails as a full disk does: /dev/full answers every write with ENOSPC.
      refresh: async () => writeFileSync('/dev/full', 'ledger'),
    });
    poller.start();
    await until(() => states.length > 0);
    expect(states[0]).toMatchObject({ state: 'local-failure' });
    expect(states[0]!.message).toMatch(/disk is full \(ENOSPC\)/);
  });
});
