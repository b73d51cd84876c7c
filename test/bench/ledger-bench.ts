/**
 * `npm run bench ledger`: the SQLite ledger beside the JSON ledger it replaced (kept in
 * ledger-json-reference.ts), measured in the same run on 1, 3, 12 and 24 months of the simulated
 * organization (Anthropic and OpenAI), then the app's first view after a restart on a 1 GB Claude
 * Code tree scanned once. Each measurement runs in its own child process (its peak RSS is its own).
 * Times are wall and CPU (the bench machine may be busy: CPU time, and the ratio to the JSON
 * ledger measured in the same run, stay meaningful when wall time does not). PASS/MISS is judged on
 * CPU time. Targets (issue 11): a poll writes < 10 ms and < 1 MB at every length; the view < 50 ms
 * at 24 months; peak RSS < 150 MB at 12 months; first view after a restart < 1 s.
 * SPENDBAR_BENCH_MONTHS=12 runs one length; SPENDBAR_BENCH_LOG_BYTES sets the tree (0: no restart case).
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ledger } from '../../app/sources/ledger/ledger.ts';
import { logTree } from './claude-log-tree.ts';
import type { Timing } from './ledger-bench-child.ts';
import { benchOrganization, BENCH_NOW, historyRows } from './ledger-history.ts';

const CHILD_SOURCE = fileURLToPath(new URL('./ledger-bench-child.ts', import.meta.url));
let bundledChild: string | undefined;

/**
 * The child as one bundled script run by plain Node, as the app runs its main process (esbuild, the
 * options of build-scripts/build.mjs): under tsx the loader and the source maps it keeps for stack
 * traces added 10–20 MB to every peak RSS, which the app never carries.
 */
