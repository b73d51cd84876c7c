/**
 * The normalized history on disk, in SQLite (ledger.db): usage rows and billed-cost rows per source,
 * and each source's sync mark. A sync replaces the windows it fetched in one transaction (so
 * re-fetching a bucket never counts it twice, and two processes never drop each other's rows);
 * reads are range queries by source and time, never the whole history.
 */
import type { SourceId } from '../../engine/usage-row.ts';
import { SourceError } from '../source-status.ts';
import type { BilledCost, StoredUsage } from '../billed-cost.ts';
import { importJsonLedger } from './json-import.ts';
import type { SyncMark } from './ledger-format.ts';
import { fixFor, openLedgerDatabase } from './ledger-open.ts';
import {
  COST_COLUMNS,
  costFromRecord,
  costIdentity,
  costValues,
  USAGE_COLUMNS,
  usageFromColumns,
  usageIdentity,
  usageValues,
} from './ledger-rows.ts';
import { arrays, prepared, type DatabaseSync } from './sqlite.ts';
import { replaceWindow, WindowCache } from './window-replace.ts';
import { dirname } from 'node:path';

export type { SyncMark } from './ledger-format.ts';

/** What one successful sync of a source changes. Windows are [from, to) in ISO time / UTC days. */
export interface LedgerChange {
  readonly source: SourceId;
  readonly usage?: ReadonlyArray<{ readonly from: string; readonly to: string; readonly rows: readonly StoredUsage[] }>;
  readonly costs?: ReadonlyArray<{ readonly fromDay: string; readonly toDay: string; readonly rows: readonly BilledCost[] }>;
  /** Merged field by field into the stored mark. */
  readonly sync?: SyncMark;
}

