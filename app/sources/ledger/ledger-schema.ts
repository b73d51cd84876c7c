/**
 * The ledger database's tables. The schema version lives in PRAGMA user_version: a file with a
 * higher number was written by a newer Spendbar and is never opened for writing (no downgrade).
 * Indexes serve the two queries every poll and view makes: one source's rows in a time range.
 */
import type { DatabaseSync } from './sqlite.ts';

export const LEDGER_DB_FILE = 'ledger.db';
/**
 * 2: cost rows keep the provider's quantity and its unit (billed rate = dollars ÷ quantity).
 * 3: usage and cost rows keep the API key id (an id such as apikey_01…, never a key's value);
 *    day_stamp, which UTC days a commit rewrote (readers keep what they derived from other days).
 */
export const SCHEMA_VERSION = 3;
/** "SPND": tells our file from another program's SQLite database (https://sqlite.org/pragma.html#pragma_application_id). */
export const APPLICATION_ID = 0x53504e44;

/**
 * Per source and UTC day, the number of the last commit that rewrote it (usage or bill): a view
 * re-prices only the days whose stamp moved since it last priced them. A day without a stamp has
 * not been rewritten since schema 3 (stamp 0). Every writer is schema 3 or refuses the file.
 */
const DAY_STAMP = `
CREATE TABLE IF NOT EXISTS day_stamp (
  source TEXT NOT NULL, day TEXT NOT NULL, stamp INTEGER NOT NULL, PRIMARY KEY (source, day)
) WITHOUT ROWID;
`;

/**
 * quantity, quantity_unit (schema 2): OpenAI's quantity of a bill line (tokens, 1000_tokens, …), when it says.
 * api_key (schema 3) is the provider's API key id, an id such as apikey_01…, never a key's value.
 * In usage an explicit null (Workbench usage, no key) is marked in `nulls`; in cost an empty string
 * is a line with no key and NULL a bill not grouped by key. (No SQL comment at the end of the line
 * before it: SQLite cuts a dropped column out of the stored CREATE text from the comma on, and a
 * comment left there would swallow the closing parenthesis.)
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS usage (
  source TEXT NOT NULL,
  start INTEGER NOT NULL,        -- bucket start, epoch ms (what windows and queries compare)
  start_iso TEXT NOT NULL,       -- the bucket start exactly as the provider wrote it
  width TEXT NOT NULL,
  model TEXT NOT NULL,
  service_tier TEXT, context_window TEXT, inference_geo TEXT, speed TEXT, workspace TEXT,
  nulls INTEGER NOT NULL DEFAULT 0, -- which of the optional fields were an explicit null, not absent
  input INTEGER NOT NULL, output INTEGER NOT NULL, cache_write_5m INTEGER NOT NULL,
  cache_write_1h INTEGER NOT NULL, cache_read INTEGER NOT NULL, web_search INTEGER NOT NULL,
  api_key TEXT
);
CREATE INDEX IF NOT EXISTS usage_by_source_start ON usage (source, start);
CREATE TABLE IF NOT EXISTS cost (
  source TEXT NOT NULL,
  day TEXT NOT NULL,             -- UTC day, YYYY-MM-DD
  model TEXT, description TEXT, workspace TEXT,
  line TEXT NOT NULL,
  femto TEXT NOT NULL,           -- exact femtodollars as a decimal string (beyond 64-bit over a year)
  quantity REAL, quantity_unit TEXT,
  api_key TEXT
);
CREATE INDEX IF NOT EXISTS cost_by_source_day ON cost (source, day);
-- One JSON object per source: fields are merged, so a sync may add marks without a schema change.
CREATE TABLE IF NOT EXISTS sync_mark (source TEXT PRIMARY KEY, mark TEXT NOT NULL);
-- Facts about the file itself (e.g. that ledger.json was imported), and saved state of other parts.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS saved_state (name TEXT PRIMARY KEY, value BLOB NOT NULL);
${DAY_STAMP}`;

export function schemaVersionOf(db: DatabaseSync): { version: number; applicationId: number } {
  const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  const applicationId = Number((db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id);
  return { version, applicationId };
}

function hasColumn(db: DatabaseSync, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === column);
}

/** Creates the tables in a new file; two processes creating it at once both end with one schema. */
export function createSchema(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const { version } = schemaVersionOf(db);
    if (version === 0) {
      db.exec(TABLES);
      db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    } else if (version < SCHEMA_VERSION) {
      // Upgrade in place, in the same transaction: rows stored before simply have no quantity (v1)
      // and no key (v2): "By key" lists them as not broken down by key; no day is stamped yet.
      if (version < 2) {
        db.exec('ALTER TABLE cost ADD COLUMN quantity REAL');
        db.exec('ALTER TABLE cost ADD COLUMN quantity_unit TEXT');
      }
      // A file may have one half of schema 3 already (the API key columns came first): add what is missing.
      for (const table of ['usage', 'cost'])
        if (!hasColumn(db, table, 'api_key')) db.exec(`ALTER TABLE ${table} ADD COLUMN api_key TEXT`);
      db.exec(DAY_STAMP);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
