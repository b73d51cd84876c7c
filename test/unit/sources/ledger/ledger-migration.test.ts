import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../../app/sources/ledger/ledger.ts';
import { cost, ledgerHome, stored, totalInput } from './ledger-home.ts';

/** A ledger.json as the previous Spendbar wrote it (schema 1). */
function writeJsonLedger(home: string): string {
  const usage = Array.from({ length: 48 }, (_, h) =>
    stored(new Date(Date.UTC(2026, 9, 1) + h * 3_600_000).toISOString().replace('.000', ''), {
      inputTokens: 10,
      workspace: null,
    }),
  );
  const doc = {
    schemaVersion: 1,
    usage,
    costs: [cost('2026-10-01', '123456789'), cost('2026-10-02', '987654321')],
    sync: { anthropic: { closedBefore: '2026-10-02' } },
  };
  const path = join(home, 'ledger.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('moving from ledger.json', () => {
  it('imports every row and the sync mark on first start, then renames the file ledger.json.migrated', () => {
    const home = ledgerHome();
    const json = writeJsonLedger(home);
    const ledger = Ledger.open(home);
    expect(ledger.problem).toBeUndefined();
    expect(totalInput(ledger.usage('anthropic'))).toBe(480);
    expect(ledger.usage('anthropic')[0]!.workspace).toBeNull();
    expect(ledger.costs('anthropic').map((c) => c.femto)).toEqual(['123456789', '987654321']);
    expect(ledger.syncMark('anthropic')).toEqual({ closedBefore: '2026-10-02' });
    expect(existsSync(json)).toBe(false);
    expect(existsSync(`${json}.migrated`)).toBe(true);
  });

  it('never imports twice, even when the rename did not happen (a crash right after the import)', () => {
    const home = ledgerHome();
    const json = writeJsonLedger(home);
    Ledger.open(home).close();
    copyFileSync(`${json}.migrated`, json);
    const again = Ledger.open(home);
    expect(totalInput(again.usage('anthropic'))).toBe(480);
    expect(again.costs('anthropic')).toHaveLength(2);
    expect(existsSync(json)).toBe(false);
  });

  it('a ledger.json that cannot be imported is left exactly as it was, and the problem says so', () => {
    const home = ledgerHome();
    const json = join(home, 'ledger.json');
    const broken = '{"schemaVersion":1,"usage":[{"start":"garbage"';
    writeFileSync(json, broken);
    const ledger = Ledger.open(home);
    expect(ledger.problem).toMatch(/ledger\.json could not be imported \(it is not valid JSON\); it was left as it is/);
    expect(readFileSync(json, 'utf8')).toBe(broken);
    expect(existsSync(`${json}.migrated`)).toBe(false);
    expect(ledger.usage()).toEqual([]);
  });

  it('a ledger.json from a newer Spendbar is not taken for a corrupt one: left as it was, and said so', () => {
    const home = ledgerHome();
    const json = join(home, 'ledger.json');
    const newer = JSON.stringify({ schemaVersion: 2, usage: [], costs: [], sync: {}, extra: true });
    writeFileSync(json, newer);
    const ledger = Ledger.open(home);
    expect(ledger.problem).toMatch(/could not be imported \(its schema version is 2, expected 1\); it was left as it is/);
    expect(readFileSync(json, 'utf8')).toBe(newer);
  });
});
