import { appendFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaudeCodeScanner } from '../../../../app/sources/claude-code/claude-scanner.ts';
import { parseFileSince } from '../../../../app/sources/claude-code/parsed-batch.ts';
import { messageIdOf } from '../../../helpers/claude-requests.ts';
import { assistantLine, tempDir, userLine, writeLines } from '../../../helpers/claude-logs.ts';

const ids = (scanner: ClaudeCodeScanner) => scanner.requests().map(messageIdOf).sort();

describe('incremental Claude Code scans', () => {
  it('after the first scan, a refresh reads only the bytes appended since', async () => {
    const dir = tempDir();
    const path = join(dir, 'p/s.jsonl');
    const filler = Array.from({ length: 2000 }, (_, i) =>
      i % 2 ? userLine('x'.repeat(200)) : assistantLine({ id: `m${i}`, req: `r${i}` }),
    );
    writeLines(path, filler);
    const scanner = new ClaudeCodeScanner([dir]);
    const first = await scanner.refresh();
    expect(scanner.requests()).toHaveLength(1000);
    const added = `${assistantLine({ id: 'new', req: 'new' })}\n`;
    appendFileSync(path, added);
    const second = await scanner.refresh();
    expect(second.bytesRead).toBe(Buffer.byteLength(added));
    expect(first.bytesRead).toBeGreaterThan(100 * second.bytesRead);
    expect(scanner.requests()).toHaveLength(1001);
    expect((await scanner.refresh()).bytesRead).toBe(0);
  });

  it('a truncated file is read again from the start and gives back what it lost', async () => {
    const dir = tempDir();
    const path = join(dir, 'p/s.jsonl');
    writeLines(path, [assistantLine({ id: 'a', req: 'a' }), assistantLine({ id: 'b', req: 'b' })]);
    const scanner = new ClaudeCodeScanner([dir]);
    await scanner.refresh();
    truncateSync(path, Buffer.byteLength(`${assistantLine({ id: 'a', req: 'a' })}\n`));
    await scanner.refresh();
    expect(ids(scanner)).toEqual(['a']);
  });

  it('a replaced file (new inode) is read whole again, without double counting', async () => {
    const dir = tempDir();
    const path = join(dir, 'p/s.jsonl');
    writeLines(path, [assistantLine({ id: 'a', req: 'a' }), assistantLine({ id: 'b', req: 'b' })]);
    const scanner = new ClaudeCodeScanner([dir]);
    await scanner.refresh();
    const replacement = join(dir, 'p/tmp');
    writeFileSync(
      replacement,
      `${assistantLine({ id: 'a', req: 'a' })}\n${assistantLine({ id: 'c', req: 'c' })}\n${assistantLine({ id: 'd', req: 'd' })}\n`,
    );
    renameSync(replacement, path);
    await scanner.refresh();
    expect(ids(scanner)).toEqual(['a', 'c', 'd']);
  });

  it('a deleted file takes its requests away, but not those another file also holds', async () => {
    const dir = tempDir();
    writeLines(join(dir, 'p/one.jsonl'), [
      assistantLine({ id: 'shared', req: 's', output: 10 }),
      assistantLine({ id: 'only-one', req: 'o' }),
    ]);
    writeLines(join(dir, 'q/two.jsonl'), [assistantLine({ id: 'shared', req: 's', output: 4 })]);
    const scanner = new ClaudeCodeScanner([dir]);
    await scanner.refresh();
    expect(scanner.requests().find((e) => messageIdOf(e) === 'shared')!.outputTokens).toBe(10);
    rmSync(join(dir, 'p/one.jsonl'));
    await scanner.refresh();
    expect(ids(scanner)).toEqual(['shared']);
    expect(scanner.requests()[0]!.outputTokens).toBe(4);
  });

  it('a file deleted between the listing and the read is passed over, then dropped', async () => {
    const dir = tempDir();
    writeLines(join(dir, 'p/keep.jsonl'), [assistantLine({ id: 'kept', req: 'r1' })]);
    writeLines(join(dir, 'p/old.jsonl'), [assistantLine({ id: 'cleaned-up', req: 'r2' })]);
    const scanner = new ClaudeCodeScanner([dir]);
    // Claude Code removes old sessions while we scan: the file goes just before it is read.
    scanner.useParser(async (path, offset) => {
      if (path.endsWith('old.jsonl')) rmSync(path);
      return parseFileSince(path, offset);
    });
    const report = await scanner.refresh();
    expect(ids(scanner)).toEqual(['kept']);
    scanner.useParser(undefined);
    expect((await scanner.refresh()).files).toBe(1);
    expect(report.warnings).toEqual([]);
  });
});
