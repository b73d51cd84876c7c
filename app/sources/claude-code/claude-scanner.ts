/**
 * Claude Code's transcripts → deduplicated usage entries, incrementally: after the first scan a
 * refresh reads only bytes appended since the last one, and a truncated, replaced or deleted file
 * gives back exactly what it contributed.
 */
import { existsSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EntryStore, type LongContextRules, type StoredRequest } from './entry-store.ts';
import { parseFileSince, type ParsedBatch } from './parsed-batch.ts';
import type { UsageRow } from '../../engine/usage-row.ts';

interface FileState {
  readonly fileId: number;
  ino: number;
  offset: number;
  mtimeMs: number;
  skipped: number;
}

export interface ScanReport {
  readonly files: number;
  readonly bytesRead: number;
  /** "3 lines skipped in session.jsonl": malformed, null fields, or lines too long to read. */
  readonly warnings: string[];
}

/** Truncated, or another file under the same name (a new inode, or rewritten to the same size). */
function isReplaced(state: FileState, info: Stats): boolean {
  return state.ino !== info.ino || info.size < state.offset || (info.size === state.offset && info.mtimeMs !== state.mtimeMs);
}

async function listJsonl(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.jsonl')).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

export class ClaudeCodeScanner {
  private readonly files = new Map<string, FileState>();
  private readonly index = new EntryStore();
  private nextFileId = 1;

  /** Reads one file from an offset: in this thread, or on worker threads for a cold scan (useParser). */
  private parse: (path: string, fromOffset: number) => Promise<ParsedBatch> = parseFileSince;

  constructor(private readonly roots: readonly string[]) {}

  /** Where files are parsed from now on; undefined returns to this thread. */
  useParser(parse: ((path: string, fromOffset: number) => Promise<ParsedBatch>) | undefined): void {
    this.parse = parse ?? parseFileSince;
  }

  /** True until the first refresh has read the logs. */
  get cold(): boolean {
    return this.files.size === 0;
  }

  async refresh(): Promise<ScanReport> {
    const paths = new Set((await Promise.all(this.roots.map(listJsonl))).flat());
    const gone = new Set<number>();
    for (const [path, state] of this.files) {
      if (!paths.has(path)) {
        gone.add(state.fileId);
        this.files.delete(path);
      }
    }
    // Blocking stats, one per file: about 3 µs each, where an asynchronous stat costs a round trip
    // through libuv's thread pool (1,000 files: 3 ms instead of 20, on every refresh).
    const changed: Array<{ path: string; state: FileState; info: Stats }> = [];
    for (const path of paths) {
      let info: Stats;
      try {
        info = statSync(path);
      } catch {
        continue; // deleted between listing and reading; the next refresh drops it
      }
      let state = this.files.get(path);
      if (state && isReplaced(state, info)) {
        gone.add(state.fileId);
        state = undefined;
      }
      if (!state) {
        state = { fileId: this.nextFileId++, ino: info.ino, offset: 0, mtimeMs: info.mtimeMs, skipped: 0 };
        this.files.set(path, state);
      }
      if (info.size !== state.offset) changed.push({ path, state, info });
    }
    // What replaced and deleted files held goes first, so their requests fall to the files that remain.
    this.index.removeFiles(gone);
    // Several files at once: reads wait on the disk (or on the worker threads).
    let bytesRead = 0;
    const read = async () => {
      for (let next = changed.pop(); next !== undefined; next = changed.pop())
        bytesRead += await this.readFile(next.path, next.state, next.info);
    };
    await Promise.all(Array.from({ length: 8 }, read));
    const warnings = [...this.files]
      .filter(([, s]) => s.skipped > 0)
      .map(([path, s]) => `${s.skipped} line${s.skipped === 1 ? '' : 's'} skipped in ${basename(path)}`);
    return { files: this.files.size, bytesRead, warnings };
  }

  private async readFile(path: string, state: FileState, info: Stats): Promise<number> {
    let batch: ParsedBatch;
    try {
      batch = await this.parse(path, state.offset);
    } catch (error) {
      // Deleted between the listing and the read (Claude Code cleaning up old sessions): the next
      // refresh drops it. Any other failure is the refresh's.
      if (!existsSync(path)) return 0;
      throw error;
    }
    this.index.addBatch(state.fileId, batch);
    state.offset = batch.endOffset;
    state.mtimeMs = info.mtimeMs;
    state.ino = info.ino;
    state.skipped += batch.skipped;
    return batch.bytesRead;
  }

  /** One entry per request, after deduplication across every file. */
  requests(): StoredRequest[] {
    return [...this.index.counted()];
  }

  get requestCount(): number {
    return this.index.requests;
  }

  /** The requests as usage rows, summed by hour, model, speed and context window. */
  usageRows(rules: LongContextRules): UsageRow[] {
    return this.index.usageRows(rules);
  }
}
