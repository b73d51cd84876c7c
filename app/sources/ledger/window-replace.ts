/**
 * A sync's window replaced in place. The result is what "delete the window's rows, insert the
 * fetched ones" gives, but a stored row the fetch returned unchanged is left where it is: a poll
 * re-fetches yesterday and today, and most of those hours have not moved since the last poll, so
 * it writes (and stamps for the view) only what changed instead of two days of rows.
 */
import { allArrays, type DatabaseSync, type SqlRow } from './sqlite.ts';

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

function same(a: SqlRow, b: SqlRow): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

export function replaceWindow(db: DatabaseSync, w: WindowReplace): void {
  const fresh = new Map<string, SqlRow>();
  for (const values of w.rows) fresh.set(w.identity(values), values);
  const kept = new Set<string>();
  const remove = db.prepare(`DELETE FROM ${w.table} WHERE rowid = ?`);
  // The window's stored rows (a poll's two days: read at once, as arrays).
  for (const values of allArrays(db.prepare(`SELECT ${w.columns}, rowid FROM ${w.table} WHERE ${w.where}`), w.args)) {
    const rowid = values.pop() as number;
    const id = w.identity(values);
    const now = fresh.get(id);
    if (now && !kept.has(id) && same(now, values)) kept.add(id);
    else {
      remove.run(rowid);
      w.changed.add(w.dayOf(values));
    }
  }
  const insert = db.prepare(`INSERT INTO ${w.table} (${w.columns}) VALUES (${placeholders(w.columns)})`);
  for (const [id, values] of fresh) {
    if (kept.has(id)) continue;
    insert.run(...values);
    w.changed.add(w.dayOf(values));
  }
}
