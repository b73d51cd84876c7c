/**
 * A connection compares a poll with what it last wrote instead of reading the window back
 * (window-replace.ts, WindowCache). These check that the copy never stands in for the file when it
 * may differ: after another process wrote, after an overlapping window, and after a failed commit.
 */
import { describe, expect, it } from 'vitest';
import type { StoredUsage } from '../../../../app/sources/billed-cost.ts';
import { Ledger, type LedgerChange } from '../../../../app/sources/ledger/ledger.ts';
import { cost, ledgerHome, stored } from './ledger-home.ts';

const hour = (day: string, h: number) => `${day}T${String(h).padStart(2, '0')}:00:00Z`;
const rows = (day: string, tokens: (h: number) => number, hours = 24) =>
  Array.from({ length: hours }, (_, h) => stored(hour(day, h), { inputTokens: tokens(h) }));

function window(from: string, to: string, usage: StoredUsage[]): LedgerChange {
  return { source: 'anthropic', usage: [{ from: `${from}T00:00:00.000Z`, to: `${to}T00:00:00.000Z`, rows: usage }] };
}

/** What the file holds, through a connection that never wrote: the truth the copy must match. */
const onDisk = (home: string) =>
  Ledger.open(home)
    .usage('anthropic')
    .map((r) => [r.start, r.inputTokens]);
const expected = (usage: StoredUsage[]) =>
  [...usage].sort((a, b) => a.start.localeCompare(b.start)).map((r) => [r.start, r.inputTokens]);

describe('the window a connection last wrote', () => {
  it('a poll after polls: rows changed, removed and added land as fetched', () => {
    const home = ledgerHome();
    const app = Ledger.open(home);
    app.commit(window('2026-11-24', '2026-11-26', [...rows('2026-11-24', () => 100), ...rows('2026-11-25', () => 100, 10)]));
    app.commit(window('2026-11-24', '2026-11-26', [...rows('2026-11-24', () => 100), ...rows('2026-11-25', (h) => 100 + h, 12)]));
    const last = [
      ...rows('2026-11-24', (h) => (h === 3 ? 7 : 100)).filter((_, h) => h !== 5),
      ...rows('2026-11-25', () => 1, 13),
    ];
    app.commit(window('2026-11-24', '2026-11-26', last));
    expect(onDisk(home)).toEqual(expected(last));
  });

  it('a page overlap in a poll after polls: the bucket is stored once, with its last values', () => {
    const home = ledgerHome();
    const app = Ledger.open(home);
    const day = rows('2026-11-25', () => 100);
    app.commit(window('2026-11-25', '2026-11-26', day));
    app.commit(window('2026-11-25', '2026-11-26', day));
    // The whole fetch matches what was written, then the first hour comes again on a later page.
    app.commit(window('2026-11-25', '2026-11-26', [...day, { ...day[0]!, inputTokens: 5 }]));
    expect(onDisk(home)).toEqual(expected([{ ...day[0]!, inputTokens: 5 }, ...day.slice(1)]));
  });

  it('another process wrote the window in between: the poll reads the file, not its copy', () => {
    const home = ledgerHome();
    const app = Ledger.open(home);
    const cli = Ledger.open(home);
    const mine = rows('2026-11-25', () => 100);
    app.commit(window('2026-11-25', '2026-11-26', mine));
    cli.commit(
      window(
        '2026-11-25',
        '2026-11-26',
        rows('2026-11-25', () => 999, 20),
      ),
    );
    // The app's next fetch is what it wrote before: only the file knows the CLI changed it.
    app.commit(window('2026-11-25', '2026-11-26', mine));
    expect(onDisk(home)).toEqual(expected(mine));
  });

  it('an overlapping window of the same source drops the copy', () => {
    const home = ledgerHome();
    const app = Ledger.open(home);
    const twoDays = [...rows('2026-11-24', () => 100), ...rows('2026-11-25', () => 100)];
    app.commit(window('2026-11-24', '2026-11-26', twoDays));
    app.commit(
      window(
        '2026-11-25',
        '2026-11-26',
        rows('2026-11-25', () => 5),
      ),
    );
    app.commit(window('2026-11-24', '2026-11-26', twoDays));
    expect(onDisk(home)).toEqual(expected(twoDays));
  });

  it('a commit that failed leaves no copy behind: the next poll writes what is missing', () => {
    const home = ledgerHome();
    const app = Ledger.open(home);
    const first = rows('2026-11-25', () => 100);
    app.commit(window('2026-11-25', '2026-11-26', first));
    const second = rows('2026-11-25', () => 200);
    // The usage window is written, then the bill's fails (a line without its NOT NULL text; root
    // writes through permissions), and the whole transaction is rolled back.
    const broken: LedgerChange = {
      ...window('2026-11-25', '2026-11-26', second),
      costs: [
        { fromDay: '2026-11-25', toDay: '2026-11-26', rows: [cost('2026-11-25', '1', { line: null as unknown as string })] },
      ],
    };
    expect(() => app.commit(broken)).toThrow(/could not be saved/);
    expect(onDisk(home)).toEqual(expected(first));
    app.commit(window('2026-11-25', '2026-11-26', second));
    expect(onDisk(home)).toEqual(expected(second));
  });
});