function childScript(): string {
  if (bundledChild) return bundledChild;
  const out = join(mkdtempSync(join(tmpdir(), 'spendbar-bench-child-')), 'ledger-bench-child.mjs');
  buildSync({
    entryPoints: [CHILD_SOURCE],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['electron', '@napi-rs/keyring'],
    // As the app's CLI bundle: CommonJS modules inside an ES module bundle still find require.
    banner: {
      js: "import { createRequire as __spendbarRequire } from 'node:module'; const require = __spendbarRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return (bundledChild = out);
}
const MONTHS = (process.env.SPENDBAR_BENCH_MONTHS ?? '1,3,12,24').split(',').map(Number);
const LOG_BYTES = Number(process.env.SPENDBAR_BENCH_LOG_BYTES ?? 1 << 30);
const DAY_MS = 86_400_000;

interface Result {
  firstView: Timing;
  view: Timing;
  /** The median of the three views after the first (warming up). */
  warmUpViews: Timing;
  viewAfterPoll: Timing;
  poll: Timing;
  /** The larger of the two sources' first polls on a connection. */
  firstPoll: Timing;
  pollBytes: number;
  pollRows: number;
  peakRssMb: number;
  baselineRssMb: number;
}

/** Writes the same history into ledger.db (home/demo, as demo mode keeps it) and ledger.json, a month at a time. */
function seed(months: number): { sqliteHome: string; jsonHome: string; rows: number; dbMb: number; jsonMb: number } {
  const sqliteHome = mkdtempSync(join(tmpdir(), 'spendbar-bench-sqlite-'));
  const jsonHome = mkdtempSync(join(tmpdir(), 'spendbar-bench-json-'));
  const org = benchOrganization(months);
  const ledger = Ledger.open(join(sqliteHome, 'demo'));
  const fd = openSync(join(jsonHome, 'ledger.json'), 'w');
  const usageParts: string[] = [];
  const costParts: string[] = [];
  let rows = 0;
  const end = Math.floor(BENCH_NOW / DAY_MS) * DAY_MS + DAY_MS;
  for (let from = org.origin(); from < end; from += 30 * DAY_MS) {
    const to = Math.min(end, from + 30 * DAY_MS);
    for (const source of ['anthropic', 'openai'] as const) {
      const { usage, costs } = historyRows(org, source, from, to);
      const iso = (t: number) => new Date(t).toISOString();
      ledger.commit({
        source,
        usage: [{ from: iso(from), to: iso(to), rows: usage }],
        costs: [{ fromDay: iso(from).slice(0, 10), toDay: iso(to).slice(0, 10), rows: costs }],
        sync: { closedBefore: iso(to).slice(0, 10) },
      });
      rows += usage.length;
      if (usage.length) usageParts.push(JSON.stringify(usage).slice(1, -1));
      if (costs.length) costParts.push(JSON.stringify(costs).slice(1, -1));
    }
  }
  ledger.close();
  writeSync(fd, '{"schemaVersion":1,"usage":[');
  usageParts.forEach((p, i) => writeSync(fd, (i ? ',' : '') + p));
  writeSync(fd, '],"costs":[');
  costParts.forEach((p, i) => writeSync(fd, (i ? ',' : '') + p));
  writeSync(fd, '],"sync":{}}');
  closeSync(fd);
  const mb = (p: string) => statSync(p).size / 1e6;
  return {
    sqliteHome,
    jsonHome,
    rows,
    dbMb: mb(join(sqliteHome, 'demo', 'ledger.db')),
    jsonMb: mb(join(jsonHome, 'ledger.json')),
  };
}

function child<T>(args: string[]): T {
  const run = spawnSync(process.execPath, [childScript(), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(line) as T;
}

const load = () => loadavg()[0]!.toFixed(1);
const num = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
const timing = (t: Timing) => `${num(t.wall)}${num(t.cpu)}`;
const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'PASS' : 'MISS');

function row(label: string, ours: Timing, json: Timing, target: string, ok?: boolean): string {
  return `  ${label.padEnd(26)}${timing(ours)}  ${timing(json)}  ${`${(json.cpu / ours.cpu).toFixed(1)}x`.padStart(8)}   ${target.padEnd(24)}${verdict(ok)}`;
}

export function benchLedger(): void {
  console.log('\nLedger: SQLite (ledger.db) beside the JSON ledger it replaced, same history, same run');
  console.log('PASS/MISS on CPU time (this process, all threads); wall time is inflated on a busy machine\n');
  for (const months of MONTHS) {
    const loadBefore = load();
    const s = seed(months);
    const db = child<Result>(['sqlite', s.sqliteHome, String(months)]);
    const js = child<Result>(['json', s.jsonHome, String(months)]);
    rmSync(s.sqliteHome, { recursive: true, force: true });
    rmSync(s.jsonHome, { recursive: true, force: true });
    console.log(
      `${months} months: ${s.rows} usage rows; ledger.db ${s.dbMb.toFixed(1)} MB, ledger.json ${s.jsonMb.toFixed(1)} MB; load average ${loadBefore} → ${load()}`,
    );
    console.log(`  ${''.padEnd(26)}   sqlite: wall ms   cpu ms     json: wall    cpu   cpu ratio   target`);
    console.log(row('poll (commit 2 days)', db.poll, js.poll, '< 10 ms, every length', db.poll.cpu < 10));
    console.log(row("  a connection's first", db.firstPoll, js.firstPoll, '(once per start, source)', undefined));
    const kb = (n: number) => ({ wall: n / 1024, cpu: n / 1024 });
    console.log(
      `  ${'poll bytes written (KB)'.padEnd(26)}${num(db.pollBytes / 1024, 0)}${''.padStart(9)}  ${num(js.pollBytes / 1024, 0)}${''.padStart(9)}  ${`${(kb(js.pollBytes).cpu / kb(db.pollBytes).cpu).toFixed(1)}x`.padStart(8)}   ${'< 1 MB, every length'.padEnd(24)}${verdict(db.pollBytes < 1 << 20)}`,
    );
    const viewTarget = months >= 24 ? true : undefined;
    console.log(row('view (ledger unchanged)', db.view, js.view, '< 50 ms at 24 months', viewTarget && db.view.cpu < 50));
    console.log(row('  the 3 after the first', db.warmUpViews, js.warmUpViews, '(warming up, once)', undefined));
    console.log(
      row('view after a poll', db.viewAfterPoll, js.view, '< 50 ms at 24 months', viewTarget && db.viewAfterPoll.cpu < 50),
    );
    console.log(row('first view (open + view)', db.firstView, js.firstView, '', undefined));
    console.log(
      `  ${'peak RSS MB (baseline)'.padEnd(26)}${num(db.peakRssMb, 0)}${`(${db.baselineRssMb.toFixed(0)})`.padStart(9)}  ${num(js.peakRssMb, 0)}${`(${js.baselineRssMb.toFixed(0)})`.padStart(9)}  ${`${(js.peakRssMb / db.peakRssMb).toFixed(1)}x`.padStart(8)}   ${'< 150 MB at 12 months'.padEnd(24)}${months === 12 ? verdict(db.peakRssMb < 150) : ''}`,
    );
    console.log('');
  }
  console.log(
    "poll = one source's commit of yesterday and today, median of ten on a connection that keeps polling (the app's poller, every 5 minutes), on a connection other than the view's; a connection's first = its first commit of a source, which reads the window back (after a start, or after another process such as the CLI wrote); bytes = handed to write() (/proc/self/io wchar), WAL checkpoints included; view = the median of seven, after three warming up (compiling, collecting the first view's garbage); view after a poll = the app's view once another connection committed; JSON's view is the same before and after",
  );
  if (LOG_BYTES > 0) benchRestart();
}

/** The app started again with a Claude Code tree already scanned once: up to its first view. */
function benchRestart(): void {
  const tree = logTree(LOG_BYTES);
  const home = mkdtempSync(join(tmpdir(), 'spendbar-bench-restart-'));
  try {
    const cold = child<{ firstView: Timing; spentUsd: number }>(['cold-scan', home, tree.configDir]);
    const loadBefore = load();
    const again = child<{ firstView: Timing; sinceProcessStartMs: number; spentUsd: number; peakRssMb: number }>([
      'restart',
      home,
      tree.configDir,
    ]);
    console.log(
      `\nFirst view after a restart, Claude Code tree of ${(tree.bytes / (1 << 20)).toFixed(0)} MB (${tree.files.length} files) scanned once; load average ${loadBefore} → ${load()}`,
    );
    console.log(`  ${''.padEnd(26)}   wall ms   cpu ms   target`);
    console.log(
      `  ${'restart → first view'.padEnd(26)}${timing(again.firstView)}   < 1 s  ${verdict(again.firstView.cpu < 1000)}   (${again.sinceProcessStartMs.toFixed(0)} ms wall since the process started; peak RSS ${again.peakRssMb.toFixed(0)} MB; $${again.spentUsd} ${again.spentUsd === cold.spentUsd ? '=' : '≠'} the cold scan's $${cold.spentUsd})`,
    );
    console.log(`  ${'cold scan → first view'.padEnd(26)}${timing(cold.firstView)}   (one thread, for scale)`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
