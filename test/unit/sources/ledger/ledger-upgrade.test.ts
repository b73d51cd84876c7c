import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { asOldSchema, daySync, ledgerHome } from './ledger-home.ts';

describe('a ledger from the previous schema', () => {
  it('is upgraded in place on open: its rows are kept, and bill lines keep their quantity from then on', () => {
    const home = ledgerHome();
    Ledger.open(home).commit(daySync('2026-11-01'));
    // Make it what Spendbar's first SQLite ledger wrote: schema 1, bill lines without quantity.
    asOldSchema(home, 1);

    const ledger = Ledger.open(home);
    expect(ledger.problem).toBeUndefined();
    expect(ledger.costs('anthropic').map((c) => [c.day, c.femto, c.quantity])).toEqual([['2026-11-01', '1000', undefined]]);
    const line = {
      source: 'openai',
      day: '2026-11-02',
      model: 'gpt-5',
      description: 'gpt-5, input',
      workspace: null,
      line: 'gpt-5, input',
    };
    ledger.commit({
      source: 'openai',
      costs: [
        {
          fromDay: '2026-11-02',
          toDay: '2026-11-03',
          rows: [{ ...line, femto: '125000000000000', quantity: 100_000, quantityUnit: 'tokens' }],
        },
      ],
    });
    expect(Ledger.open(home).costs('openai')).toMatchObject([{ quantity: 100_000, quantityUnit: 'tokens' }]);
  });

  it('from schema 2 keeps its rows (listed as not by key) and stores API key ids from then on', () => {
    const home = ledgerHome();
    Ledger.open(home).commit(daySync('2026-11-01'));
    asOldSchema(home, 2);

    const ledger = Ledger.open(home);
    expect(ledger.problem).toBeUndefined();
    const before = ledger.usage('anthropic');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => !('apiKey' in r))).toBe(true);
    const row = { ...before[0]!, start: '2026-11-02T00:00:00.000Z' };
    ledger.commit({
      source: 'anthropic',
      usage: [
        {
          from: '2026-11-02T00:00:00.000Z',
          to: '2026-11-03T00:00:00.000Z',
          // One key, and Workbench usage (no key): an explicit null, not "not recorded".
          rows: [
            { ...row, apiKey: 'apikey_01Test' },
            { ...row, apiKey: null },
          ],
        },
      ],
      costs: [
        {
          fromDay: '2026-11-02',
          toDay: '2026-11-03',
          rows: [
            {
              source: 'anthropic',
              day: '2026-11-02',
              model: null,
              description: null,
              workspace: null,
              line: 'a',
              femto: '5',
              apiKey: 'key_A',
            },
            {
              source: 'anthropic',
              day: '2026-11-02',
              model: null,
              description: null,
              workspace: null,
              line: 'a',
              femto: '7',
              apiKey: null,
            },
          ],
        },
      ],
    });
    const reopened = Ledger.open(home);
    const after = reopened.usage('anthropic').filter((r) => r.start.startsWith('2026-11-02'));
    expect(after.map((r) => r.apiKey)).toEqual(['apikey_01Test', null]);
    expect(reopened.costs('anthropic').map((c) => c.apiKey)).toEqual([undefined, 'key_A', null]);
  });
});

describe('a schema-2 ledger', () => {
  it('gains the day stamps on open, rows kept, and commits stamp the days they rewrite from then on', () => {
    const home = ledgerHome();
    Ledger.open(home).commit(daySync('2026-11-01'));
    asOldSchema(home, 2);

    const ledger = Ledger.open(home);
    expect(ledger.problem).toBeUndefined();
    expect(ledger.usage('anthropic')).toHaveLength(24);
    expect(ledger.dayStamps('anthropic', '2026-11-01', '2026-11-02').size).toBe(0); // not rewritten since
    ledger.commit(daySync('2026-11-02'));
    expect([...ledger.dayStamps('anthropic', '2026-11-01', '2026-11-02').keys()]).toEqual(['2026-11-02']);
  });
});
