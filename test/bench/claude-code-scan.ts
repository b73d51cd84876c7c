/**
 * Claude Code log scanning on a generated 1 GB tree: cold-scan throughput, incremental refresh
 * after 1 MB is appended, peak memory — side by side with ccusage 20.0.24 (`ccusage daily --json
 * --offline`) on the same tree, with both totals printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { logTree } from './claude-log-tree.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function benchClaudeCode(targetBytes = Number(process.env.SPENDBAR_BENCH_LOG_BYTES ?? 1 << 30)): void {
  const t0 = performance.now();
  const tree = logTree(targetBytes);
  const mb = tree.bytes / (1 << 20);
  console.log(`claude-code: ${tree.files.length} files, ${mb.toFixed(0)} MB (tree ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // The appended file is a copy, so the cached tree stays as generated.
  const appendTo = `${tree.files[0]!}.live.jsonl`;
  copyFileSync(tree.files[0]!, appendTo);
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/claude-scan-child.ts', tree.projects, appendTo], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`scan child failed: ${child.stderr}`);
  const ours = JSON.parse(child.stdout) as { coldMs: number; incrementalMs: number; incrementalBytes: number; entries: number; totalUsd: string; maxRssMb: number };
  execFileSync('rm', ['-f', appendTo]);

  const ccusageBin = `${ROOT}node_modules/.bin/ccusage`;
  let ccusageLine = 'ccusage 20.0.24 not installed';
  if (existsSync(ccusageBin)) {
    const t1 = performance.now();
    const result = spawnSync(ccusageBin, ['daily', '--json', '--offline'], { env: { ...process.env, CLAUDE_CONFIG_DIR: tree.configDir }, encoding: 'utf8', maxBuffer: 64 << 20 });
    const ms = performance.now() - t1;
    const total = result.status === 0 ? (JSON.parse(result.stdout) as { totals?: { totalCost?: number } }).totals?.totalCost : undefined;
    ccusageLine = `ccusage   cold ${ms.toFixed(0).padStart(6)} ms  ${(mb / (ms / 1000)).toFixed(0).padStart(5)} MB/s  total $${total?.toFixed(6) ?? `(failed: ${result.stderr.split('\n')[0]})`}`;
    console.log(`  spendbar  cold ${ours.coldMs.toFixed(0).padStart(6)} ms  ${(mb / (ours.coldMs / 1000)).toFixed(0).padStart(5)} MB/s  total $${ours.totalUsd}  (${ours.entries} requests after dedup)`);
    console.log(`  ${ccusageLine}`);
    console.log(`  cold-scan ratio: spendbar is ${(ms / ours.coldMs).toFixed(2)}x ccusage's speed (target ≥ 1.00x)`);
  } else {
    console.log(`  spendbar  cold ${ours.coldMs.toFixed(0)} ms, ${(mb / (ours.coldMs / 1000)).toFixed(0)} MB/s; ${ccusageLine}`);
  }
  console.log(`  incremental refresh after 1 MB appended: ${ours.incrementalMs.toFixed(1)} ms, read ${(ours.incrementalBytes / (1 << 20)).toFixed(2)} MB (target < 100 ms)`);
  console.log(`  peak memory (RSS) of the scanning process: ${ours.maxRssMb.toFixed(0)} MB (target < 200 MB)`);
}
