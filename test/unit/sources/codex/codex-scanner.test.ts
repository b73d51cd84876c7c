import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codexHomes } from '../../../../app/sources/codex/codex-roots.ts';
import { CodexScanner, type CodexCell } from '../../../../app/sources/codex/codex-scanner.ts';
import { appendCodexTurn, writeCodexTree, type DayModelTokens } from '../../../helpers/codex-logs.ts';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});
function newHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'codex-home-'));
  homes.push(home);
  return home;
}

/** The scanner's cells by UTC day and model, in Codex's own terms (input includes cached). */
function byDayModel(cells: readonly CodexCell[]): Map<string, Map<string, DayModelTokens>> {
  const out = new Map<string, Map<string, DayModelTokens>>();
  for (const c of cells) {
    const day = new Date(c.hour).toISOString().slice(0, 10);
    const models = out.get(day) ?? new Map<string, DayModelTokens>();
    out.set(day, models);
    const t = models.get(c.model) ?? { input: 0, cached: 0, output: 0, reasoning: 0 };
    models.set(c.model, t);
    t.input += c.inputTokens + c.cachedInputTokens;
    t.cached += c.cachedInputTokens;
    t.output += c.outputTokens;
    t.reasoning += c.reasoningTokens;
  }
  return out;
}

async function scan(env: Record<string, string>): Promise<CodexScanner> {
  const scanner = new CodexScanner(codexHomes(env).homes);
  await scanner.refresh();
  return scanner;
}

const tc = (ts: string, total: number[] | null, last: number[] | null) =>
  JSON.stringify({
    timestamp: ts,
    type: 'event_msg',
    payload: {
      type: 'token_count',
      info: {
        ...(total
          ? {
              total_token_usage: {
                input_tokens: total[0],
                cached_input_tokens: total[1],
                output_tokens: total[2],
                reasoning_output_tokens: 0,
                total_tokens: total[0]! + total[2]!,
              },
            }
          : {}),
        ...(last
          ? {
              last_token_usage: {
                input_tokens: last[0],
                cached_input_tokens: last[1],
                output_tokens: last[2],
                reasoning_output_tokens: 0,
                total_tokens: last[0]! + last[2]!,
              },
            }
          : {}),
      },
    },
  });
const ctx = (ts: string, model: string) => JSON.stringify({ timestamp: ts, type: 'turn_context', payload: { model } });

