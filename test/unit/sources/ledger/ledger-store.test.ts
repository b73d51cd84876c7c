import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { daySync, ledgerHome, stored, totalInput } from './ledger-home.ts';

const DAY = 86_400_000;
const range = (from: string, to: string) => ({ from: Date.parse(from), to: Date.parse(to) });

describe('the SQLite ledger', () => {
  it('lives in ledger.db under the home and survives a restart', () => {
    const home = ledgerHome();
    Ledger.open(home).commit(daySync('2026-11-01'));
    expect(existsSync(join(home, 'ledger.db'))).toBe(true);
    const reopened = Ledger.open(home);
    expect(reopened.problem).toBeUndefined();
    expect(reopened.usage('anthropic')).toHaveLength(24);
    expect(reopened.costs('anthropic').map((c) => c.femto)).toEqual(['1000']);
  });

  it('re-fetching a window replaces it: nothing counted twice, nothing outside the window touched', () => {
    const ledger = Ledger.open(ledgerHome());
    ledger.commit(daySync('2026-11-01', 100));
    ledger.commit(daySync('2026-11-02', 100));
    ledger.commit(daySync('2026-11-02', 7, '5'));
    ledger.commit(daySync('2026-11-02', 7, '5'));
    expect(totalInput(ledger.usage('anthropic', range('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')))).toBe(2400);
    expect(totalInput(ledger.usage('anthropic', range('2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z')))).toBe(24 * 7);
    expect(ledger.costs('anthropic').map((c) => `${c.day}=${c.femto}`)).toEqual(['2026-11-01=1000', '2026-11-02=5']);
  });

  it('a page overlap (the same bucket twice in one fetch) is stored once', () => {
    const ledger = Ledger.open(ledgerHome());
    const change = daySync('2026-11-01');
    const rows = change.usage![0]!.rows;
    ledger.commit({ ...change, usage: [{ ...change.usage![0]!, rows: [...rows, { ...rows[0]!, inputTokens: 5 }] }] });
    expect(ledger.usage('anthropic')).toHaveLength(24);
    expect(totalInput(ledger.usage('anthropic'))).toBe(23 * 100 + 5);
  });

  it('keeps "default workspace" (null) apart from "no workspaces" (absent), and every optional field', () => {
    const ledger = Ledger.open(ledgerHome());
    const rows = [
      stored('2026-11-01T00:00:00Z', {
        workspace: null,
        serviceTier: 'batch',
        contextWindow: '200k-1M',
        inferenceGeo: 'us',
        speed: 'fast',
      }),
      stored('2026-11-01T01:00:00Z', { workspace: 'wrkspc_1' }),
      stored('2026-11-01T02:00:00Z'),
    ];
    ledger.commit({ source: 'anthropic', usage: [{ from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z', rows }] });
    const back = Ledger.open(ledger.path.replace(/ledger\.db$/, '')).usage('anthropic');
    expect(back).toStrictEqual(rows.map((r) => ({ ...r })));
    expect('workspace' in back[2]!).toBe(false);
    expect(back[0]!.workspace).toBeNull();
  });

  it('reads by source and time range, not the whole history', () => {
    const ledger = Ledger.open(ledgerHome());
    for (let d = Date.UTC(2025, 0, 1); d < Date.UTC(2025, 2, 1); d += DAY)
      ledger.commit(daySync(new Date(d).toISOString().slice(0, 10)));
    ledger.commit({ ...daySync('2025-01-15'), source: 'openai', usage: [], costs: [] });
    const feb = range('2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z');
    expect(ledger.usage('anthropic', feb)).toHaveLength(28 * 24);
    expect(ledger.usage('anthropic', feb).every((r) => r.start >= '2025-02-01')).toBe(true);
    expect(ledger.costs('anthropic', feb).map((c) => c.day)).toHaveLength(28);
    expect(ledger.usage('openai', feb)).toEqual([]);
    expect(ledger.firstDay()).toBe('2025-01-01');
  });

  it('merges each sync mark field by field, so a sync may add its own fields', () => {
    const ledger = Ledger.open(ledgerHome());
    ledger.commit({ source: 'anthropic', sync: { closedBefore: '2026-11-01', cursor: 'page-3' } as never });
    ledger.commit({ source: 'anthropic', sync: { closedBefore: '2026-11-02' } });
    expect(ledger.syncMark('anthropic')).toEqual({ closedBefore: '2026-11-02', cursor: 'page-3' });
    expect(ledger.syncMark('openai')).toEqual({});
  });

  it('a reader sees what another connection (the app beside the CLI) committed since its last read', () => {
    const home = ledgerHome();
    const app = Ledger.open(home);
    const cli = Ledger.open(home);
    app.commit(daySync('2026-11-01'));
    expect(cli.usage('anthropic')).toHaveLength(24);
    expect(app.usage('anthropic')).toHaveLength(24);
    cli.commit(daySync('2026-11-02'));
    expect(app.usage('anthropic')).toHaveLength(48);
    app.commit(daySync('2026-11-02', 1, '9'));
    expect(totalInput(cli.usage('anthropic'))).toBe(2400 + 24);
    expect(app.costs('anthropic').map((c) => c.femto)).toEqual(['1000', '9']);
  });
});
