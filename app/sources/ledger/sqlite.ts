/**
 * node:sqlite, loaded without its one ExperimentalWarning. Node 22 (and Electron 45's Node) print
 * "SQLite is an experimental feature" on first load; the CLI's output and the app's log must not
 * carry it, so exactly that warning is dropped while the module loads and every other warning passes.
 * The module is fetched with process.getBuiltinModule (Node >= 22.3), so no static import runs first.
 */
import type * as NodeSqlite from 'node:sqlite';
import type { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';

type Sqlite = typeof NodeSqlite;
let loaded: Sqlite | undefined;

function isSqliteWarning(warning: unknown, type: unknown): boolean {
  const name = warning instanceof Error ? warning.name : typeof type === 'string' ? type : '';
  const text = warning instanceof Error ? warning.message : String(warning);
  return name === 'ExperimentalWarning' && /SQLite/i.test(text);
}

function sqlite(): Sqlite {
  if (loaded) return loaded;
  const emitWarning = process.emitWarning;
  process.emitWarning = function filtered(this: NodeJS.Process, warning: unknown, ...rest: unknown[]) {
    const type = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { type?: unknown }).type : rest[0];
    if (isSqliteWarning(warning, type)) return;
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    loaded = process.getBuiltinModule('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
  return loaded;
}

export type { DatabaseSync };

export function openDatabase(path: string): DatabaseSync {
  return new (sqlite().DatabaseSync)(path);
}

/**
 * Opens a database on a read-only folder or disk, where SQLite cannot create the WAL's shared-memory
 * file: `immutable=1` tells it nothing else writes the file (https://sqlite.org/uri.html#uriimmutable).
 */
export function openDatabaseReadOnly(path: string): DatabaseSync {
  return new (sqlite().DatabaseSync)(`${pathToFileURL(path).href}?immutable=1`, { readOnly: true });
}

/** SQLite's primary result code of an error from node:sqlite (SQLITE_FULL is 13, …), or undefined. */
export function sqliteCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

export const SQLITE = { PERM: 3, BUSY: 5, READONLY: 8, IOERR: 10, CORRUPT: 11, FULL: 13, CANTOPEN: 14, NOTADB: 26 } as const;

type Statement = ReturnType<DatabaseSync['prepare']>;
export type SqlRow = Array<string | number | null>;

/**
 * A statement's rows as arrays, one at a time: node:sqlite otherwise builds an object per row, three
 * times slower and as much garbage again as the rows. setReturnArrays is Node >= 22.16; before it,
 * the objects are turned into arrays.
 */
export function* arrays(statement: Statement, args: ReadonlyArray<string | number | null>): Generator<SqlRow> {
  const withArrays = statement as Statement & { setReturnArrays?: (on: boolean) => void };
  if (typeof withArrays.setReturnArrays === 'function') {
    withArrays.setReturnArrays(true);
    yield* statement.iterate(...args) as Iterable<unknown> as Iterable<SqlRow>;
  } else for (const record of statement.iterate(...args)) yield Object.values(record as object) as SqlRow;
}

/** All of a statement's rows as arrays, in one call (for small results: one window of a poll). */
export function allArrays(statement: Statement, args: ReadonlyArray<string | number | null>): SqlRow[] {
  const withArrays = statement as Statement & { setReturnArrays?: (on: boolean) => void };
  if (typeof withArrays.setReturnArrays !== 'function') return statement.all(...args).map((r) => Object.values(r) as SqlRow);
  withArrays.setReturnArrays(true);
  return statement.all(...args) as unknown as SqlRow[];
}

const statements = new WeakMap<DatabaseSync, Map<string, Statement>>();

/** A statement compiled once per connection: a poll and a view run the same few queries every time. */
export function prepared(db: DatabaseSync, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
