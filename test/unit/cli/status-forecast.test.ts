import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSparseMonth, writeStepUpMonth } from '../../helpers/claude-month.ts';
import { writeCodexTree } from '../../helpers/codex-logs.ts';
import { runCliInProcess } from '../../helpers/run-cli.ts';

const NOW = '2026-11-25T12:30:00Z';

/** A user whose only source is Claude Code's logs, in a fresh home. */
function claudeUser(write: (root: string) => void): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'spendbar-forecast-'));
  const root = join(home, 'claude');
  write(root);
  return { HOME: home, SPENDBAR_HOME: home, CLAUDE_CONFIG_DIR: root };
}

describe('spendbar status: the projection with its range, and why it is rough', () => {
  it('a sparse month prints the likely range and says the estimate is rough because spending comes on few days', async () => {
    const result = await runCliInProcess(['status', '--now', NOW], claudeUser(writeSparseMonth));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Projected +\$[\d,.]+ \(likely \$[\d,.]+ – \$[\d,.]+\): spending on few days — rough estimate/);
  });

  it('--json keeps the range in projectedLowUsd / projectedHighUsd around the projection', async () => {
    const doc = JSON.parse((await runCliInProcess(['status', '--now', NOW, '--json'], claudeUser(writeStepUpMonth))).stdout);
    expect(doc.projectedLowUsd).toBeLessThan(doc.projectedUsd);
    expect(doc.projectedHighUsd).toBeGreaterThan(doc.projectedUsd);
    // Tripled since the 20th ($60 a weekday): the rest of the month (5.5 days) is projected at the new level.
    expect(doc.projectedUsd - doc.spentUsd).toBeGreaterThan(0.75 * (60 * 4 + 24 + 30));
  });
});

describe('spendbar status: a tool first used lately is projected on its own days', () => {
  it('Codex logs that begin five days ago next to two months of Claude Code: the rough reason names Codex', async () => {
    const env = claudeUser(writeStepUpMonth);
    // Codex sessions on every day from the 20th: a tool first used five days before "now".
    writeCodexTree(join(env.HOME!, '.codex'), { seed: 3, sessions: 60, start: Date.parse('2026-11-20T08:00:00Z'), days: 5 });
    const result = await runCliInProcess(['status', '--now', NOW], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Projected +\$[\d,.]+ \(likely \$[\d,.]+ – \$[\d,.]+\): Codex[^\n]* began spending 5 days ago — rough estimate/);
  });
});
