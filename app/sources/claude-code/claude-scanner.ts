/**
 * Claude Code's transcripts → deduplicated usage entries, incrementally: after the first scan a
 * refresh reads only bytes appended since the last one, and a truncated, replaced or deleted file
 * gives back exactly what it contributed. With a state folder, what was read is saved
 * (scan-state.ts) and a restart picks up where the last run stopped. What cannot be read is
 * passed over and reported; the rest is kept. A refresh is applied whole or not at all: an
 * aborted one (the app quitting) changes nothing.
 */
import { basename, sep } from 'node:path';
import { EntryStore, type LongContextRules, type StoredRequest } from './entry-store.ts';
import { updatePrefix } from './file-identity.ts';
import { planReads, readAll, type FileState, type Job, type Parse } from './file-reads.ts';
import { listLogs, type Unreadable } from './log-listing.ts';
import { parseFileSince, type ParsedBatch } from './parsed-batch.ts';
import { ScanStateFile } from './scan-state-file.ts';
import { shownPath, unreadableNotices } from './unreadable-report.ts';
import { SourceError } from '../source-status.ts';
import type { UsageRow } from '../../engine/usage-row.ts';

export type { Parse };

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
    const { jobs, replaced } = planReads(this.files, listing.files, gone, unreadable);
    const results = await readAll(jobs, this.parse, unreadable, signal);
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
