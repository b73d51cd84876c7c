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
}

const placeholders = (columns: string) => columns.replace(/[a-z_0-9]+/g, '?');

/** The first `n` values of two rows are equal (a stored row carries its rowid after them). */
function same(a: SqlRow, b: SqlRow, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function replaceWindow(db: DatabaseSync, w: WindowReplace): void {
  const fresh = new Map<string, SqlRow>();
  for (const values of w.rows) fresh.set(w.identity(values), values); // the last of a bucket seen twice, in first-seen order
  const rows = [...fresh.values()];
  // The window's stored rows (a poll's two days: read at once, as arrays), in the order they were
  // written: a re-fetch returns its rows in the same order, and what moved since the last poll (the
  // latest hours) was written last — so an equal prefix is matched without building any key.
  const stored = allArrays(prepared(db, `SELECT ${w.columns}, rowid FROM ${w.table} WHERE ${w.where} ORDER BY rowid`), w.args);
  const width = rows[0]?.length ?? 0;
  let prefix = 0;
  while (prefix < rows.length && prefix < stored.length && same(rows[prefix]!, stored[prefix]!, width)) prefix++;
  const rest = new Map<string, SqlRow>();
  for (let i = prefix; i < rows.length; i++) rest.set(w.identity(rows[i]!), rows[i]!);
  const remove = prepared(db, `DELETE FROM ${w.table} WHERE rowid = ?`);
  for (let i = prefix; i < stored.length; i++) {
    const values = stored[i]!;
    const id = w.identity(values);
    const now = rest.get(id);
    if (now && same(now, values, width)) rest.delete(id);
    else {
      remove.run(values[values.length - 1]!);
      w.changed.add(w.dayOf(values));
    }
  }
  const insert = prepared(db, `INSERT INTO ${w.table} (${w.columns}) VALUES (${placeholders(w.columns)})`);
  for (const values of rest.values()) {
    insert.run(...values);
    w.changed.add(w.dayOf(values));
  }
}
