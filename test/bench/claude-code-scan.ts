/**
 * Claude Code log scanning on a generated 1 GB tree: cold-scan throughput, incremental refresh
 * after 1 MB is appended, the first view after a restart with the tree already scanned once (from
 * the saved scan state), peak memory — side by side with ccusage 20.0.24 (`ccusage daily --json
 * --offline`) on the same tree, with both totals printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logTree } from './claude-log-tree.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * ccusage 20.0.24 in .bench/ (not a dependency: its per-platform packages are not all on this
 * registry, which would break `npm ci`). 20.0.26 has no linux binary here; 20.0.24 works.
 */
function installCcusage(): string {
  const dir = `${ROOT}.bench/ccusage`;
  const bin = `${dir}/node_modules/.bin/ccusage`;
  if (!existsSync(bin))
    spawnSync(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', 'ccusage@20.0.24'],
      { stdio: 'ignore' },
    );
  return bin;
}

interface CcusageDaily {
  totals?: { totalCost?: number; unpricedModels?: string[] };
  daily?: Array<{
    period: string;
    modelBreakdowns: Array<{
      modelName: string;
      inputTokens: number;
      outputTokens: number;
      cacheCreationTokens: number;
      cacheReadTokens: number;
    }>;
  }>;
}

/** Input, output, cache-write and cache-read tokens for every day and model, ours against ccusage's. */
function compareTokens(report: CcusageDaily, ours: Record<string, [number, number, number, number]>): string {
  const theirs = new Map<string, number[]>();
  for (const day of report.daily ?? [])
    for (const m of day.modelBreakdowns)
      theirs.set(`${day.period} ${m.modelName}`, [m.inputTokens, m.outputTokens, m.cacheCreationTokens, m.cacheReadTokens]);
  const cells = new Set([...theirs.keys(), ...Object.keys(ours)]);
  const differing = [...cells].filter((cell) => String(theirs.get(cell)) !== String(ours[cell]));
  return differing.length === 0
    ? `tokens by day and model: all ${cells.size} day × model cells equal ccusage's`
    : `tokens by day and model: ${differing.length} of ${cells.size} cells differ from ccusage's, e.g. ${differing.slice(0, 3).join('; ')}`;
}

