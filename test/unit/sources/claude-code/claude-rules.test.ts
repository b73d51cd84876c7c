import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../../../app/engine/cost-aggregator.ts';
import { femtoToDecimalString } from '../../../../app/engine/money.ts';
import { claudeProjectRoots } from '../../../../app/sources/claude-code/claude-roots.ts';
import { ClaudeCodeScanner } from '../../../../app/sources/claude-code/claude-scanner.ts';
import { longContextRule } from '../../../../app/engine/price.ts';
import { messageIdOf } from '../../../helpers/claude-requests.ts';
import { assistantLine, tempDir, userLine, writeLines } from '../../../helpers/claude-logs.ts';

async function scan(projects: string) {
  const scanner = new ClaudeCodeScanner([projects]);
  const report = await scanner.refresh();
  const entries = scanner.requests();
  const tokens = entries.reduce(
    (s, e) => s + e.inputTokens + e.outputTokens + e.cacheWrite5mTokens + e.cacheWrite1hTokens + e.cacheReadTokens,
    0,
  );
  const catalog = buildCatalog();
  const rows = scanner.usageRows((model, day) => longContextRule(catalog, model, day));
  const usd = femtoToDecimalString(new CostAggregator(catalog).addAll(rows).total());
  return { scanner, report, entries, tokens, usd };
}

