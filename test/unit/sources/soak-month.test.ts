/**
 * Soak: a simulated month of polls against the demo organization with faults drawn at random (401,
 * 429, 500, 529, timeouts, truncated JSON) on a server that sends short pages, and the process
 * restarted now and then (a new SpendService on the same home). At the end the ledger equals the
 * generator's truth and no alert fired twice. Fixed seed; about 20 polls, 16 s of CPU (81 s wall on the
 * shared 2-core VM at load 15).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../app/shared/settings-schema.ts';
import type { FaultKind } from '../../../app/sources/demo/demo-faults.ts';
import { startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { Ledger } from '../../../app/sources/ledger/ledger.ts';
import { OPEN_REFRESH_MS } from '../../../app/sources/provider-sync.ts';
import { SpendService } from '../../../app/sources/spend-service.ts';
import { tempDir } from '../../helpers/claude-logs.ts';
import { generatorBill, generatorTotals, ledgerTotals } from '../../helpers/demo-totals.ts';
import { pick, seededRandom } from '../../helpers/random.ts';
import { join } from 'node:path';

const HISTORY_START = Date.UTC(2026, 9, 1);
const FAULTS: readonly FaultKind[] = ['unauthorized', 'rate-limit', 'server-error', 'overloaded', 'timeout', 'truncated'];
let now = Date.parse('2026-11-01T03:10:00Z');
const servers: DemoServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe('a simulated month with random faults and restarts', () => {
  it('ends with the ledger equal to the generator and every alert fired once', async () => {
    const random = seededRandom(20261130);
    const server = await startDemoServer({ seed: 3, now: () => new Date(now), pageSize: 72 });
    servers.push(server);
    const home = tempDir('spendbar-soak-');
    const settings: Settings = { ...DEFAULT_SETTINGS, capUsd: '1', countedSources: ['anthropic'] };
    const open = () =>
      new SpendService({
        home,
        env: { HOME: home },
        now: () => now,
        keys: { get: async () => undefined },
        settings: () => settings,
        demoBaseUrl: server.url,
        timeoutMs: 2_000,
      });
    let service = open();
    const fired: string[] = [];
    let restarts = 0;
    let faults = 0;
    for (; now < Date.parse('2026-11-29T00:00:00Z'); now += (20 + Math.floor(random() * 20)) * 3_600_000) {
      if (random() < 0.3) {
        service = open();
        restarts++;
      }
      if (random() < 0.6) {
        server.injectFault({ kind: pick(random, FAULTS), retryAfterSeconds: 60, times: 1 + Math.floor(random() * 3) });
        faults++;
      }
      await service.refreshAllOnce();
      server.clearFaults();
      fired.push(...(await service.view({ consumeAlerts: true })).due.map((a) => a.id));
    }
    // The last poll is clean, after the open days may be re-read.
    for (let tries = 0; tries < 3; tries++) {
      now += OPEN_REFRESH_MS;
      await service.refreshAllOnce();
      const { view, due } = await service.view({ consumeAlerts: true });
      fired.push(...due.map((a) => a.id));
      if (view.sources.every((s) => s.state === 'ok' || s.state === 'not-configured')) break;
    }

    console.log(`soak: ${faults} faults, ${restarts} restarts, ${server.requests.count} requests, alerts ${fired.join(', ')}`);
    expect(faults).toBeGreaterThan(5);
    expect(restarts).toBeGreaterThan(2);
    const ledger = Ledger.open(join(home, 'demo'));
    const stored = ledgerTotals(ledger.usage('anthropic'), ledger.costs('anthropic'));
    expect(stored.tokens).toEqual(generatorTotals(server.org, HISTORY_START, now + 3_600_000).tokens);
    expect(stored.femto).toEqual(generatorBill(server.org, HISTORY_START, now + 3_600_000));
    // A $1 cap is crossed on the first good poll: the cap alert fires then, and never again after
    // faults or restarts (its state is on disk).
    expect(fired.filter((id) => id.includes(':threshold:'))).toEqual(['2026-11-01:threshold:100']);
    expect(new Set(fired).size).toBe(fired.length);
  }, 300_000);
});
