/**
 * One measurement in a fresh process (so peak RSS is this store's alone): open the store and build
 * the first view, then the view again, then polls. Prints one JSON line.
 * Args: sqlite|json <home> <months>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../app/shared/settings-schema.ts';
import { Ledger } from '../../app/sources/ledger/ledger.ts';
import { SpendService } from '../../app/sources/spend-service.ts';
import { benchOrganization, BENCH_NOW, pollChange } from './ledger-history.ts';
import { JsonLedger } from './ledger-json-reference.ts';

const [kind, home = '', monthsArg = '1'] = process.argv.slice(2);
/** Bytes this process handed to write()/pwrite() so far (Linux /proc/self/io "wchar"). */
const written = () => Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const baselineRssMb = process.memoryUsage().rss / 1048576; // Node, tsx and the modules, before any ledger
const org = benchOrganization(Number(monthsArg));
const polls = [pollChange(org, 'anthropic'), pollChange(org, 'openai')];
const settings = { ...DEFAULT_SETTINGS, countedSources: ['anthropic', 'openai'] as const };

let firstViewMs: number;
let view: () => Promise<unknown>;
let commit: (i: number) => void;
if (kind === 'sqlite') {
  const t0 = performance.now();
  const service = new SpendService({
    home,
    env: {},
    now: () => BENCH_NOW,
    keys: { get: async () => undefined },
    settings: () => settings as never,
    demoBaseUrl: 'http://127.0.0.1:9', // never contacted: nothing is refreshed here
  });
  await service.view();
  firstViewMs = performance.now() - t0;
  view = () => service.view();
  const ledger = Ledger.open(join(home, 'demo')); // a second connection, as the CLI beside the app
  commit = (i) => ledger.commit(polls[i % 2]!);
} else {
  const t0 = performance.now();
  const ledger = JsonLedger.open(home);
  ledger.view(settings as never, BENCH_NOW);
  firstViewMs = performance.now() - t0;
  view = async () => ledger.view(settings as never, BENCH_NOW);
  commit = (i) => ledger.commit(polls[i % 2]!);
}
const views: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await view();
  views.push(performance.now() - t);
}
const pollMs: number[] = [];
const pollBytes: number[] = [];
for (let i = 0; i < 6; i++) {
  const bytes = written();
  const t = performance.now();
  commit(i);
  pollMs.push(performance.now() - t);
  pollBytes.push(written() - bytes);
}
const rows = polls.reduce((s, p) => s + (p.usage?.[0]?.rows.length ?? 0), 0) / 2;
console.log(
  JSON.stringify({
    firstViewMs,
    viewMs: median(views),
    pollMs: median(pollMs),
    pollBytes: median(pollBytes),
    pollRows: rows,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baselineRssMb,
  }),
);
