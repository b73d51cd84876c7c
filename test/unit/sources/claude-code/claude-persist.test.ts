/**
 * A restart is not a cold scan: the scanner's state is saved under the Spendbar home and a new
 * scanner (a new app run) starts from it, reading only what was appended — and anything changed
 * while the app was not running is read again.
 */
import {
  appendFileSync,
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../../app/engine/catalog/catalog.ts';
import { CostAggregator } from '../../../../app/engine/cost-aggregator.ts';
import { longContextRule } from '../../../../app/engine/price.ts';
import { ClaudeCodeScanner } from '../../../../app/sources/claude-code/claude-scanner.ts';
import { STATE_FILE } from '../../../../app/sources/claude-code/scan-state.ts';
import { messageIdOf } from '../../../helpers/claude-requests.ts';
import { assistantLine, tempDir, userLine, writeLines } from '../../../helpers/claude-logs.ts';

const catalog = buildCatalog();
const cost = (scanner: ClaudeCodeScanner) =>
  new CostAggregator(catalog).addAll(scanner.usageRows((m, d) => longContextRule(catalog, m, d))).total();
const ids = (scanner: ClaudeCodeScanner) => scanner.requests().map(messageIdOf).sort();

/** Files sharing messages (resumed sessions), streaming snapshots and sidechains: what dedup must keep right. */
function tree(): string {
  const dir = tempDir();
  for (let f = 0; f < 6; f++) {
    const lines: string[] = [userLine()];
    for (let m = 0; m < 30; m++) {
      const id = `m${(f * 30 + m) % 100}`;
      lines.push(
        assistantLine({ id, req: `r-${id}`, output: 1, ts: `2026-11-2${f % 3}T1${m % 10}:00:00.000Z` }),
        assistantLine({
          id,
          req: `r-${id}`,
          input: 100 + m,
          output: 40 + f,
          sidechain: m % 7 === 0,
          ts: `2026-11-2${f % 3}T1${m % 10}:00:00.000Z`,
        }),
      );
    }
    writeLines(join(dir, `p${f % 2}/s${f}.jsonl`), lines);
  }
  writeLines(join(dir, 'p0/solo.jsonl'), [assistantLine({ id: 'solo', req: 'solo', input: 100 })]);
  // A whole-second mtime, so a test can put it back exactly after rewriting the file.
  utimesSync(join(dir, 'p0/solo.jsonl'), 1_700_000_000, 1_700_000_000);
  return dir;
}

/** A new app run: a scanner with the same roots and home. */
const restart = (dir: string, home: string) => new ClaudeCodeScanner([dir], { stateDir: home, minSaveIntervalMs: 0 });
const cold = async (dir: string) => {
  const scanner = new ClaudeCodeScanner([dir]);
  await scanner.refresh();
  return scanner;
};

async function scannedOnce(): Promise<{ dir: string; home: string; first: ClaudeCodeScanner }> {
  const dir = tree();
  const home = tempDir('spendbar-home-');
  const first = restart(dir, home);
  await first.refresh();
  return { dir, home, first };
}

describe('the Claude Code scan state across restarts', () => {
  it('a restart shows the same totals before reading anything, then reads nothing more', async () => {
    const { dir, home, first } = await scannedOnce();
    const second = restart(dir, home);
    expect(second.cold).toBe(false);
    expect(cost(second)).toBe(cost(first));
    expect(second.requestCount).toBe(first.requestCount);
    const report = await second.refresh();
    expect(report.bytesRead).toBe(0);
    expect(report.warnings).toEqual([]);
    expect(cost(second)).toBe(cost(await cold(dir)));
    expect(ids(second)).toEqual(ids(await cold(dir)));
  });

  it('after a restart only the appended bytes are read', async () => {
    const { dir, home } = await scannedOnce();
    const added = `${assistantLine({ id: 'new', req: 'new', input: 5000 })}\n`;
    appendFileSync(join(dir, 'p0/s0.jsonl'), added);
    const second = restart(dir, home);
    expect((await second.refresh()).bytesRead).toBe(Buffer.byteLength(added));
    expect(cost(second)).toBe(cost(await cold(dir)));
    // And that refresh was saved: a third run reads nothing.
    expect((await restart(dir, home).refresh()).bytesRead).toBe(0);
  });

  const changes: Array<[string, (dir: string) => void]> = [
    ['truncated', (dir) => truncateSync(join(dir, 'p0/s0.jsonl'), 2000)],
    [
      'replaced (a new inode)',
      (dir) => {
        writeLines(join(dir, 'p0/tmp'), [
          assistantLine({ id: 'm0', req: 'r-m0', input: 9 }),
          assistantLine({ id: 'x', req: 'x' }),
        ]);
        renameSync(join(dir, 'p0/tmp'), join(dir, 'p0/s0.jsonl'));
      },
    ],
    [
      'rewritten in place and grown (same inode, new first bytes)',
      (dir) => {
        const fd = openSync(join(dir, 'p0/solo.jsonl'), 'r+');
        const lines = [assistantLine({ id: 'solo', req: 'solo', input: 900 }), assistantLine({ id: 'grown', req: 'grown' })];
        writeSync(fd, `${lines.join('\n')}\n`, 0);
        closeSync(fd);
      },
    ],
    ['deleted', (dir) => rmSync(join(dir, 'p1/s1.jsonl'))],
    ['added', (dir) => writeLines(join(dir, 'p2/new.jsonl'), [assistantLine({ id: 'fresh', req: 'fresh' })])],
  ];
  for (const [kind, change] of changes)
    it(`a log ${kind} while the app was not running is read again: same as a cold scan`, async () => {
      const { dir, home } = await scannedOnce();
      change(dir);
      const second = restart(dir, home);
      await second.refresh();
      const expected = await cold(dir);
      expect(ids(second)).toEqual(ids(expected));
      expect(cost(second)).toBe(cost(expected));
    });

  it('a rewrite to the same size, inode and mtime is caught by the first bytes alone', async () => {
    const { dir, home, first } = await scannedOnce();
    const path = join(dir, 'p0/solo.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"input_tokens":100', '"input_tokens":900'));
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const second = restart(dir, home);
    await second.refresh();
    expect(cost(second)).toBe(cost(await cold(dir)));
    expect(cost(second)).toBeGreaterThan(cost(first));
  });

  const damage: Array<[string, (bytes: Buffer) => Buffer, RegExp]> = [
    ['a flipped byte', (b) => ((b[b.length >> 1]! ^= 0xff), b), /damaged \(checksum mismatch\)/],
    ['cut short', (b) => b.subarray(0, b.length >> 1), /damaged/],
    ['not a state file', () => Buffer.from('{"hello":1}'), /not a Spendbar scan state/],
    ['from a newer Spendbar', (b) => (b.writeUInt32LE(99, 'SPENDBAR-CC-STATE\n'.length), b), /newer Spendbar \(format 99/],
  ];
  for (const [kind, spoil, message] of damage)
    it(`a state file ${kind} is set aside with a notice, and the logs are scanned from the start`, async () => {
      const { dir, home } = await scannedOnce();
      const path = join(home, STATE_FILE);
      writeFileSync(path, spoil(readFileSync(path)));
      const second = restart(dir, home);
      expect(second.cold).toBe(true);
      const report = await second.refresh();
      expect(report.warnings).toHaveLength(1);
      expect(report.warnings[0]).toMatch(message);
      expect(report.warnings[0]).toMatch(/the logs were read again from the start/);
      expect(cost(second)).toBe(cost(await cold(dir)));
      // The cold scan saved a good state again.
      expect((await restart(dir, home).refresh()).bytesRead).toBe(0);
    });

  it('a refresh that changes nothing does not rewrite the state; a save leaves no temp file', async () => {
    const { dir, home, first } = await scannedOnce();
    const path = join(home, STATE_FILE);
    const before = statSync(path);
    await first.refresh();
    const after = statSync(path);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    appendFileSync(join(dir, 'p0/s0.jsonl'), `${assistantLine({ id: 'n', req: 'n' })}\n`);
    await first.refresh();
    expect(statSync(path).ino).not.toBe(before.ino); // renamed over: a new file
    expect(readdirSync(home)).toEqual([STATE_FILE]);
  });

  it('saves are spaced by the interval; what was not saved is read again after a restart', async () => {
    const dir = tree();
    const home = tempDir('spendbar-home-');
    let now = 0;
    const first = new ClaudeCodeScanner([dir], { stateDir: home, minSaveIntervalMs: 60_000, now: () => now });
    await first.refresh(); // the first scan is saved at once
    const added = `${assistantLine({ id: 'later', req: 'later' })}\n`;
    appendFileSync(join(dir, 'p0/s0.jsonl'), added);
    now = 30_000;
    await first.refresh(); // within the interval: not saved
    const second = restart(dir, home);
    expect((await second.refresh()).bytesRead).toBe(Buffer.byteLength(added));
    expect(ids(second)).toEqual(ids(first));
  });
});

describe('saving the scan state where it cannot be written', () => {
  it('says so and keeps the scan; a home that appears later is used', async () => {
    const dir = tree();
    const parent = tempDir('spendbar-home-');
    // A file where the home folder should be: the save cannot create it.
    writeFileSync(join(parent, 'home'), 'not a folder');
    const scanner = new ClaudeCodeScanner([dir], { stateDir: join(parent, 'home'), minSaveIntervalMs: 0 });
    const report = await scanner.refresh();
    expect(report.warnings).toEqual([
      expect.stringMatching(/^The saved Claude Code scan state \(.*\) is unreadable \(ENOTDIR\): the logs were read again/),
      expect.stringMatching(
        /^The Claude Code scan state could not be saved to .*claude-code-state\.bin \(ENOTDIR\): the next start reads every log again$/,
      ),
    ]);
    expect(cost(scanner)).toBe(cost(await cold(dir)));
    rmSync(join(parent, 'home'));
    expect((await scanner.refresh()).warnings).toEqual([]);
    expect((await restart(dir, join(parent, 'home')).refresh()).bytesRead).toBe(0);
  });
});
