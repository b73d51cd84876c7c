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
  costKey,
  costValues,
  unique,
  USAGE_COLUMNS,
  usageFromRecord,
  usageKey,
  usageValues,
} from './ledger-rows.ts';
import type { DatabaseSync } from './sqlite.ts';
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

const placeholders = (columns: string) => columns.replace(/[a-z_0-9]+/g, '?');
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const ALL: TimeRange = { from: -8.64e15, to: 8.64e15 };

export class Ledger {
  private readonly cache = new Map<string, { version: string; value: unknown }>();
  private commits = 0;

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

  /** One source's usage rows (or every source's) whose bucket starts in the range; all of them without one. */
  usage(source?: SourceId, range: TimeRange = ALL): readonly StoredUsage[] {
    return this.cached(`u|${source ?? ''}|${range.from}|${range.to}`, () => {
      const where = source ? 'source = ? AND start >= ? AND start < ?' : 'start >= ? AND start < ?';
      const args = source ? [source, range.from, range.to] : [range.from, range.to];
      const rows = this.db.prepare(`SELECT ${USAGE_COLUMNS} FROM usage WHERE ${where} ORDER BY start`).all(...args);
      return rows.map((r) => usageFromRecord(r as never));
    });
  }

  /**
   * The last read of a query, while nothing changed: every view asks for the same period, and
   * rows change only on a commit, ours (counted here) or another process's (PRAGMA data_version,
   * https://sqlite.org/pragma.html#pragma_data_version). One entry per query, the latest only.
   */
  private cached<T>(key: string, read: () => T): T {
    const version = `${(this.db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version}|${this.commits}`;
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = read();
    if (this.cache.size > 8) this.cache.clear();
    this.cache.set(key, { version, value });
    return value;
  }

  /** One source's billed-cost rows (or every source's) for the UTC days the range touches. */
  costs(source?: SourceId, range: TimeRange = ALL): readonly BilledCost[] {
    return this.cached(`c|${source ?? ''}|${range.from}|${range.to}`, () => this.readCosts(source, range));
  }

  private readCosts(source: SourceId | undefined, range: TimeRange): BilledCost[] {
    const from = range === ALL ? '' : dayOf(range.from);
    const to = range === ALL ? '~' : dayOf(range.to - 1);
    const where = source ? 'source = ? AND day >= ? AND day <= ?' : 'day >= ? AND day <= ?';
    const args = source ? [source, from, to] : [from, to];
    const rows = this.db.prepare(`SELECT ${COST_COLUMNS} FROM cost WHERE ${where} ORDER BY day`).all(...args);
    return rows.map((r) => costFromRecord(r as never));
  }

  /** The first UTC day the ledger holds anything for, or undefined when it is empty. */
  firstDay(): string | undefined {
    const usage = this.db.prepare('SELECT MIN(start) AS t FROM usage').get() as { t: number | null };
    const cost = this.db.prepare('SELECT MIN(day) AS d FROM cost').get() as { d: string | null };
    const days = [usage.t === null ? undefined : dayOf(usage.t), cost.d ?? undefined].filter((d): d is string => !!d);
    return days.sort()[0];
  }

  syncMark(source: SourceId): SyncMark {
    const row = this.db.prepare('SELECT mark FROM sync_mark WHERE source = ?').get(source) as { mark: string } | undefined;
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
      const dropUsage = db.prepare('DELETE FROM usage WHERE source = ? AND start >= ? AND start < ?');
      const addUsage = db.prepare(`INSERT INTO usage (${USAGE_COLUMNS}) VALUES (${placeholders(USAGE_COLUMNS)})`);
      for (const window of change.usage ?? []) {
        dropUsage.run(change.source, Date.parse(window.from), Date.parse(window.to));
        for (const row of unique(window.rows, usageKey)) addUsage.run(...usageValues(row));
      }
      const dropCosts = db.prepare('DELETE FROM cost WHERE source = ? AND day >= ? AND day < ?');
      const addCost = db.prepare(`INSERT INTO cost (${COST_COLUMNS}) VALUES (${placeholders(COST_COLUMNS)})`);
      for (const window of change.costs ?? []) {
        dropCosts.run(change.source, window.fromDay, window.toDay);
        for (const row of unique(window.rows, costKey)) addCost.run(...costValues(row));
      }
      if (change.sync) {
        const merged = { ...this.syncMark(change.source), ...change.sync };
        db.prepare(
          'INSERT INTO sync_mark (source, mark) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET mark = excluded.mark',
        ).run(change.source, JSON.stringify(merged));
      }
      db.exec('COMMIT');
      this.commits++;
    } catch (error) {
      this.commits++; // whatever happened, read afresh
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

  /** Another part's saved state (a named blob), kept with the ledger. */
  loadState(name: string): Uint8Array | undefined {
    const row = this.db.prepare('SELECT value FROM saved_state WHERE name = ?').get(name) as { value: Uint8Array } | undefined;
    return row?.value;
  }

  saveState(name: string, value: Uint8Array): void {
    this.db
      .prepare('INSERT INTO saved_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value')
      .run(name, value);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
