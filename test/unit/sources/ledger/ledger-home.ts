/** Shared builders for the ledger tests: a temp home, stored rows, and a change for one day. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BilledCost, StoredUsage } from '../../../../app/sources/billed-cost.ts';
import type { LedgerChange } from '../../../../app/sources/ledger/ledger.ts';
import { openDatabase } from '../../../../app/sources/ledger/sqlite.ts';

export const ledgerHome = () => mkdtempSync(join(tmpdir(), 'spendbar-ledger-'));

export function stored(start: string, overrides: Partial<StoredUsage> = {}): StoredUsage {
  return {
    start,
    width: '1h',
    source: 'anthropic',
    model: 'claude-sonnet-4-5',
    inputTokens: 100,
    outputTokens: 10,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    cacheReadTokens: 0,
    webSearchRequests: 0,
    ...overrides,
  };
}

export function cost(day: string, femto: string, overrides: Partial<BilledCost> = {}): BilledCost {
  return {
    source: 'anthropic',
    day,
    model: 'claude-sonnet-4-5',
    description: null,
    workspace: null,
    line: 'input',
    femto,
    ...overrides,
  };
}

/** One day's sync: 24 hourly rows of `tokens` input tokens and one bill line. */
export function daySync(day: string, tokens = 100, femto = '1000'): LedgerChange {
  const rows = Array.from({ length: 24 }, (_, h) =>
    stored(`${day}T${String(h).padStart(2, '0')}:00:00Z`, { inputTokens: tokens }),
  );
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
  return {
    source: 'anthropic',
    usage: [{ from: `${day}T00:00:00.000Z`, to: next, rows }],
    costs: [{ fromDay: day, toDay: next.slice(0, 10), rows: [cost(day, femto)] }],
    sync: { closedBefore: day },
  };
}

export const totalInput = (rows: readonly StoredUsage[]) => rows.reduce((sum, r) => sum + r.inputTokens, 0);

/**
 * Turns the ledger in `home` into what an older Spendbar wrote: schema 2 had no API key columns
 * and no day stamps; schema 1 also had no quantity on bill lines.
 */
export function asOldSchema(home: string, version: 1 | 2): void {
  const db = openDatabase(join(home, 'ledger.db'));
  db.exec('DROP TABLE day_stamp');
  db.exec('ALTER TABLE usage DROP COLUMN api_key');
  db.exec('ALTER TABLE cost DROP COLUMN api_key');
  if (version === 1) {
    db.exec('ALTER TABLE cost DROP COLUMN quantity_unit');
    db.exec('ALTER TABLE cost DROP COLUMN quantity');
  }
  db.exec(`PRAGMA user_version = ${version}`);
  db.close();
}
