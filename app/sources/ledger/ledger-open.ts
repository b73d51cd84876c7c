/**
 * Opening ledger.db so that no fault loses history: a file that cannot be read is never written
 * over, a damaged file is moved aside (once, even with two processes) and rebuilt, a newer schema is
 * left untouched. Whenever the file cannot be used, this session keeps its data in an in-memory
 * database and `problem` says what happened and what to do.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_ID, createSchema, LEDGER_DB_FILE, SCHEMA_VERSION, schemaVersionOf } from './ledger-schema.ts';
import { openDatabase, openDatabaseReadOnly, SQLITE, sqliteCode, type DatabaseSync } from './sqlite.ts';

export interface OpenedLedger {
  readonly db: DatabaseSync;
  readonly path: string;
  /** False when the file could not be used: this session's data lives in memory only. */
  readonly persistent: boolean;
  readonly problem: string | undefined;
}

const IN_MEMORY = 'This session keeps its data in memory only';
/** How long a connection waits for another process's lock before giving up (ms). */
const BUSY_TIMEOUT_MS = 5000;
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

function inMemory(path: string, problem: string): OpenedLedger {
  const db = openDatabase(':memory:');
  createSchema(db);
  return { db, path, persistent: false, problem };
}

/** Damage SQLite reports when reading a file: what quick_check or the first read says is wrong. */
function damage(db: DatabaseSync): string | undefined {
  try {
    const rows = db.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>;
    const verdict = rows.map((r) => r.quick_check);
    if (verdict.length === 1 && verdict[0] === 'ok') return undefined;
    // One line for the message: SQLite packs many findings into one row, separated by newlines.
    const findings = verdict.flatMap((v) => v.split('\n')).filter((line) => line.trim() !== '' && !line.startsWith('***'));
    return `quick_check: ${findings.slice(0, 2).join('; ')}${findings.length > 2 ? `; ${findings.length - 2} more` : ''}`;
  } catch (error) {
    const code = sqliteCode(error);
    if (code === SQLITE.CORRUPT || code === SQLITE.NOTADB) return (error as Error).message;
    throw error;
  }
}

function asideName(home: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const name = join(home, `ledger.corrupt-${stamp}.db`);
  return existsSync(name) ? join(home, `ledger.corrupt-${stamp}-${process.pid}.db`) : name;
}

/**
 * Moves the damaged file (and its WAL) aside, if it is still the file we checked: another process
 * may have moved it already and started a new one, which must not be moved in turn.
 */
function moveAside(path: string, checkedIno: number, aside: string): 'moved' | 'gone' {
  let ino: number;
  try {
    ino = statSync(path).ino;
  } catch {
    return 'gone';
  }
  if (ino !== checkedIno) return 'gone';
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  return 'moved';
}

/** Opens for writing; SQLite opens lazily, so a first read shows whether the file can be opened at all. */
function openWritable(path: string): DatabaseSync {
  const db = openDatabase(path);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.prepare('PRAGMA user_version').get();
  } catch (error) {
    const code = sqliteCode(error);
    if (code === SQLITE.CORRUPT || code === SQLITE.NOTADB) return db; // damage() decides
    db.close();
    throw error;
  }
  return db;
}

/**
 * Switching to WAL reads the file and then needs it alone. Two processes doing so at once (both
 * rebuilding the same damaged ledger) would wait on each other for ever, so SQLite answers one of
 * them SQLITE_BUSY at once instead of calling the busy handler: "If SQLite determines that invoking
 * the busy handler could result in a deadlock, it will go ahead and return SQLITE_BUSY to the
 * application" (sqlite.org/c3ref/busy_handler.html). The other holds the lock only for the switch:
 * try again, for as long as the busy timeout would have waited.
 */