export function benchClaudeCode(targetBytes = Number(process.env.SPENDBAR_BENCH_LOG_BYTES ?? 1 << 30)): void {
  const t0 = performance.now();
  const tree = logTree(targetBytes);
  const mb = tree.bytes / (1 << 20);
  console.log(
    `claude-code: ${tree.files.length} files, ${mb.toFixed(0)} MB (tree ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  // The appended file is a copy, so the cached tree stays as generated.
  const appendTo = `${tree.files[0]!}.live.jsonl`;
  // Both scripts bundled by esbuild, as the app ships them (out/main/*.cjs): under tsx every call
  // between modules goes through an export getter, which the bundle does not have.
  const bundle = (entry: string, outfile: string) =>
    execFileSync(
      `${ROOT}node_modules/esbuild/bin/esbuild`,
      [entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${outfile}`, '--log-level=error'],
      { cwd: ROOT },
    );
  const worker = `${ROOT}.bench/scan-worker.mjs`;
  const child = `${ROOT}.bench/scan-child.mjs`;
  bundle('app/sources/claude-code/scan-worker-entry.ts', worker);
  bundle('test/bench/claude-scan-child.ts', child);
  const runChild = <T>(args: string[]): T => {
    const run = spawnSync(process.execPath, [child, tree.projects, appendTo, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(`scan child failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as T;
  };
  const stateDir = mkdtempSync(join(tmpdir(), 'spendbar-bench-state-'));
  const scan = (workerScript = '', state = '') => {
    copyFileSync(tree.files[0]!, appendTo);
    return runChild<{
      coldMs: number;
      coldSave?: { bytes: number; ms: number };
      incrementalMs: number;
      incrementalBytes: number;
      refreshedUsd: string;
      entries: number;
      totalUsd: string;
      byModelUsd: Record<string, string>;
      tokensByDayModel: Record<string, [number, number, number, number]>;
      maxRssMb: number;
    }>([workerScript, state]);
  };
  // The app's way: cold scan on worker threads (one per core), saving the scan state, then
  // refreshes in this thread.
  const ours = scan(worker, stateDir);
  // A new app run on the tree scanned once: the saved state, then what was appended since it was
  // saved (the 1 MB: saves are spaced 30 minutes apart).
  const restart = runChild<{
    firstViewMs: number;
    sinceProcessStartMs: number;
    bytesRead: number;
    totalUsd: string;
    maxRssMb: number;
  }>(['', stateDir, 'restart']);
  rmSync(stateDir, { recursive: true, force: true });
  // On this thread only, no state: slower, and a lower peak.
  const lean = scan();
  execFileSync('rm', ['-f', appendTo]);

  const ccusageBin = installCcusage();
  let ccusageLine = 'ccusage 20.0.24 not installed';
  if (existsSync(ccusageBin)) {
    const t1 = performance.now();
    // In UTC, so that its days are the UTC days we sum by.
    const result = spawnSync(ccusageBin, ['daily', '--json', '--offline'], {
      env: { ...process.env, CLAUDE_CONFIG_DIR: tree.configDir, TZ: 'UTC' },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const ms = performance.now() - t1;
    const report = result.status === 0 ? (JSON.parse(result.stdout) as CcusageDaily) : undefined;
    const total = report?.totals?.totalCost;
    const unpriced = report?.totals?.unpricedModels ?? [];
    ccusageLine = `ccusage   cold ${ms.toFixed(0).padStart(6)} ms  ${(mb / (ms / 1000)).toFixed(0).padStart(5)} MB/s  total $${total?.toFixed(6) ?? `(failed: ${result.stderr.split('\n')[0]})`}`;
    console.log(
      `  spendbar  cold ${ours.coldMs.toFixed(0).padStart(6)} ms  ${(mb / (ours.coldMs / 1000)).toFixed(0).padStart(5)} MB/s  total $${ours.totalUsd}  (${ours.entries} requests after dedup)`,
    );
    console.log(`  ${ccusageLine}`);
    if (unpriced.length) {
      const comparable = Object.entries(ours.byModelUsd)
        .filter(([model]) => !unpriced.some((u) => u.startsWith(model)))
        .reduce((s, [, usd]) => s + Number(usd), 0);
      console.log(
        `  ccusage left ${unpriced.join(', ')} unpriced ($0); spendbar on the models both price: $${comparable.toFixed(6)}`,
      );
    }
    if (report) console.log(`  ${compareTokens(report, ours.tokensByDayModel)}`);
    console.log(`  cold-scan ratio: spendbar is ${(ms / ours.coldMs).toFixed(2)}x ccusage's speed (target ≥ 1.00x)`);
  } else {
    console.log(`  spendbar  cold ${ours.coldMs.toFixed(0)} ms, ${(mb / (ours.coldMs / 1000)).toFixed(0)} MB/s; ${ccusageLine}`);
  }
  console.log(
    `  incremental refresh after 1 MB appended: ${ours.incrementalMs.toFixed(1)} ms, read ${(ours.incrementalBytes / (1 << 20)).toFixed(2)} MB (target < 100 ms)`,
  );
  console.log(
    `  first view after a restart, the tree scanned once: ${restart.firstViewMs.toFixed(0)} ms (${restart.sinceProcessStartMs.toFixed(0)} ms from process start), beside ${ours.coldMs.toFixed(0)} ms cold — ${(ours.coldMs / restart.firstViewMs).toFixed(1)}x; read ${(restart.bytesRead / (1 << 20)).toFixed(2)} MB appended since the save; total $${restart.totalUsd} ${restart.totalUsd === ours.refreshedUsd ? '=' : '≠'} the running app's $${ours.refreshedUsd}; peak RSS ${restart.maxRssMb.toFixed(0)} MB (target < 1 s)`,
  );
  if (ours.coldSave)
    console.log(
      `  scan state saved after the cold scan: ${(ours.coldSave.bytes / (1 << 20)).toFixed(1)} MB in ${ours.coldSave.ms.toFixed(0)} ms (included in the cold time; later saves at most every 30 min)`,
    );
  console.log(
    `  peak memory (RSS) of the scanning process: ${ours.maxRssMb.toFixed(0)} MB with worker threads; ${lean.maxRssMb.toFixed(0)} MB scanning on one thread (${lean.coldMs.toFixed(0)} ms cold, ${(mb / (lean.coldMs / 1000)).toFixed(0)} MB/s) (target < 200 MB)`,
  );
}
