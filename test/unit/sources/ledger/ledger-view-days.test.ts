import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../app/shared/settings-schema.ts';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { SpendService } from '../../../../app/sources/spend-service.ts';
import { daySync, ledgerHome } from './ledger-home.ts';

const DOLLAR = '1000000000000000';
/** One hour of daySync's usage: 100 input tokens at $3/M and 10 output tokens at $15/M. */
const HOUR_USD = 0.00045;
const days = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-11-${String(from + i).padStart(2, '0')}`);

/** A demo-mode service on a home whose ledger is written by the test (the demo server is never contacted). */
function service(home: string, now: () => number) {
  return new SpendService({
    home,
    env: { HOME: home },
    now,
    keys: { get: async () => undefined },
    settings: () => ({ ...DEFAULT_SETTINGS, countedSources: ['anthropic'] }),
    demoBaseUrl: 'http://127.0.0.1:9',
  });
}

const shown = async (s: SpendService) => {
  const { view } = await s.view();
  return { spent: view.spentUsd, daily: view.daily.map((d) => [d.date, d.usd]), byModel: view.byModel };
};

describe('the view prices again only the days a commit rewrote', () => {
  it('stamps exactly the UTC days a commit covers, with a new number each commit', () => {
    const ledger = Ledger.open(ledgerHome());
    ledger.commit(daySync('2026-11-01'));
    ledger.commit(daySync('2026-11-02'));
    const first = ledger.dayStamps('anthropic', '2026-10-31', '2026-11-03');
    expect([...first.keys()]).toEqual(['2026-11-01', '2026-11-02']);
    ledger.commit(daySync('2026-11-02', 5));
    const second = ledger.dayStamps('anthropic', '2026-10-31', '2026-11-03');
    expect(second.get('2026-11-01')).toBe(first.get('2026-11-01'));
    expect(second.get('2026-11-02')).toBeGreaterThan(first.get('2026-11-02')!);
    expect(ledger.dayStamps('openai', '2026-10-31', '2026-11-03').size).toBe(0);
  });

  it('a re-fetch that finds nothing new writes nothing; a moved hour or a vanished row is replaced, and only its day stamped', () => {
    const ledger = Ledger.open(ledgerHome());
    ledger.commit(daySync('2026-11-01'));
    ledger.commit(daySync('2026-11-02'));
    const stamps = () => ledger.dayStamps('anthropic', '2026-11-01', '2026-11-02');
    const first = stamps();
    const stamp = ledger.changeStamp();
    ledger.commit(daySync('2026-11-02'));
    expect(stamps()).toEqual(first);
    expect(ledger.changeStamp()).not.toBe(stamp); // a commit all the same: readers look again

    const moved = daySync('2026-11-02');
    const rows = moved.usage![0]!.rows.map((r, h) => (h === 23 ? { ...r, inputTokens: 7 } : r));
    ledger.commit({ ...moved, usage: [{ ...moved.usage![0]!, rows }] });
    expect(stamps().get('2026-11-01')).toBe(first.get('2026-11-01'));
    expect(stamps().get('2026-11-02')).toBeGreaterThan(first.get('2026-11-02')!);
    const day2 = { from: Date.parse('2026-11-02T00:00:00Z'), to: Date.parse('2026-11-03T00:00:00Z') };
    expect(ledger.usage('anthropic', day2).map((r) => r.inputTokens)).toEqual([...Array(23).fill(100), 7]);

    ledger.commit({ ...moved, usage: [{ ...moved.usage![0]!, rows: rows.slice(1) }] }); // hour 0 gone from the report
    expect(ledger.usage('anthropic', day2)).toHaveLength(23);
    expect(ledger.usage('anthropic')).toHaveLength(47);
  });

  it('a closed day rewritten by another process shows in the next view, equal to a fresh start', async () => {
    const home = ledgerHome();
    const writer = Ledger.open(join(home, 'demo')); // the CLI beside the app
    for (const day of days(1, 25)) writer.commit(daySync(day, 100, DOLLAR));
    const now = () => Date.parse('2026-11-25T12:00:00Z');
    const app = service(home, now);
    const before = await shown(app);
    // 24 billed days of $1; today priced from usage: 13 hours (to 12:00) of 100 input + 10 output Sonnet tokens.
    expect(before.spent).toBeCloseTo(24 + 13 * HOUR_USD, 6);
    expect(await shown(app)).toEqual(before); // nothing changed: the same view

    writer.commit(daySync('2026-11-10', 100, (3n * BigInt(DOLLAR)).toString())); // the bill of the 10th is corrected
    const after = await shown(app);
    expect(after.spent).toBeCloseTo(26 + 13 * HOUR_USD, 6);
    expect(after).toEqual(await shown(service(home, now)));
  });

  it('the day priced as today (usage) is priced from its bill once the UTC day is over', async () => {
    const home = ledgerHome();
    const writer = Ledger.open(join(home, 'demo'));
    for (const day of days(1, 26)) writer.commit(daySync(day, 100, DOLLAR));
    let now = Date.parse('2026-11-25T12:00:00Z');
    const app = service(home, () => now);
    expect((await shown(app)).spent).toBeCloseTo(24 + 13 * HOUR_USD, 6);
    now = Date.parse('2026-11-26T01:00:00Z');
    const next = await shown(app);
    expect(next.spent).toBeCloseTo(25 + 2 * HOUR_USD, 6); // the 25th is now its bill: $1
    expect(next).toEqual(await shown(service(home, () => now)));
  });

  it('a poll that changes today shows in the total, by model and the daily series (each day is summed once and kept)', async () => {
    const home = ledgerHome();
    const writer = Ledger.open(join(home, 'demo'));
    for (const day of days(1, 25)) writer.commit(daySync(day, 100, DOLLAR));
    const now = () => Date.parse('2026-11-25T12:00:00Z');
    const app = service(home, now);
    const before = await shown(app);
    expect(before.daily.find(([date]) => date === '2026-11-25')?.[1]).toBeCloseTo(13 * HOUR_USD, 6);

    writer.commit(daySync('2026-11-25', 1000, DOLLAR)); // today's usage, ten times the tokens
    const after = await shown(app);
    // Today's 13 hours: 1000 input tokens at $3/M and the same 10 output tokens at $15/M.
    const today = (13 * (1000 * 3 + 10 * 15)) / 1e6;
    expect(after.spent).toBeCloseTo(24 + today, 6);
    expect(after.byModel.reduce((sum, m) => sum + m.usd, 0)).toBeCloseTo(24 + today, 6);
    expect(after.daily.find(([date]) => date === '2026-11-25')?.[1]).toBeCloseTo(today, 6);
    expect(after.daily.find(([date]) => date === '2026-11-24')?.[1]).toBeCloseTo(1, 6);
    expect(after).toEqual(await shown(service(home, now)));

    writer.commit(daySync('2026-11-24', 100, (2n * BigInt(DOLLAR)).toString())); // and yesterday's bill moves
    const again = await shown(app);
    expect(again.spent).toBeCloseTo(25 + today, 6);
    expect(again.byModel.reduce((sum, m) => sum + m.usd, 0)).toBeCloseTo(25 + today, 6);
    expect(again.daily.find(([date]) => date === '2026-11-24')?.[1]).toBeCloseTo(2, 6);
    expect(again).toEqual(await shown(service(home, now)));
  });
});
