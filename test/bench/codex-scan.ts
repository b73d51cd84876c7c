/**
 * Codex CLI log reading on a generated tree of at least 500 MB in the real format (archived copies,
 * re-emitted token_count events, model switches mid-session): our tokens by UTC day and model
 * against `ccusage codex daily --json` (ccusage 20.0.24) cell by cell, and both cold-scan times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { codexHomes } from '../../app/sources/codex/codex-roots.ts';
import { CodexScanner } from '../../app/sources/codex/codex-scanner.ts';
import { writeCodexTree } from '../helpers/codex-logs.ts';
import { BENCH_ROOT, installCcusage } from './ccusage-install.ts';

const FORMAT = 1;
const TREE = `${BENCH_ROOT}.bench/codex-tree`;

function ensureTree(): { files: number; bytes: number } {
  const marker = `${TREE}/.generated`;
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as { format: number; files: number; bytes: number };
    if (saved.format === FORMAT) return saved;
  }
  rmSync(TREE, { recursive: true, force: true });
  mkdirSync(TREE, { recursive: true });
  const tree = writeCodexTree(TREE, {
    seed: 2026,
    sessions: 4200,
    maxTurns: 14,
    maxToolBytes: 36_000,
    start: Date.UTC(2026, 9, 1),
    days: 60,
  });
  writeFileSync(marker, JSON.stringify({ format: FORMAT, files: tree.files, bytes: tree.bytes }));
  return tree;
}

interface CcusageCodexDaily {
  daily?: Array<{
    date: string;
    models: Record<string, { inputTokens: number; cacheReadTokens: number; outputTokens: number; reasoningOutputTokens: number }>;
  }>;
}

export async function benchCodex(): Promise<void> {
  const tree = ensureTree();
  const mb = tree.bytes / 1e6;
  console.log(`\ncodex: ${tree.files} files, ${mb.toFixed(0)} MB (sessions + archived copies)`);
  const t0 = performance.now();
  const scanner = new CodexScanner(codexHomes({ CODEX_HOME: TREE }).homes);
  await scanner.refresh();
  const cells = scanner.hourlyCells();
  const ourMs = performance.now() - t0;
  const ours = new Map<string, number[]>();
  for (const c of cells) {
    const key = `${new Date(c.hour).toISOString().slice(0, 10)} ${c.model}`;
    const t = ours.get(key) ?? [0, 0, 0, 0];
    ours.set(key, [t[0]! + c.inputTokens, t[1]! + c.cachedInputTokens, t[2]! + c.outputTokens, t[3]! + c.reasoningTokens]);
  }
  console.log(`  spendbar  cold ${ourMs.toFixed(0).padStart(6)} ms  ${(mb / (ourMs / 1000)).toFixed(0).padStart(5)} MB/s`);
  const bin = installCcusage();
  if (!existsSync(bin)) {
    console.log('  ccusage 20.0.24 could not be installed: no comparison');
    return;
  }
  const c0 = performance.now();
  const result = spawnSync(bin, ['codex', 'daily', '--json', '--offline', '--timezone', 'UTC'], {
    env: { ...process.env, CODEX_HOME: TREE },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const theirMs = performance.now() - c0;
  console.log(`  ccusage   cold ${theirMs.toFixed(0).padStart(6)} ms  ${(mb / (theirMs / 1000)).toFixed(0).padStart(5)} MB/s`);
  console.log(`  cold-scan ratio: spendbar is ${(theirMs / ourMs).toFixed(2)}x ccusage's speed`);
  const theirs = new Map<string, number[]>();
  for (const day of (JSON.parse(result.stdout) as CcusageCodexDaily).daily ?? [])
    for (const [model, t] of Object.entries(day.models))
      theirs.set(`${day.date} ${model}`, [t.inputTokens, t.cacheReadTokens, t.outputTokens, t.reasoningOutputTokens]);
  const keys = new Set([...ours.keys(), ...theirs.keys()]);
  const differing = [...keys].filter((k) => JSON.stringify(ours.get(k)) !== JSON.stringify(theirs.get(k)));
  console.log(
    differing.length === 0
      ? `  tokens by day and model (input, cached, output, reasoning): all ${keys.size} cells equal ccusage's`
      : `  ${differing.length} of ${keys.size} cells differ from ccusage's, e.g. ${differing
          .slice(0, 3)
          .map((k) => `${k}: ours ${ours.get(k)} theirs ${theirs.get(k)}`)
          .join('; ')}`,
  );
}
