/** `spendbar daily --now`: a day's estimate as of a moment, the same whenever and wherever it is asked. */
import { describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { runCliInProcess } from '../../helpers/run-cli.ts';
import { demoAdminEnv } from '../../helpers/demo-env.ts';

const NOW = '2026-11-25T12:30:00Z';

// Each run gets its own ledger and its own demo organization (same seed and clock, so the same
// data): a second in-process run against one server can meet a kept-alive socket the server has
// closed (ECONNRESET), which would test the HTTP agent rather than --now.
async function withServer<T>(use: (server: DemoServer) => Promise<T>): Promise<T> {
  const server = await startDemoServer({ seed: 11, now: () => new Date(NOW) });
  try {
    return await use(server);
  } finally {
    server.close();
  }
}

const freshHome = (server: DemoServer) => demoAdminEnv(server);

interface Day {
  date: string;
  usd: number;
  byModel: Array<{ model: string; usd: number }>;
}

async function daily(args: string[], clock: string): Promise<Day[]> {
  return withServer(async (server) => {
    const result = await runCliInProcess(['daily', ...args, '--json'], freshHome(server), new Date(clock));
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Day[];
  });
}

describe('spendbar daily --now', () => {
  it("reproduces a day's estimate: the same --now in a fresh ledger a week later gives the same rows", async () => {
    const asked = await daily(['--now', NOW], NOW);
    const later = await daily(['--now', NOW], '2026-12-02T09:00:00Z');
    expect(asked.map((d) => d.date)).toEqual(Array.from({ length: 25 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`));
    expect(later).toEqual(asked);
    const day = asked.find((d) => d.date === '2026-11-24')!;
    expect(day.usd).toBeGreaterThan(0);
    const alone = await daily(['--now', NOW, '--since', '2026-11-24', '--until', '2026-11-24'], '2026-12-02T09:00:00Z');
    expect(alone).toEqual([day]);
  }, 120_000); // three full syncs of a month from the demo organization

  it('without --now the range follows the clock: in December it is December, so --now is what pins November', async () => {
    const december = await daily([], '2026-12-02T09:00:00Z');
    expect(december.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02']);
  });

  it('rejects a --now that is not an ISO-8601 time, exit code 2', async () => {
    const result = await withServer((server) => runCliInProcess(['daily', '--now', 'yesterday'], freshHome(server)));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--now must be an ISO-8601 time such as 2026-11-25T12:00:00Z (got "yesterday")');
  });
});