function writeSession(home: string, lines: string[], name = 'rollout-a.jsonl'): string {
  const dir = join(home, 'sessions', '2026', '11', '05');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('Codex CLI logs', () => {
  it('a generated tree (re-emits, nulls, model switches, archived copies) totals the turns it was made of', async () => {
    const home = newHome();
    const tree = writeCodexTree(home, { seed: 7, sessions: 60, start: Date.UTC(2026, 10, 1), days: 20 });
    expect(tree.reemits).toBeGreaterThan(20);
    expect(readdirSync(join(home, 'archived_sessions')).length).toBeGreaterThan(5);
    const scanner = await scan({ CODEX_HOME: home });
    expect(byDayModel(scanner.hourlyCells())).toEqual(tree.expected);
  });

  it('input includes cached input: cached tokens are priced as cache reads, never counted twice', async () => {
    const home = newHome();
    writeSession(home, [
      ctx('2026-11-05T10:00:00Z', 'gpt-5.2-codex'),
      tc('2026-11-05T10:00:01Z', [1000, 800, 50], [1000, 800, 50]),
    ]);
    const [cell] = (await scan({ CODEX_HOME: home })).hourlyCells();
    expect(cell).toMatchObject({ model: 'gpt-5.2-codex', inputTokens: 200, cachedInputTokens: 800, outputTokens: 50 });
  });

  it('a re-emitted total adds nothing; a total-only event adds its difference; a dropped total still counts its last', async () => {
    const home = newHome();
    writeSession(home, [
      ctx('2026-11-05T10:00:00Z', 'gpt-5.2-codex'),
      tc('2026-11-05T10:00:01Z', [100, 0, 10], [100, 0, 10]),
      tc('2026-11-05T10:00:03Z', [100, 0, 10], [100, 0, 10]), // re-emit: same total, fresh timestamp
      tc('2026-11-05T10:00:04Z', [300, 0, 30], null), // no last: total minus previous total
      tc('2026-11-05T10:00:05Z', [50, 0, 5], [50, 0, 5]), // resumed: the total dropped
    ]);
    const cells = (await scan({ CODEX_HOME: home })).hourlyCells();
    expect(cells.map((c) => c.inputTokens)).toEqual([100 + 200 + 50]);
    expect(cells.map((c) => c.outputTokens)).toEqual([10 + 20 + 5]);
  });

  it('the model comes from the latest turn_context; a session with none is priced as gpt-5 and marked', async () => {
    const home = newHome();
    writeSession(home, [
      ctx('2026-11-05T10:00:00Z', 'gpt-5.2-codex'),
      tc('2026-11-05T10:00:01Z', [100, 0, 10], [100, 0, 10]),
      ctx('2026-11-05T10:00:02Z', 'gpt-5.5'),
      tc('2026-11-05T10:00:03Z', [150, 0, 15], [50, 0, 5]),
    ]);
    writeSession(home, [tc('2026-11-05T11:00:01Z', [7, 0, 1], [7, 0, 1])], 'rollout-legacy.jsonl');
    const cells = (await scan({ CODEX_HOME: home })).hourlyCells();
    expect(cells.map((c) => [c.model, c.inputTokens, c.fallbackModel])).toEqual([
      ['gpt-5.2-codex', 100, false],
      ['gpt-5.5', 50, false],
      ['gpt-5', 7, true],
    ]);
  });

  it('a session both active and archived counts once; several CODEX_HOME roots are all read', async () => {
    const home = newHome();
    const other = newHome();
    const path = writeSession(home, [
      ctx('2026-11-05T10:00:00Z', 'gpt-5.5'),
      tc('2026-11-05T10:00:01Z', [100, 0, 10], [100, 0, 10]),
    ]);
    mkdirSync(join(home, 'archived_sessions'));
    cpSync(path, join(home, 'archived_sessions', 'rollout-a.jsonl'));
    writeSession(other, [ctx('2026-11-06T10:00:00Z', 'gpt-5.5'), tc('2026-11-06T10:00:01Z', [5, 0, 1], [5, 0, 1])]);
    const cells = (await scan({ CODEX_HOME: `${home}, ${other}` })).hourlyCells();
    expect(cells.map((c) => c.inputTokens)).toEqual([100, 5]);
  });

  it('bad lines are counted and named; the rest is kept', async () => {
    const home = newHome();
    writeSession(home, [
      ctx('2026-11-05T10:00:00Z', 'gpt-5.5'),
      '{"timestamp":"2026-11-05T10:00:01Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":"many"}}}}',
      '{"type":"event_msg","payload":{"type":"token_count", garbage',
      tc('2026-11-05T10:00:02Z', [9, 0, 1], [9, 0, 1]),
    ]);
    const scanner = new CodexScanner(codexHomes({ CODEX_HOME: home }).homes);
    const report = await scanner.refresh();
    expect(report.warnings).toEqual(['2 lines skipped in rollout-a.jsonl']);
    expect(scanner.hourlyCells().map((c) => c.inputTokens)).toEqual([9]);
  });

  it('refresh reads only appended bytes; truncation, replacement and deletion give back what the file held', async () => {
    const home = newHome();
    const path = writeSession(home, [
      ctx('2026-11-05T10:00:00Z', 'gpt-5.5'),
      tc('2026-11-05T10:00:01Z', [100, 0, 10], [100, 0, 10]),
    ]);
    const scanner = new CodexScanner(codexHomes({ CODEX_HOME: home }).homes);
    const first = await scanner.refresh();
    appendCodexTurn(
      path,
      Date.parse('2026-11-05T10:05:00Z'),
      { input: 130, cached: 0, output: 13, reasoning: 0 },
      { input: 30, cached: 0, output: 3, reasoning: 0 },
    );
    const second = await scanner.refresh();
    expect(second.bytesRead).toBeLessThan(first.bytesRead);
    expect(scanner.hourlyCells().map((c) => c.inputTokens)).toEqual([130]);
    // A half-written last line waits for its end.
    appendFileSync(path, tc('2026-11-05T10:06:00Z', [140, 0, 14], [10, 0, 1]).slice(0, 40));
    await scanner.refresh();
    expect(scanner.hourlyCells().map((c) => c.inputTokens)).toEqual([130]);
    truncateSync(path, 0);
    writeFileSync(
      path,
      [ctx('2026-11-05T10:00:00Z', 'gpt-5.5'), tc('2026-11-05T10:00:01Z', [4, 0, 1], [4, 0, 1])].join('\n') + '\n',
    );
    await scanner.refresh();
    expect(scanner.hourlyCells().map((c) => c.inputTokens)).toEqual([4]);
    rmSync(path);
    await scanner.refresh();
    expect(scanner.hourlyCells()).toEqual([]);
  });

  it('config.toml service_tier = "priority" marks that home priority; a missing CODEX_HOME is a problem, not $0', async () => {
    const home = newHome();
    writeSession(home, [ctx('2026-11-05T10:00:00Z', 'gpt-5.5'), tc('2026-11-05T10:00:01Z', [100, 0, 10], [100, 0, 10])]);
    writeFileSync(
      join(home, 'config.toml'),
      'model = "gpt-5.5"\nservice_tier = "priority" # fast mode\n[mcp_servers.x]\ncommand = "y"\n',
    );
    expect((await scan({ CODEX_HOME: home })).hourlyCells()[0]?.priority).toBe(true);
    expect(codexHomes({ CODEX_HOME: join(home, 'nope') }).problem).toMatch(/names no folder with Codex logs/);
    expect(codexHomes({ HOME: newHome() }).homes).toEqual([]);
  });
});
