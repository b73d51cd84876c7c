import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

/**
 * One Codex CLI session a day, written line by line as ../shared/reference/sources-2026-11.md gives
 * the format (openai/codex rollouts, as ccusage reads them @ 5816e640): `turn_context` names the
 * model, `event_msg` of type `token_count` carries `info.total_token_usage` (the session's cumulative
 * total) and `info.last_token_usage` (the turn's), `input_tokens` including `cached_input_tokens`.
 * Not our generator (test/helpers/codex-logs.ts): the lines are the reference's, not ours.
 */
function writeCodexDays(home: string, days: readonly string[]): void {
  const usage = {
    input_tokens: 400_000,
    cached_input_tokens: 100_000,
    output_tokens: 60_000,
    reasoning_output_tokens: 20_000,
    total_tokens: 460_000,
  };
  for (const [i, day] of days.entries()) {
    const dir = join(home, 'sessions', ...day.split('-'));
    mkdirSync(dir, { recursive: true });
    const at = (time: string) => `${day}T${time}Z`;
    const lines = [
      {
        timestamp: at('09:00:00.000'),
        type: 'session_meta',
        payload: {
          id: `0199aa0${i}-0000-7000-8000-000000000000`,
          timestamp: at('09:00:00.000'),
          cwd: '/home/dev/app',
          originator: 'codex_cli_rs',
          cli_version: '0.58.0',
        },
      },
      {
        timestamp: at('09:00:01.000'),
        type: 'turn_context',
        payload: {
          cwd: '/home/dev/app',
          approval_policy: 'on-request',
          model: 'gpt-5.2-codex',
          effort: 'medium',
          summary: 'auto',
        },
      },
      {
        timestamp: at('09:02:00.000'),
        type: 'event_msg',
        payload: {
          type: 'token_count',
          info: { total_token_usage: usage, last_token_usage: usage, model_context_window: 272_000 },
        },
      },
    ];
    writeFileSync(join(dir, `rollout-${day}T09-00-00-0199aa0${i}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  }
}

describe('spendbar status: a tool first used lately is projected on its own days', () => {
  it('Codex logs that begin five days ago next to two months of Claude Code: the rough reason names Codex', async () => {
    const env = claudeUser(writeStepUpMonth);
    // Codex sessions on every day from the 20th: a tool first used five days before "now".
    writeCodexTree(join(env.HOME!, '.codex'), { seed: 3, sessions: 60, start: Date.parse('2026-11-20T08:00:00Z'), days: 5 });
    const result = await runCliInProcess(['status', '--now', NOW], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Projected +\$[\d,.]+ \(likely \$[\d,.]+ – \$[\d,.]+\): Codex[^\n]* began spending 5 days ago — rough estimate/,
    );
  });

  it('the same from session files written as the format reference gives them, one a day from the 20th', async () => {
    const env = claudeUser(writeStepUpMonth);
    writeCodexDays(join(env.HOME!, '.codex'), ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
    const result = await runCliInProcess(['status', '--now', NOW], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Projected +\$[\d,.]+ \(likely \$[\d,.]+ – \$[\d,.]+\): Codex[^\n]* began spending 5 days ago — rough estimate/,
    );
  });
});
