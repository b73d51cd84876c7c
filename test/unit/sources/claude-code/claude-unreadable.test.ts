/**
 * What cannot be read is passed over, counted and named; the rest is kept. The tests run as root,
 * which ignores permission bits, so reads are made to fail in ways that fail for root too: a
 * symlink loop (ELOOP), a broken symlink (ENOENT), a FIFO under a log's name, and, for the
 * permission case, a read that fails with the EACCES error the kernel would give. Where
 * the tests run as another user, a real chmod 000 folder and file are used as well.
 */
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaudeCodeScanner } from '../../../../app/sources/claude-code/claude-scanner.ts';
import { parseFileSince } from '../../../../app/sources/claude-code/parsed-batch.ts';
import { unreadableNotices } from '../../../../app/sources/claude-code/unreadable-report.ts';
import { SourceError } from '../../../../app/sources/source-status.ts';
import { messageIdOf } from '../../../helpers/claude-requests.ts';
import { assistantLine, tempDir, writeLines } from '../../../helpers/claude-logs.ts';

const ids = (scanner: ClaudeCodeScanner) => scanner.requests().map(messageIdOf).sort();

/** Two projects with one readable log each. */
function tree(): string {
  const dir = tempDir();
  writeLines(join(dir, 'a/one.jsonl'), [assistantLine({ id: 'one', req: 'r1' })]);
  writeLines(join(dir, 'b/two.jsonl'), [assistantLine({ id: 'two', req: 'r2' })]);
  return dir;
}

const eacces = (path: string) => Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });

describe('Claude Code logs that cannot be read', () => {
  it('a symlink loop, a broken link and a FIFO under log names are named; folders so named are walked; the other logs count', async () => {
    const dir = tree();
    symlinkSync('loop.jsonl', join(dir, 'a/loop.jsonl'));
    symlinkSync(join(dir, 'nowhere.jsonl'), join(dir, 'a/broken.jsonl'));
    mkdirSync(join(dir, 'b/folder.jsonl/inner'), { recursive: true });
    symlinkSync(join(dir, 'b/folder.jsonl/inner'), join(dir, 'b/link-to-folder.jsonl'));
    execFileSync('mkfifo', [join(dir, 'b/pipe.jsonl')]);
    const scanner = new ClaudeCodeScanner([dir]);
    const report = await scanner.refresh();
    expect(ids(scanner)).toEqual(['one', 'two']);
    expect(report.warnings.sort()).toEqual(
      [
        `1 file could not be read (ELOOP) under ${dir}/a — a symlink points back at itself`,
        `1 file could not be read (ENOENT) under ${dir}/a — a symlink points at nothing`,
        `1 file could not be read (NOTFILE) under ${dir}/b — not a regular file`,
      ].sort(),
    );
  });

  it('a project folder that is a symlink loop is named, and the rest of the root still counts', async () => {
    const dir = tree();
    symlinkSync('looping', join(dir, 'looping'));
    const scanner = new ClaudeCodeScanner([dir]);
    const report = await scanner.refresh();
    expect(ids(scanner)).toEqual(['one', 'two']);
    expect(report.warnings).toEqual([`1 folder could not be read (ELOOP): ${dir}/looping — a symlink points back at itself`]);
  });

  it('a file that fails to read in the middle of a cold scan is counted; the scan completes', async () => {
    const dir = tree();
    writeLines(join(dir, 'a/locked.jsonl'), [assistantLine({ id: 'locked', req: 'r3' })]);
    writeLines(join(dir, 'a/locked-too.jsonl'), [assistantLine({ id: 'locked-too', req: 'r4' })]);
    const scanner = new ClaudeCodeScanner([dir]);
    scanner.useParser(async (path, offset) => {
      if (path.includes('locked')) throw eacces(path);
      return parseFileSince(path, offset);
    });
    const report = await scanner.refresh();
    expect(ids(scanner)).toEqual(['one', 'two']);
    expect(report.warnings).toEqual([`2 files could not be read (EACCES) under ${dir}/a — check permissions`]);
    // Readable again: the next refresh reads them and the notice goes.
    scanner.useParser(undefined);
    expect((await scanner.refresh()).warnings).toEqual([]);
    expect(ids(scanner)).toEqual(['locked', 'locked-too', 'one', 'two']);
  });

  it('a file that becomes unreadable keeps what it gave before', async () => {
    const dir = tree();
    const scanner = new ClaudeCodeScanner([dir]);
    await scanner.refresh();
    writeLines(join(dir, 'a/one.jsonl'), [assistantLine({ id: 'one', req: 'r1' }), assistantLine({ id: 'more', req: 'r5' })]);
    scanner.useParser(async (path) => {
      throw eacces(path);
    });
    const report = await scanner.refresh();
    expect(ids(scanner)).toEqual(['one', 'two']);
    expect(report.warnings).toEqual([`1 file could not be read (EACCES) under ${dir}/a — check permissions`]);
  });

  it('a root that cannot be read at all is an error, not $0.00', async () => {
    const dir = tempDir();
    symlinkSync('projects', join(dir, 'projects'));
    const scanner = new ClaudeCodeScanner([join(dir, 'projects')]);
    const failure = await scanner.refresh().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SourceError);
    expect((failure as SourceError).message).toBe(
      `Claude Code logs could not be read at ${dir}/projects (ELOOP) — check permissions`,
    );
  });

  it('paths under the home folder are shown with ~', () => {
    expect(
      unreadableNotices(
        [{ path: '/home/ana/.claude/projects/x/s.jsonl', kind: 'file', code: 'EACCES', root: '/home/ana/.claude/projects' }],
        '/home/ana',
      ),
    ).toEqual(['1 file could not be read (EACCES) under ~/.claude/projects/x — check permissions']);
  });

  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot)(
    'a chmod 000 folder and file are named with EACCES (needs a non-root user: root reads them anyway)',
    async () => {
      const dir = tree();
      writeLines(join(dir, 'c/s.jsonl'), [assistantLine({ id: 'hidden', req: 'r6' })]);
      writeLines(join(dir, 'a/private.jsonl'), [assistantLine({ id: 'private', req: 'r7' })]);
      chmodSync(join(dir, 'c'), 0);
      chmodSync(join(dir, 'a/private.jsonl'), 0);
      try {
        const scanner = new ClaudeCodeScanner([dir]);
        const report = await scanner.refresh();
        expect(ids(scanner)).toEqual(['one', 'two']);
        expect(report.warnings.sort()).toEqual(
          [
            `1 file could not be read (EACCES) under ${dir}/a — check permissions`,
            `1 folder could not be read (EACCES): ${dir}/c — check permissions`,
          ].sort(),
        );
      } finally {
        chmodSync(join(dir, 'c'), 0o755);
      }
    },
  );
  if (asRoot) console.log('chmod 000 test skipped: running as root, which reads any file whatever its mode');
});
