/**
 * The first start after the JSON ledger: ledger.json is imported in one transaction, then renamed
 * ledger.json.migrated. A file that cannot be read or parsed is left exactly as it was and the
 * problem says so. The import is recorded inside the same transaction, so a crash between the
 * commit and the rename (or a second process) never imports the same rows twice.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { LEDGER_FILE, parseLedger } from './ledger-format.ts';
import { COST_COLUMNS, costValues, USAGE_COLUMNS, usageValues } from './ledger-rows.ts';
import type { DatabaseSync } from './sqlite.ts';

const IMPORTED = 'imported-ledger-json';

/** Imports ledger.json if there is one; returns a problem to show, or undefined. */
export function importJsonLedger(db: DatabaseSync, home: string, now: Date): string | undefined {
  const path = join(home, LEDGER_FILE);
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `The old ledger ${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); it was left as it is and history will be fetched again from the sources.`;
  }
  const doc = parseLedger(text);
  if (typeof doc === 'string')
    return `The old ledger ${path} could not be imported (${doc}); it was left as it is and history will be fetched again from the sources.`;
  try {
    db.exec('BEGIN IMMEDIATE');
    const done = db.prepare('SELECT value FROM meta WHERE key = ?').get(IMPORTED);
    if (!done) {
      const usage = db.prepare(`INSERT INTO usage (${USAGE_COLUMNS}) VALUES (${USAGE_COLUMNS.replace(/[a-z_0-9]+/g, '?')})`);
      for (const row of doc.usage) usage.run(...usageValues(row));
      const cost = db.prepare(`INSERT INTO cost (${COST_COLUMNS}) VALUES (${COST_COLUMNS.replace(/[a-z_0-9]+/g, '?')})`);
      for (const row of doc.costs) cost.run(...costValues(row));
      const mark = db.prepare(
        'INSERT INTO sync_mark (source, mark) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET mark = excluded.mark',
      );
      for (const [source, value] of Object.entries(doc.sync)) mark.run(source, JSON.stringify(value));
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(IMPORTED, now.toISOString());
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    return `The old ledger ${path} could not be imported (${(error as Error).message}); nothing was imported, it was left as it is, and the import is tried again at the next start.`;
  }
  try {
    renameSync(path, `${path}.migrated`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return `The old ledger ${path} was imported but could not be renamed (${(error as NodeJS.ErrnoException).code}); it will not be imported again.`;
  }
  return undefined;
}
