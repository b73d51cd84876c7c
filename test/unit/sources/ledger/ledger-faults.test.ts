import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { openDatabase } from '../../../../app/sources/ledger/sqlite.ts';
import { daySync, ledgerHome, totalInput } from './ledger-home.ts';
import { SmallDisk, smallDiskUnavailable } from './small-disk.ts';

const LEDGER_TS = fileURLToPath(new URL('../../../../app/sources/ledger/ledger.ts', import.meta.url));
const asides = (home: string) => readdirSync(home).filter((f) => /^ledger\.corrupt-.*\.db$/.test(f));
const leftovers = (home: string) => readdirSync(home).filter((f) => /\.tmp$|-journal$/.test(f));

function ledgerWithDays(home: string, days: number): Ledger {
  const ledger = Ledger.open(home);
  for (let d = 1; d <= days; d++) ledger.commit(daySync(`2026-10-${String(d).padStart(2, '0')}`));
  return ledger;
}

describe('ledger faults', () => {
  it('a file that is not a database is moved aside as ledger.corrupt-<time>.db, reported, and rebuilt', () => {
    const home = ledgerHome();
    writeFileSync(join(home, 'ledger.db'), 'this is not a database, it is a truncated download'.repeat(100));
    const ledger = Ledger.open(home, () => new Date('2026-11-30T10:00:00Z'));
    expect(ledger.problem).toMatch(
      /damaged .*moved to .*ledger\.corrupt-2026-11-30T10-00-00-000Z\.db and is being rebuilt from the sources/,
    );
    expect(asides(home)).toHaveLength(1);
    ledger.commit(daySync('2026-11-01'));
    expect(Ledger.open(home).usage()).toHaveLength(24);
  });

  it('PRAGMA quick_check on open catches damaged pages in a file with a valid header', () => {
    const home = ledgerHome();
    ledgerWithDays(home, 20).close();
    const path = join(home, 'ledger.db');
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(8 * 4096);
    bytes.fill(0x5a, 2 * 4096 + 100, 6 * 4096);
    writeFileSync(path, bytes);
    const ledger = Ledger.open(home);
    expect(ledger.problem).toMatch(/damaged \(.+\); it was moved to .*ledger\.corrupt-/);
    expect(asides(home)).toHaveLength(1);
    expect(ledger.persistent).toBe(true);
  });

  it('a database from a newer Spendbar is left untouched and reported, never downgraded or taken for corrupt', () => {
    const home = ledgerHome();
    ledgerWithDays(home, 2).close();
    const path = join(home, 'ledger.db');
    const db = openDatabase(path);
    db.exec('PRAGMA user_version = 7');
    db.close();
    const before = readFileSync(path);
    const ledger = Ledger.open(home);
    expect(ledger.problem).toMatch(
      /written by a newer version of Spendbar \(schema 7; this one reads 3\); it was left as it is.*update Spendbar/,
    );
    expect(asides(home)).toEqual([]);
    ledger.commit(daySync('2026-11-01'));
    expect(ledger.usage()).toHaveLength(24);
    ledger.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a ledger that cannot be read (a folder in its place) is never written over', () => {
    const home = ledgerHome();
    mkdirSync(join(home, 'ledger.db'));
    writeFileSync(join(home, 'ledger.db', 'keep.txt'), 'mine');
    const ledger = Ledger.open(home);
    expect(ledger.problem).toMatch(/is not a file; it was left as it is/);
    ledger.commit(daySync('2026-11-01'));
    expect(statSync(join(home, 'ledger.db')).isDirectory()).toBe(true);
    expect(readFileSync(join(home, 'ledger.db', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('a symlinked ledger stays a symlink: the data goes to the file it points to', () => {
    const home = ledgerHome();
    const elsewhere = ledgerHome();
    ledgerWithDays(elsewhere, 1).close();
    symlinkSync(join(elsewhere, 'ledger.db'), join(home, 'ledger.db'));
    const ledger = Ledger.open(home);
    ledger.commit(daySync('2026-11-01'));
    ledger.close();
    expect(statSync(join(home, 'ledger.db'), { throwIfNoEntry: true }).isFile()).toBe(true);
    expect(readdirSync(home).filter((f) => f.startsWith('ledger.db'))).toEqual(['ledger.db']);
    expect(Ledger.open(elsewhere).usage()).toHaveLength(48);
  });

  it('two processes finding the same damaged ledger both start; it is moved aside once and rebuilt once', async () => {
    // A race: each round is a few per cent likely to meet the switch to WAL that SQLite refuses at once (ledger-open.ts).
    for (let round = 0; round < 6; round++) {
      const home = ledgerHome();
      writeFileSync(join(home, 'ledger.db'), Buffer.alloc(64 * 1024, 7));
      const script = `import { Ledger } from ${JSON.stringify(LEDGER_TS)};
const l = Ledger.open(process.argv[1]); l.commit({ source: 'anthropic', sync: { closedBefore: '2026-11-0' + process.argv[2] } });
console.log(JSON.stringify({ problem: l.problem ?? null, persistent: l.persistent }));`;
      const run = (n: number) =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, home, String(n)]);
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('close', (code) => resolve({ code, out, err }));
        });
      const results = await Promise.all([run(1), run(2)]);
      for (const r of results) {
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        expect(JSON.parse(r.out).persistent).toBe(true);
      }
      expect(asides(home)).toHaveLength(1);
      expect(Ledger.open(home).syncMark('anthropic').closedBefore).toMatch(/^2026-11-0[12]$/);
    }
  }, 120_000);

  describe.skipIf(smallDiskUnavailable)(
    `on a real small disk${smallDiskUnavailable ? ` (skipped: ${smallDiskUnavailable})` : ''}`,
    () => {
      it('disk full during a write: rolled back, everything committed before kept, and the error says to free space', () => {
        const disk = new SmallDisk(1024);
        try {
          const home = join(disk.dir, 'home');
          const ledger = ledgerWithDays(home, 3);
          const filler = disk.fill();
          const big = daySync('2026-11-01');
          const rows = Array.from({ length: 40 }, () => big.usage![0]!.rows)
            .flat()
            .map((r, i) => ({ ...r, model: `m-${i}` }));
          expect(() => ledger.commit({ ...big, usage: [{ ...big.usage![0]!, rows }] })).toThrow(
            /could not be saved to the ledger \(.*full.*\); everything saved before is kept\. To fix: the disk holding .* is full: free some space/,
          );
          expect(totalInput(ledger.usage('anthropic'))).toBe(3 * 2400);
          expect(ledger.syncMark('anthropic')).toEqual({ closedBefore: '2026-10-03' });
          ledger.close();
          rmSync(filler);
          const reopened = Ledger.open(home);
          expect(reopened.problem).toBeUndefined();
          expect(totalInput(reopened.usage('anthropic'))).toBe(3 * 2400);
          reopened.commit(big);
          expect(reopened.usage('anthropic')).toHaveLength(4 * 24);
          expect(leftovers(home)).toEqual([]);
        } finally {
          disk.dispose();
        }
      });

      it('a home that turns read-only: the write is refused with what to do, and nothing stored is lost', () => {
        const disk = new SmallDisk(2048);
        try {
          const home = join(disk.dir, 'home');
          ledgerWithDays(home, 2).close();
          disk.readOnly(true);
          const ledger = Ledger.open(home);
          expect(ledger.problem).toMatch(
            /can only be read .*the history is shown but new data is not saved\. .* is read-only: make it writable/,
          );
          expect(totalInput(ledger.usage('anthropic'))).toBe(2 * 2400);
          expect(() => ledger.commit(daySync('2026-11-01'))).toThrow(
            /could not be saved to the ledger \(.*readonly.*\); everything saved before is kept\. To fix: .* is read-only: make it writable/,
          );
          ledger.close();
          disk.readOnly(false);
          const back = Ledger.open(home);
          expect(back.problem).toBeUndefined();
          expect(totalInput(back.usage('anthropic'))).toBe(2 * 2400);
          expect(
            back.usage('anthropic', { from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-11-02T00:00:00Z') }),
          ).toEqual([]);
        } finally {
          disk.dispose();
        }
      });

      it('a damaged ledger on a read-only home: no crash, left in place, and the problem says to make the folder writable', () => {
        const disk = new SmallDisk(256);
        try {
          const home = join(disk.dir, 'home');
          mkdirSync(home);
          const junk = Buffer.alloc(32 * 1024, 9);
          writeFileSync(join(home, 'ledger.db'), junk);
          disk.readOnly(true);
          const ledger = Ledger.open(home);
          expect(ledger.problem).toMatch(/could not be moved aside \(EROFS\).*make .* writable/);
          expect(ledger.persistent).toBe(false);
          expect(readFileSync(join(home, 'ledger.db')).equals(junk)).toBe(true);
        } finally {
          disk.dispose();
        }
      });
    },
  );
});