/** A time range [from, to) in epoch ms. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const ALL: TimeRange = { from: -8.64e15, to: 8.64e15 };

export class Ledger {
  private commits = 0;
  /** What this connection last wrote to each sync window: a poll compares with it instead of reading it back. */
  private readonly windows = new WindowCache();

  private constructor(
    private readonly db: DatabaseSync,
    readonly path: string,
    /** Set when something about the stored ledger needs the user's attention (moved aside, unusable, not imported). */
    readonly problem: string | undefined,
    /** False when this session's data is kept in memory only (see problem). */
    readonly persistent: boolean,
  ) {}

  static open(home: string, now: () => Date = () => new Date()): Ledger {
    const opened = openLedgerDatabase(home, now);
    const imported = opened.persistent ? importJsonLedger(opened.db, home, now()) : undefined;
    const problem = [opened.problem, imported].filter(Boolean).join(' ') || undefined;
    return new Ledger(opened.db, opened.path, problem, opened.persistent);
  }

  /**
   * One source's usage rows (or every source's) whose bucket starts in the range; all of them without
   * one. Read row by row as arrays: node:sqlite builds an object per row otherwise, three times slower
   * and as much garbage again as the rows themselves.
   */
  usage(source?: SourceId, range: TimeRange = ALL): StoredUsage[] {
    const where = source ? 'source = ? AND start >= ? AND start < ?' : 'start >= ? AND start < ?';
    const args = source ? [source, range.from, range.to] : [range.from, range.to];
    const rows: StoredUsage[] = [];
    for (const columns of arrays(prepared(this.db, `SELECT ${USAGE_COLUMNS} FROM usage WHERE ${where} ORDER BY start`), args))
      rows.push(usageFromColumns(columns));
    return rows;
  }

  /**
   * Changes whenever the stored rows may have: a commit of ours, or of another process on the same
   * file (PRAGMA data_version, https://sqlite.org/pragma.html#pragma_data_version). Readers keep
   * what they derived from the rows while it stays the same.
   */
  changeStamp(): string {
    return `${this.dataVersion()}|${this.commits}`;
  }

  /** Moves when another connection commits to the file, never for this connection's own commits. */
  private dataVersion(): number {
    return (prepared(this.db, 'PRAGMA data_version').get() as { data_version: number }).data_version;
  }

  /** The workspaces (Anthropic) or projects (OpenAI) a source's usage names, without reading its rows. */
  workspaces(source: SourceId): string[] {
    const rows = prepared(
      this.db,
      'SELECT DISTINCT workspace FROM usage WHERE source = ? AND workspace IS NOT NULL ORDER BY workspace',
    ).all(source) as Array<{ workspace: string }>;
    return rows.map((r) => r.workspace);
  }

  /** One source's billed-cost rows (or every source's) for the UTC days the range touches. */
  costs(source?: SourceId, range: TimeRange = ALL): BilledCost[] {
    const from = range === ALL ? '' : dayOf(range.from);
    const to = range === ALL ? '~' : dayOf(range.to - 1);
    const where = source ? 'source = ? AND day >= ? AND day <= ?' : 'day >= ? AND day <= ?';
    const args = source ? [source, from, to] : [from, to];
    const rows = prepared(this.db, `SELECT ${COST_COLUMNS} FROM cost WHERE ${where} ORDER BY day`).all(...args);
    return rows.map((r) => costFromRecord(r as never));
  }

  /** The first UTC day the ledger holds anything for, or undefined when it is empty. */
  firstDay(): string | undefined {
    const usage = prepared(this.db, 'SELECT MIN(start) AS t FROM usage').get() as { t: number | null };
    const cost = prepared(this.db, 'SELECT MIN(day) AS d FROM cost').get() as { d: string | null };
    const days = [usage.t === null ? undefined : dayOf(usage.t), cost.d ?? undefined].filter((d): d is string => !!d);
    return days.sort()[0];
  }

  syncMark(source: SourceId): SyncMark {
    const row = prepared(this.db, 'SELECT mark FROM sync_mark WHERE source = ?').get(source) as { mark: string } | undefined;
    return row ? (JSON.parse(row.mark) as SyncMark) : {};
  }

  /**
   * Applies one sync's result in one transaction. On any error (disk full, read-only folder) the
   * transaction is rolled back, everything committed before stays, and the error says what to do.
   */
  commit(change: LedgerChange): void {
    const db = this.db;
    try {
      db.exec('BEGIN IMMEDIATE');
      // Inside the write lock: whether another connection committed since this one last wrote.
      this.windows.check(this.dataVersion());
      const changed = new Set<string>();
      for (const window of change.usage ?? [])
        replaceWindow(db, {
          table: 'usage',
          columns: USAGE_COLUMNS,
          where: 'source = ? AND start >= ? AND start < ?',
          args: [change.source, Date.parse(window.from), Date.parse(window.to)],
          rows: window.rows.map(usageValues),
          identity: usageIdentity,
          dayOf: (values) => dayOf(values[1] as number),
          changed,
          cache: this.windows,
        });
      for (const window of change.costs ?? [])
        replaceWindow(db, {
          table: 'cost',
          columns: COST_COLUMNS,
          where: 'source = ? AND day >= ? AND day < ?',
          args: [change.source, window.fromDay, window.toDay],
          rows: window.rows.map(costValues),
          identity: costIdentity,
          dayOf: (values) => values[1] as string,
          changed,
          cache: this.windows,
        });
      this.stampDays(change.source, changed);
      if (change.sync) {
        const merged = { ...this.syncMark(change.source), ...change.sync };
        prepared(
          db,
          'INSERT INTO sync_mark (source, mark) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET mark = excluded.mark',
        ).run(change.source, JSON.stringify(merged));
      }
      db.exec('COMMIT');
      this.commits++;
    } catch (error) {
      this.commits++; // whatever happened, read afresh
      this.windows.clear();
      try {
        if (db.isTransaction) db.exec('ROLLBACK');
      } catch {
        // SQLite already rolled back (it does on SQLITE_FULL and I/O errors)
      }
      throw new SourceError({
        kind: 'bad-response',
        message: `The new data could not be saved to the ledger (${(error as Error).message}); everything saved before is kept. To fix: ${fixFor(error, dirname(this.path))}`,
      });
    }
  }

  /** Marks the UTC days whose rows a commit changed with one new stamp (inside the commit's transaction). */
  private stampDays(source: SourceId, days: ReadonlySet<string>): void {
    if (days.size === 0) return;
    const { stamp } = prepared(this.db, 'SELECT coalesce(max(stamp), 0) + 1 AS stamp FROM day_stamp').get() as { stamp: number };
    const set = prepared(
      this.db,
      'INSERT INTO day_stamp (source, day, stamp) VALUES (?, ?, ?) ON CONFLICT (source, day) DO UPDATE SET stamp = excluded.stamp',
    );
    for (const day of days) set.run(source, day, stamp);
  }

  /** Each UTC day's stamp in [fromDay, toDay] (inclusive) that has one: what changed since a reader last looked. */
  dayStamps(source: SourceId, fromDay: string, toDay: string): Map<string, number> {
    const stamps = new Map<string, number>();
    // A schema-2 file opened read-only (never upgraded) has no stamps: and nothing can change it either.
    if (!prepared(this.db, "SELECT 1 FROM sqlite_master WHERE name = 'day_stamp'").get()) return stamps;
    for (const [day, stamp] of arrays(
      prepared(this.db, 'SELECT day, stamp FROM day_stamp WHERE source = ? AND day >= ? AND day <= ?'),
      [source, fromDay, toDay],
    ))
      stamps.set(day as string, stamp as number);
    return stamps;
  }

  /** Another part's saved state (a named blob), kept with the ledger. */
  loadState(name: string): Uint8Array | undefined {
    const row = prepared(this.db, 'SELECT value FROM saved_state WHERE name = ?').get(name) as { value: Uint8Array } | undefined;
    return row?.value;
  }

  saveState(name: string, value: Uint8Array): void {
    prepared(
      this.db,
      'INSERT INTO saved_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ).run(name, value);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
