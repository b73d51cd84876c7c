/**
 * Claude Code's transcripts → deduplicated usage entries, incrementally: after the first scan a
 * refresh reads only bytes appended since the last one, and a truncated, replaced or deleted file
 * gives back exactly what it contributed. With a state folder, what was read is saved
 * (scan-state.ts) and a restart picks up where the last run stopped. What cannot be read is
 * passed over and reported; the rest is kept. A refresh is applied whole or not at all: an
 * aborted one (the app quitting) changes nothing.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import { basename, sep } from 'node:path';
import { EntryStore, type LongContextRules, type StoredRequest } from './entry-store.ts';
import { isChanged, updatePrefix } from './file-identity.ts';
import { errnoOf, listLogs, type Unreadable } from './log-listing.ts';
import { parseFileSince, type ParsedBatch } from './parsed-batch.ts';
import { ScanStateFile } from './scan-state-file.ts';
import type { SavedFile } from './scan-state.ts';
import { shownPath, unreadableNotices } from './unreadable-report.ts';
import { SourceError } from '../source-status.ts';
import type { UsageRow } from '../../engine/usage-row.ts';

type FileState = { -readonly [K in keyof SavedFile]: SavedFile[K] } & { verified: boolean };

export type Parse = (path: string, fromOffset: number, signal?: AbortSignal) => Promise<ParsedBatch>;

export interface ScanReport {
  readonly files: number;
  readonly bytesRead: number;
  /** "3 lines skipped in session.jsonl", "2 files could not be read (EACCES) under …", state notices. */
  readonly warnings: string[];
}

export interface ScannerOptions {
  /** Where claude-code-state.bin is kept (the Spendbar home); without it nothing is saved. */
  readonly stateDir?: string;
  /** At most one save in this long (the logs are the truth: a later start re-reads only what followed). */
  readonly minSaveIntervalMs?: number;
  readonly now?: () => number;
}

/**
 * Saves after the first scan at once, then at most every 30 minutes: a 1 GB tree's state is about
 * 19 MB, and a busy Claude Code changes something on every 5-minute poll. A start after a crash
 * re-reads at most the half hour appended since.
 */
const SAVE_EVERY_MS = 30 * 60_000;

interface Job {
  readonly path: string;
  readonly info: Stats;
  /** The file as known, or undefined for a new (or replaced) file read from the start. */
  readonly state: FileState | undefined;
}

/** A promise that rejects as soon as the signal aborts (a worker's parse cannot see the signal). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** An error from the file system: its code is an errno name (EACCES, EISDIR, ELOOP, EIO…). */
const isErrno = (error: unknown) => /^E[A-Z]+$/.test(String((error as { code?: unknown })?.code));

const exists = (path: string) => lstatSync(path, { throwIfNoEntry: false }) !== undefined;

export class ClaudeCodeScanner {
  private files = new Map<string, FileState>();
  private index = new EntryStore();
  private nextFileId = 1;
  private readonly saved: ScanStateFile | undefined;
  private loaded = false;
  /** Changes not yet saved (a save was due later, or failed). */
  private dirty = false;
  private notices: string[] = [];

  /** Reads one file from an offset: in this thread, or on worker threads for a cold scan (useParser). */
  private parse: Parse = (path, offset, signal) => parseFileSince(path, offset, signal ? { signal } : undefined);

  constructor(
    private readonly roots: readonly string[],
    private readonly options: ScannerOptions = {},
  ) {
    this.saved = options.stateDir === undefined ? undefined : new ScanStateFile(options.stateDir, options.now ?? Date.now);
  }

  /** Where files are parsed from now on; undefined returns to this thread. */
  useParser(parse: Parse | undefined): void {
    this.parse = parse ?? ((path, offset, signal) => parseFileSince(path, offset, signal ? { signal } : undefined));
  }

  /** True until the logs have been read once (in this run, or in one whose state was saved). */
  get cold(): boolean {
    this.load();
    return this.files.size === 0;
  }

  /** The saved state, once: what the last run read, minus files no longer under our roots. */
  private load(): void {
    if (this.loaded || !this.saved) return;
    this.loaded = true;
    const restored = this.saved.load();
    this.notices.push(...restored.notices);
    if (!restored.state) return;
    this.index = EntryStore.fromColumns(restored.state.store);
    this.nextFileId = restored.state.nextFileId;
    const elsewhere = new Set<number>();
    for (const file of restored.state.files) {
      if (this.roots.some((root) => file.path.startsWith(root + sep))) this.files.set(file.path, { ...file, verified: false });
      else elsewhere.add(file.fileId);
    }
    this.index.removeFiles(elsewhere);
    if (elsewhere.size > 0) this.dirty = true;
  }

