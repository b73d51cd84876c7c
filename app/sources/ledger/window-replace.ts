/**
 * A sync's window replaced in place. The result is what "delete the window's rows, insert the
 * fetched ones" gives, but a stored row the fetch returned unchanged is left where it is: a poll
 * re-fetches yesterday and today, and most of those hours have not moved since the last poll, so
 * it writes (and stamps for the view) only what changed instead of two days of rows.
 */
import { allArrays, prepared, type DatabaseSync, type SqlRow } from './sqlite.ts';

export interface WindowReplace {
  readonly table: 'usage' | 'cost';
  /** The columns, in the order of each row's values. */
  readonly columns: string;
  /** The window, over the same columns (parameters in `args`). */
  readonly where: string;
  readonly args: ReadonlyArray<string | number>;
  /** The fetched rows' values, one array per row, in `columns` order. */
  readonly rows: readonly SqlRow[];
  /** What tells two buckets apart (two rows with one identity in a fetch: the last is kept). */
  readonly identity: (values: SqlRow) => string;
  /** The UTC day a row's values belong to. */
  readonly dayOf: (values: SqlRow) => string;
  /** Receives the days where a row was added, changed or removed. */
  readonly changed: Set<string>;
  /** This connection's copy of what it last wrote to each window (see WindowCache). */
  readonly cache?: WindowCache;
}

const placeholders = (columns: string) => columns.replace(/[a-z_0-9]+/g, '?');

/** Two rows' values are equal. */
function same(a: SqlRow, b: SqlRow): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A stored row of the window. Read back from SQLite it is the row as SQLite writes it in JSON: one
 * string per row instead of a string per text column (a poll reads two days of rows, most of them
 * only to find them equal). For integers and text that is what JSON.stringify makes of the same
 * values; where it is not (a REAL SQLite prints as 1234.0), the row is parsed and compared value by
 * value. Once a fetch has matched or written it, it is the values themselves, which compare without
 * building a string, and its identity is kept with it (a poll re-fetches the same rows every time).
 */
interface Stored {
  readonly rowid: number;
  values?: SqlRow;
  json?: string | undefined;
  id?: string;
}

const valuesOf = (s: Stored): SqlRow => s.values ?? (JSON.parse(s.json!) as SqlRow);

function equalsStored(values: SqlRow, s: Stored): boolean {
  if (s.values) return same(values, s.values);
  return s.json === JSON.stringify(values) || same(values, JSON.parse(s.json!) as SqlRow);
}

/** How many rows from the start equal the stored ones, each stored row matched taking the fetched values and identity. */
function equalPrefix(rows: readonly SqlRow[], stored: readonly Stored[]): number {
  let prefix = 0;
  while (prefix < rows.length && prefix < stored.length && equalsStored(rows[prefix]!, stored[prefix]!)) {
    const s = stored[prefix]!;
    if (!s.values) [s.values, s.json] = [rows[prefix]!, undefined];
    prefix++;
  }
  return prefix;
}

/**
 * The rows this connection last wrote to each window, as it wrote them. A poll re-fetches the same
 * window every few minutes, and reading it back from SQLite is most of a poll's cost; while no
 * other connection has committed since (PRAGMA data_version is unchanged, read inside the write
 * transaction: https://sqlite.org/pragma.html#pragma_data_version), the copy is what is stored.
 * A window written again drops the other windows of its table and source, which it may overlap.
 */
export class WindowCache {
  private readonly windows = new Map<string, { readonly table: string; readonly source: unknown; rows: Stored[] }>();
  private version: number | undefined;

  /** At the start of each write transaction: another connection's commit since empties the cache. */
  check(dataVersion: number): void {
    if (dataVersion !== this.version) this.windows.clear();
    this.version = dataVersion;
  }

  /** After a rolled-back transaction, or anything else that leaves the copies in doubt. */
  clear(): void {
    this.windows.clear();
    this.version = undefined;
  }

  get(key: string): Stored[] | undefined {
    return this.windows.get(key)?.rows;
  }

  set(key: string, table: string, source: unknown, rows: Stored[]): void {
    for (const [other, w] of this.windows)
      if (other !== key && w.table === table && w.source === source) this.windows.delete(other);
    this.windows.set(key, { table, source, rows });
  }
}

export function replaceWindow(db: DatabaseSync, w: WindowReplace): void {
  // The window's stored rows (a poll's two days: read at once), in the order they were written: a
  // re-fetch returns its rows in the same order, and what moved since the last poll (the latest
  // hours) was written last — so an equal prefix is matched without building any key.
  const key = `${w.table}|${w.where}|${JSON.stringify(w.args)}`;
  const stored =
    w.cache?.get(key) ??
    allArrays(prepared(db, `SELECT rowid, json_array(${w.columns}) FROM ${w.table} WHERE ${w.where} ORDER BY rowid`), w.args).map(
      (r): Stored => ({ rowid: r[0] as number, json: r[1] as string }),
    );
  let rows: readonly SqlRow[] = w.rows;
  let prefix = equalPrefix(rows, stored);
  // A row of the equal prefix has the stored row's identity, computed once and kept with it.
  let ids = rows.map((values, i) => (i < prefix ? (stored[i]!.id ??= w.identity(values)) : w.identity(values)));
  if (new Set(ids).size !== ids.length) {
    // One bucket twice in a fetch (a page overlap): the last of it is kept, in first-seen order.
    const fresh = new Map<string, SqlRow>();
    rows.forEach((values, i) => fresh.set(ids[i]!, values));
    [rows, ids] = [[...fresh.values()], [...fresh.keys()]];
    prefix = equalPrefix(rows, stored);
  }
  const rest = new Map<string, SqlRow>();
  for (let i = prefix; i < rows.length; i++) rest.set(ids[i]!, rows[i]!);
  // What the window holds afterwards, in rowid order: the rows kept, then the ones inserted.
  const kept: Stored[] = stored.slice(0, prefix);
  const remove = prepared(db, `DELETE FROM ${w.table} WHERE rowid = ?`);
  for (let i = prefix; i < stored.length; i++) {
    const s = stored[i]!;
    const id = (s.id ??= w.identity(valuesOf(s)));
    const now = rest.get(id);
    if (now && equalsStored(now, s)) {
      rest.delete(id);
      kept.push(s);
    } else {
      remove.run(s.rowid);
      w.changed.add(w.dayOf(valuesOf(s)));
    }
  }
  const insert = prepared(db, `INSERT INTO ${w.table} (${w.columns}) VALUES (${placeholders(w.columns)})`);
  for (const [id, values] of rest) {
    // A new rowid is above every row kept (SQLite picks max + 1), so appending keeps rowid order.
    const { lastInsertRowid } = insert.run(...values);
    kept.push({ rowid: Number(lastInsertRowid), values, id });
    w.changed.add(w.dayOf(values));
  }
  w.cache?.set(key, w.table, w.args[0], kept);
}