function switchToWal(db: DatabaseSync): void {
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      if (sqliteCode(error) !== SQLITE.BUSY || Date.now() >= giveUpAt) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

function configure(db: DatabaseSync): void {
  switchToWal(db);
  db.exec('PRAGMA synchronous = NORMAL');
  createSchema(db);
}

export function openLedgerDatabase(home: string, now: () => Date, attempt = 0): OpenedLedger {
  const path = join(home, LEDGER_DB_FILE);
  try {
    mkdirSync(home, { recursive: true });
  } catch (error) {
    return inMemory(
      path,
      `Spendbar cannot create its folder ${home} (${codeOf(error)}). ${IN_MEMORY}; make that folder writable and restart.`,
    );
  }
  let ino = -1;
  if (existsSync(path)) {
    const stat = statSync(path);
    if (!stat.isFile())
      return inMemory(path, `The ledger ${path} is not a file; it was left as it is. ${IN_MEMORY}; move it away and restart.`);
    ino = stat.ino;
  }
  let db: DatabaseSync;
  let readOnly: string | undefined;
  try {
    db = openWritable(path);
  } catch (error) {
    if (ino < 0 || sqliteCode(error) !== SQLITE.CANTOPEN)
      return inMemory(
        path,
        `The ledger ${path} could not be opened (${codeOf(error)}); it was left as it is. ${IN_MEMORY}; check the file's permissions and restart.`,
      );
    try {
      // A read-only folder or disk: show the stored history; every write says what to do.
      db = openDatabaseReadOnly(path);
      readOnly = `The ledger ${path} can only be read (${codeOf(error)}): the history is shown but new data is not saved. ${home} is read-only: make it writable and restart.`;
    } catch (again) {
      return inMemory(
        path,
        `The ledger ${path} could not be opened (${codeOf(again)}); it was left as it is. ${IN_MEMORY}; check the permissions of ${home} and restart.`,
      );
    }
  }
  try {
    const problem = damage(db);
    if (problem !== undefined) {
      db.close();
      const aside = asideName(home, now());
      let outcome: 'moved' | 'gone';
      try {
        outcome = moveAside(path, ino, aside);
      } catch (error) {
        return inMemory(
          path,
          `The ledger ${path} is damaged (${problem}) and could not be moved aside (${codeOf(error)}). ${IN_MEMORY}; make ${home} writable and restart.`,
        );
      }
      const reopened =
        attempt < 2
          ? openLedgerDatabase(home, now, attempt + 1)
          : inMemory(path, `The ledger ${path} keeps failing its check. ${IN_MEMORY}.`);
      if (outcome === 'gone') return reopened;
      const moved = `The ledger was damaged (${problem}); it was moved to ${aside} and is being rebuilt from the sources.`;
      return { ...reopened, problem: reopened.problem ? `${moved} ${reopened.problem}` : moved };
    }
    const { version, applicationId } = schemaVersionOf(db);
    if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
      db.close();
      return inMemory(path, `${path} is not a Spendbar ledger; it was left as it is. ${IN_MEMORY}; move it away and restart.`);
    }
    if (version > SCHEMA_VERSION) {
      db.close();
      return inMemory(
        path,
        `The ledger ${path} was written by a newer version of Spendbar (schema ${version}; this one reads ${SCHEMA_VERSION}); it was left as it is. ${IN_MEMORY}; update Spendbar.`,
      );
    }
    if (readOnly) return { db, path, persistent: false, problem: readOnly };
    configure(db);
    return { db, path, persistent: true, problem: undefined };
  } catch (error) {
    try {
      db.close();
    } catch {
      // already closed
    }
    return inMemory(
      path,
      `The ledger ${path} could not be used (${(error as Error).message}); it was left as it is. ${IN_MEMORY}; ${fixFor(error, home)}`,
    );
  }
}

/** What the user can do about a write or open error, by SQLite's code. */
export function fixFor(error: unknown, home: string): string {
  switch (sqliteCode(error)) {
    case SQLITE.FULL:
      return `the disk holding ${home} is full: free some space.`;
    case SQLITE.READONLY:
    case SQLITE.PERM:
    case SQLITE.CANTOPEN:
      return `${home} is read-only: make it writable.`;
    case SQLITE.BUSY:
      return 'another Spendbar held the ledger too long: try again.';
    default:
      return `check the disk holding ${home}.`;
  }
}
