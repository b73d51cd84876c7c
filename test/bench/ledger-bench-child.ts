/**
 * One measurement in a fresh process (so peak RSS is this store's alone): open the store and build
 * the first view, then the view again, then polls (each source's first, then ten more), each followed by the view after it. Every step
 * is timed in wall time and in CPU time (process.cpuUsage: user + system of every thread of this
 * process), since the bench machine may be busy with other work. Prints one JSON line.
 * Args: sqlite|json <home> <months>
 *       restart <home> <CLAUDE_CONFIG_DIR> — the app started again on a log tree scanned once: up to its first view
 *       cold-scan <home> <CLAUDE_CONFIG_DIR> — the scan that saves the state the restart starts from
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../app/shared/settings-schema.ts';
import { Ledger } from '../../app/sources/ledger/ledger.ts';
import { SpendService } from '../../app/sources/spend-service.ts';
import { benchOrganization, BENCH_NOW, pollChange } from './ledger-history.ts';
import { JsonLedger } from './ledger-json-reference.ts';

const [kind, home = '', arg = '1'] = process.argv.slice(2);
/** Bytes this process handed to write()/pwrite() so far (Linux /proc/self/io "wchar"). */
const written = () => Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall and CPU milliseconds of one step. */
export interface Timing {
  wall: number;
  cpu: number;
}
async function timed(step: () => unknown): Promise<Timing> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await step();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}
const medianOf = (ts: Timing[]): Timing => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) });

const baselineRssMb = process.memoryUsage().rss / 1048576; // Node, tsx and the modules, before any ledger
const settings = { ...DEFAULT_SETTINGS, countedSources: ['anthropic', 'openai'] as const };
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

if (kind === 'restart' || kind === 'cold-scan') {
  // The real app's way (not demo mode, where local logs are not read): only Claude Code is configured.
  const service = () =>
    new SpendService({
      home,
      env: { HOME: home, CLAUDE_CONFIG_DIR: arg },
      now: () => BENCH_NOW,
      keys: { get: async () => undefined },
      settings: () => ({ ...DEFAULT_SETTINGS, countedSources: ['claude-code'] }) as never,
    });
  let view: { spentUsd: number } | undefined;
  const first = await timed(async () => {
    const s = service();
    await s.refresh('claude-code');
    view = (await s.view()).view;
  });
  console.log(
    JSON.stringify({
      firstView: first,
      sinceProcessStartMs: performance.now(),
      spentUsd: view?.spentUsd,
      peakRssMb: peakRssMb(),
    }),
  );
  process.exit(0);
}

const org = benchOrganization(Number(arg));
// Each poll finds the last hours and today's bill moved (1..12): what a poll a few minutes later
// sees. The first of each source is a connection's first (it reads its window back); the app's
// poller then polls every few minutes on the same connection: the ten after are those.
const POLLS = 12;
const FIRST_POLLS = 2;
const polls = Array.from({ length: POLLS }, (_, i) => pollChange(org, i % 2 ? 'openai' : 'anthropic', i + 1));

let firstView: Timing;
let view: () => Promise<unknown>;
let commit: (i: number) => void;
if (kind === 'sqlite') {
  let service: SpendService | undefined;
  firstView = await timed(async () => {
    service = new SpendService({
      home,
      env: {},
      now: () => BENCH_NOW,
      keys: { get: async () => undefined },
      settings: () => settings as never,
      demoBaseUrl: 'http://127.0.0.1:9', // never contacted: nothing is refreshed here
    });
    await service.view();
  });
  view = () => service!.view();
  const ledger = Ledger.open(join(home, 'demo')); // a second connection, as the CLI beside the app
  commit = (i) => ledger.commit(polls[i]!);
} else {
  let ledger: JsonLedger | undefined;
  firstView = await timed(() => {
    ledger = JsonLedger.open(home);
    ledger.view(settings as never, BENCH_NOW);
  });
  view = async () => ledger!.view(settings as never, BENCH_NOW);
  commit = (i) => ledger!.commit(polls[i]!);
}
// The three views after the first still compile their code and collect the first view's garbage
// (both on V8's background threads, counted in CPU time): reported apart, as the warm-up they are.
const warmUp: Timing[] = [];
for (let i = 0; i < 3; i++) warmUp.push(await timed(view));
const views: Timing[] = [];
// The app builds a view every minute and on every popover, for hours: the median of seven, warm.
for (let i = 0; i < 7; i++) views.push(await timed(view));
const polled: Timing[] = [];
const pollBytes: number[] = [];
const afterPoll: Timing[] = [];
for (let i = 0; i < POLLS; i++) {
  const bytes = written();
  polled.push(await timed(() => commit(i)));
  pollBytes.push(written() - bytes);
  afterPoll.push(await timed(view));
}
const rows = polls.reduce((s, p) => s + (p.usage?.[0]?.rows.length ?? 0), 0) / polls.length;
console.log(
  JSON.stringify({
    firstView,
    view: medianOf(views),
    warmUpViews: medianOf(warmUp),
    viewAfterPoll: medianOf(afterPoll),
    poll: medianOf(polled.slice(FIRST_POLLS)),
    firstPoll: medianOf(polled.slice(0, FIRST_POLLS)),
    pollBytes: median(pollBytes),
    pollRows: rows,
    peakRssMb: peakRssMb(),
    baselineRssMb,
  }),
);