  async refresh(signal?: AbortSignal): Promise<ScanReport> {
    this.load();
    signal?.throwIfAborted();
    const listing = await listLogs(this.roots, signal);
    const unreadable: Unreadable[] = [...listing.unreadable];
    const rootsUnread = unreadable.filter((u) => u.kind === 'folder' && this.roots.includes(u.path));
    if (rootsUnread.length === this.roots.length) {
      const shown = rootsUnread.map((u) => `${shownPath(u.path)} (${u.code})`).join(', ');
      throw new SourceError({
        kind: 'bad-response',
        message: `Claude Code logs could not be read at ${shown} — check permissions`,
      });
    }
    // Files under a folder that could not be listed this time are kept as they were, not dropped.
    const blocked = unreadable.filter((u) => u.kind === 'folder').map((u) => u.path + sep);
    const listed = new Set(listing.files.map((f) => f.path));
    const dropped = [...this.files.keys()].filter((p) => !listed.has(p) && !blocked.some((b) => p.startsWith(b)));
    const gone = new Set(dropped.map((p) => this.files.get(p)!.fileId));
    const replaced: string[] = [];
    const jobs = this.plan(listing.files, gone, replaced, unreadable);
    const results = await this.readAll(jobs, unreadable, signal);
    signal?.throwIfAborted();
    // Nothing above changed the store: from here on, one synchronous step applies the whole refresh.
    for (const path of [...dropped, ...replaced]) this.files.delete(path);
    // What replaced and deleted files held goes first, so their requests fall to the files that remain.
    this.index.removeFiles(gone);
    let bytesRead = 0;
    for (const { job, batch } of results) bytesRead += this.apply(job, batch);
    if (dropped.length > 0 || gone.size > 0 || results.length > 0) this.dirty = true;
    const warnings = [...this.notices.splice(0), ...this.skippedNotices(), ...unreadableNotices(unreadable)];
    if (this.dirty && this.saved) {
      const problem = this.saved.saveIfDue(() => this.state(), this.options.minSaveIntervalMs ?? SAVE_EVERY_MS);
      if (problem === undefined) this.dirty = this.saved.pending;
      else warnings.push(problem);
    }
    return { files: this.files.size, bytesRead, warnings };
  }

  /** Which files to read and from where; known files that changed under us are marked gone. */
  private plan(
    files: ReadonlyArray<{ path: string; root: string }>,
    gone: Set<number>,
    replaced: string[],
    unreadable: Unreadable[],
  ): Job[] {
    const jobs: Job[] = [];
    // Blocking stats, one per file: about 3 µs each, where an asynchronous stat costs a round trip
    // through libuv's thread pool (1,000 files: 3 ms instead of 20, on every refresh).
    for (const { path, root } of files) {
      let info: Stats;
      try {
        info = statSync(path);
      } catch (error) {
        if (exists(path)) unreadable.push({ path, kind: 'file', code: errnoOf(error), root });
        continue; // else deleted between listing and reading; the next refresh drops it
      }
      if (!info.isFile()) {
        // A FIFO would block the read forever; a folder cannot be read as a log.
        unreadable.push({ path, kind: 'file', code: info.isDirectory() ? 'EISDIR' : 'NOTFILE', root });
        continue;
      }
      let state = this.files.get(path);
      if (state && isChanged(state, info, path, !state.verified || info.mtimeMs !== state.mtimeMs)) {
        gone.add(state.fileId);
        replaced.push(path);
        state = undefined;
      }
      if (state) state.verified = true;
      if (!state || info.size !== state.offset) jobs.push({ path, info, state });
    }
    return jobs;
  }

  /** Several files at once: reads wait on the disk (or on the worker threads). */
  private async readAll(jobs: Job[], unreadable: Unreadable[], signal: AbortSignal | undefined) {
    const results: Array<{ job: Job; batch: ParsedBatch }> = [];
    const queue = [...jobs].reverse();
    const read = async () => {
      for (let job = queue.pop(); job !== undefined; job = queue.pop()) {
        signal?.throwIfAborted();
        try {
          results.push({ job, batch: await abortable(this.parse(job.path, job.state?.offset ?? 0, signal), signal) });
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          // Not a file-system error (a worker that cannot start): the refresh's own failure.
          if (!isErrno(error)) throw error;
          // Deleted since the listing (Claude Code cleaning up old sessions): the next refresh drops it.
          // Anything else (permissions, I/O) is reported; what the file gave before is kept.
          if (exists(job.path))
            unreadable.push({ path: job.path, kind: 'file', code: errnoOf(error), root: this.rootOf(job.path) });
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, read));
    return results;
  }

  private rootOf(path: string): string {
    return this.roots.find((root) => path.startsWith(root + sep)) ?? this.roots[0]!;
  }

  private apply(job: Job, batch: ParsedBatch): number {
    let state = job.state;
    if (!state) {
      const { dev, ino, mtimeMs } = job.info;
      state = {
        path: job.path,
        fileId: this.nextFileId++,
        dev,
        ino,
        mtimeMs,
        offset: 0,
        prefixLength: 0,
        prefixHash: 0,
        skipped: 0,
        verified: true,
      };
      this.files.set(job.path, state);
    }
    this.index.addBatch(state.fileId, batch);
    state.offset = batch.endOffset;
    state.mtimeMs = job.info.mtimeMs;
    state.skipped += batch.skipped;
    updatePrefix(state, job.path);
    return batch.bytesRead;
  }

  private skippedNotices(): string[] {
    return [...this.files]
      .filter(([, s]) => s.skipped > 0)
      .map(([path, s]) => `${s.skipped} line${s.skipped === 1 ? '' : 's'} skipped in ${basename(path)}`);
  }

  private state() {
    const files = [...this.files.values()].map(({ verified: _, ...saved }) => saved);
    return { roots: this.roots, nextFileId: this.nextFileId, files, store: this.index.toColumns() };
  }

  /** One entry per request, after deduplication across every file. */
  requests(): StoredRequest[] {
    this.load();
    return [...this.index.counted()];
  }

  get requestCount(): number {
    this.load();
    return this.index.requests;
  }

  /** The requests as usage rows, summed by hour, model, speed and context window. */
  usageRows(rules: LongContextRules): UsageRow[] {
    this.load();
    return this.index.usageRows(rules);
  }

  /** The last save of the state: its size and time (for the bench). */
  get lastSave(): { bytes: number; ms: number } | undefined {
    return this.saved && { bytes: this.saved.lastSaveBytes, ms: this.saved.lastSaveMs };
  }
}
