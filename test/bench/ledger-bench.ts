/**
 * `npm run bench ledger`: the SQLite ledger beside the JSON ledger it replaced (kept in
 * ledger-json-reference.ts), measured in the same run on 1, 3, 12 and 24 months of the simulated
 * organization (Anthropic and OpenAI). Each store is measured in its own child process.
 * Targets (issue 11): a poll writes < 10 ms and < 1 MB at every length; the view < 50 ms at
 * 24 months; peak RSS < 150 MB at 12 months.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ledger } from '../../app/sources/ledger/ledger.ts';
import { benchOrganization, BENCH_NOW, historyRows } from './ledger-history.ts';

const CHILD = fileURLToPath(new URL('./ledger-bench-child.ts', import.meta.url));
const MONTHS = (process.env.SPENDBAR_BENCH_MONTHS ?? '1,3,12,24').split(',').map(Number);
const DAY_MS = 86_400_000;

interface Result {
  firstViewMs: number;
  viewMs: number;
  pollMs: number;
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

function measure(kind: 'sqlite' | 'json', home: string, months: number): Result {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, kind, home, String(months)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${kind} ${months} months failed: ${child.stderr}`);
  return JSON.parse(line) as Result;
}

const f = (n: number, digits = 1) => n.toFixed(digits).padStart(8);
const ratio = (old: number, now: number) => `${(old / now).toFixed(1)}x`.padStart(7);

export function benchLedger(): void {
  console.log('\nLedger: SQLite (ledger.db) beside the JSON ledger it replaced, same history, same run');
  console.log('targets: poll < 10 ms and < 1 MB at every length; view < 50 ms at 24 months; peak RSS < 150 MB at 12 months\n');
  console.log(
    'months     rows  store MB (db/json) | poll ms  sqlite    json  ratio | poll KB  sqlite      json | view ms  sqlite    json  ratio | first view ms  sqlite    json | peak RSS MB  sqlite    json (baseline before opening: sqlite/json)',
  );
  for (const months of MONTHS) {
    const s = seed(months);
    const db = measure('sqlite', s.sqliteHome, months);
    const js = measure('json', s.jsonHome, months);
    console.log(
      `${String(months).padStart(6)} ${String(s.rows).padStart(8)}  ${f(s.dbMb)} / ${f(s.jsonMb)}   |        ${f(db.pollMs)}${f(js.pollMs)}${ratio(js.pollMs, db.pollMs)} |        ${f(db.pollBytes / 1024, 0)}${f(js.pollBytes / 1024, 0).padStart(10)} |        ${f(db.viewMs)}${f(js.viewMs)}${ratio(js.viewMs, db.viewMs)} |              ${f(db.firstViewMs)}${f(js.firstViewMs)} |            ${f(db.peakRssMb, 0)}${f(js.peakRssMb, 0)}   (${db.baselineRssMb.toFixed(0)}/${js.baselineRssMb.toFixed(0)})`,
    );
    rmSync(s.sqliteHome, { recursive: true, force: true });
    rmSync(s.jsonHome, { recursive: true, force: true });
  }
  console.log(
    "\npoll = one source's commit of yesterday and today (about one poll's rows); KB = bytes handed to write() (/proc/self/io wchar), WAL checkpoints included when they happen",
  );
}