describe('Claude Code log rules (claude-code-logs.md)', () => {
  it('streaming: one request written once per content block counts once, at its final (largest) usage', async () => {
    const dir = tempDir();
    writeLines(join(dir, 'proj/s1.jsonl'), [
      userLine(),
      assistantLine({ output: 3 }),
      assistantLine({ output: 17 }),
      assistantLine({ output: 12 }),
    ]);
    const { entries } = await scan(dir);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.outputTokens).toBe(17);
  });

  it('streaming snapshots with equal totals: the later one counts, in one read or across two refreshes', async () => {
    const dir = tempDir();
    const path = join(dir, 'proj/s1.jsonl');
    // 100 + 5 + 0 + 50 = 155 tokens each way; the later line moves 50 tokens from input to cache reads.
    writeLines(path, [
      assistantLine({ input: 100, output: 5, cacheRead: 50 }),
      assistantLine({ input: 50, output: 5, cacheRead: 100 }),
    ]);
    const first = await scan(dir);
    expect(first.entries.map((e) => [e.inputTokens, e.cacheReadTokens])).toEqual([[50, 100]]);
    appendFileSync(path, `${assistantLine({ input: 150, output: 5, cacheRead: 0 })}\n`);
    await first.scanner.refresh();
    expect(first.scanner.requests().map((e) => [e.inputTokens, e.cacheReadTokens])).toEqual([[150, 0]]);
  });

  it('a resumed session copied into another file (other sessionId) counts once: dedup is global', async () => {
    const dir = tempDir();
    const line = (session: string) => assistantLine({ id: 'msg_A', req: 'req_A', input: 100, output: 50, session });
    writeLines(join(dir, 'proj/first.jsonl'), [line('s1'), assistantLine({ id: 'msg_B', req: 'req_B', input: 1, output: 1 })]);
    writeLines(join(dir, 'other-proj/nested/resumed.jsonl'), [
      line('s2'),
      assistantLine({ id: 'msg_C', req: 'req_C', input: 2, output: 2 }),
    ]);
    const { entries, tokens } = await scan(dir);
    expect(entries).toHaveLength(3);
    expect(tokens).toBe(150 + 2 + 4);
  });

  it('sidechains: replays (of a main-chain message, or under a new request id) are dropped, a sidechain-only message counts once, main chain wins', async () => {
    const dir = tempDir();
    writeLines(join(dir, 'proj/s.jsonl'), [
      assistantLine({ id: 'msg_main', req: 'req_1', input: 100, output: 10 }),
      assistantLine({ id: 'msg_main', req: 'req_replay', input: 100, output: 10, sidechain: true }),
      assistantLine({ id: 'msg_side', req: 'req_2', input: 7, output: 3, sidechain: true }),
      // The same sidechain message again under a new request id: a replay, counted once (the larger).
      assistantLine({ id: 'msg_side', req: 'req_2b', input: 7, output: 1, sidechain: true }),
      assistantLine({ id: 'msg_both', req: 'req_3', input: 500, output: 50, sidechain: true }),
      assistantLine({ id: 'msg_both', req: 'req_3', input: 5, output: 5 }),
    ]);
    const { entries } = await scan(dir);
    expect(entries.map((e) => [messageIdOf(e), e.sidechain, e.inputTokens]).sort()).toEqual([
      ['msg_both', false, 5],
      ['msg_main', false, 100],
      ['msg_side', true, 7],
    ]);
  });

  it('null fields, malformed lines and garbage are skipped and reported per file; nothing else is lost', async () => {
    const dir = tempDir();
    writeLines(join(dir, 'proj/session.jsonl'), [
      assistantLine({ id: 'ok1', req: 'r1', input: 10, output: 1 }),
      assistantLine({ id: null, req: 'r2' }),
      assistantLine({ id: 'x', req: null }),
      '{"message":{"usage":{"input_tokens":5', // truncated
      'not json at all but mentions "usage" anyway',
      assistantLine({ id: 'ok2', req: 'r3', input: 20, output: 2 }),
    ]);
    const { entries, report, tokens } = await scan(dir);
    expect(entries).toHaveLength(2);
    expect(tokens).toBe(33);
    expect(report.warnings).toEqual(['4 lines skipped in session.jsonl']);
  });

  it('<synthetic> messages are not usage and are not reported as skipped', async () => {
    const dir = tempDir();
    writeLines(join(dir, 'proj/s.jsonl'), [
      assistantLine({ id: 'syn', req: 'r', model: '<synthetic>', input: 0, output: 0 }),
      assistantLine({ id: 'real', req: 'r2' }),
    ]);
    const { entries, report } = await scan(dir);
    expect(entries.map(messageIdOf)).toEqual(['real']);
    expect(report.warnings).toEqual([]);
  });

  it('1-hour cache writes are priced at 2x input, 5-minute writes at 1.25x', async () => {
    const dir = tempDir();
    writeLines(join(dir, 'proj/s.jsonl'), [
      assistantLine({
        id: 'm',
        req: 'r',
        model: 'claude-opus-4-5-20251101',
        input: 0,
        output: 0,
        cacheWrite: 1_000_000,
        cache1h: 1_000_000,
      }),
    ]);
    const { usd, entries } = await scan(dir);
    expect(entries[0]).toMatchObject({ cacheWrite5mTokens: 1_000_000, cacheWrite1hTokens: 1_000_000 });
    expect(usd).toBe('16.25');
  });

  it('fast mode from usage.speed is priced at fast rates', async () => {
    const dir = tempDir();
    writeLines(join(dir, 'proj/s.jsonl'), [
      assistantLine({ id: 'm', req: 'r', model: 'claude-opus-5', input: 1_000_000, output: 0, speed: 'fast' }),
    ]);
    expect((await scan(dir)).usd).toBe('10');
  });

  it('reads both default roots and several CLAUDE_CONFIG_DIR roots', async () => {
    const home = tempDir('spendbar-home-');
    writeLines(join(home, '.claude/projects/a/s.jsonl'), [assistantLine({ id: 'a', req: 'a' })]);
    writeLines(join(home, '.config/claude/projects/b/s.jsonl'), [assistantLine({ id: 'b', req: 'b' })]);
    const defaults = claudeProjectRoots({ HOME: home });
    expect(defaults.roots).toHaveLength(2);
    const scanner = new ClaudeCodeScanner(defaults.roots);
    await scanner.refresh();
    expect(scanner.requests().map(messageIdOf).sort()).toEqual(['a', 'b']);

    const extra = tempDir('spendbar-extra-');
    writeLines(join(extra, 'projects/c/s.jsonl'), [assistantLine({ id: 'c', req: 'c' })]);
    const configured = claudeProjectRoots({ HOME: home, CLAUDE_CONFIG_DIR: `${join(home, '.claude')}, ${extra}/projects` });
    expect(configured.roots.sort()).toEqual([join(extra, 'projects'), join(home, '.claude/projects')].sort());
    expect(claudeProjectRoots({ HOME: home, CLAUDE_CONFIG_DIR: '/nonexistent/claude' }).problem).toMatch(/names no folder/);
  });

  it('a last line still being written is read once it is complete', async () => {
    const dir = tempDir();
    const path = join(dir, 'proj/s.jsonl');
    const full = assistantLine({ id: 'late', req: 'r', input: 9, output: 1 });
    writeLines(path, [assistantLine({ id: 'first', req: 'r0' }), full.slice(0, 40)], false);
    const scanner = new ClaudeCodeScanner([dir]);
    await scanner.refresh();
    expect(scanner.requests().map(messageIdOf)).toEqual(['first']);
    writeLines(path, [assistantLine({ id: 'first', req: 'r0' }), full], true);
    await scanner.refresh();
    expect(scanner.requests().map(messageIdOf).sort()).toEqual(['first', 'late']);
  });

  it('a line far longer than the read limit (a file-history snapshot) is stepped over', async () => {
    const dir = tempDir();
    const huge = JSON.stringify({ type: 'file-history-snapshot', snapshot: 'x'.repeat(20 << 20), usage: 'no' });
    writeLines(join(dir, 'proj/s.jsonl'), [
      assistantLine({ id: 'before', req: 'r1' }),
      huge,
      assistantLine({ id: 'after', req: 'r2' }),
    ]);
    const { entries, report } = await scan(dir);
    expect(entries.map(messageIdOf).sort()).toEqual(['after', 'before']);
    expect(report.warnings).toEqual(['1 line skipped in s.jsonl']);
  });

  it('a long line without usage is passed over silently; a long usage line (3 MB of text) is read', async () => {
    const dir = tempDir();
    const snapshot = JSON.stringify({ type: 'file-history-snapshot', snapshot: 'y'.repeat(20 << 20) });
    const longAnswer = JSON.parse(assistantLine({ id: 'long', req: 'r2', output: 777 })) as { message: { content: unknown } };
    longAnswer.message.content = [{ type: 'text', text: 'z'.repeat(3 << 20) }];
    writeLines(join(dir, 'proj/s.jsonl'), [
      assistantLine({ id: 'before', req: 'r1' }),
      snapshot,
      JSON.stringify(longAnswer),
      assistantLine({ id: 'after', req: 'r3' }),
    ]);
    const { entries, report } = await scan(dir);
    expect(entries.map(messageIdOf).sort()).toEqual(['after', 'before', 'long']);
    expect(entries.find((e) => messageIdOf(e) === 'long')!.outputTokens).toBe(777);
    expect(report.warnings).toEqual([]);
  });
});
