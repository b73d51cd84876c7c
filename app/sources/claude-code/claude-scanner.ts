/**
 * Claude Code's transcripts → deduplicated usage entries, incrementally: after the first scan a
 * refresh reads only bytes appended since the last one, and a truncated, replaced or deleted file
 * gives back exactly what it contributed.
 */
import { readdir, stat } from 'node:fs/promises';
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
    this.index.removeFiles(gone);
    // Several files at once: most of a refresh is waiting on stat and read.
    let bytesRead = 0;
    const queue = [...paths];
    const worker = async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        const read = await this.refreshFile(path);
        bytesRead += read;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const warnings = [...this.files]
      .filter(([, s]) => s.skipped > 0)
      .map(([path, s]) => `${s.skipped} line${s.skipped === 1 ? '' : 's'} skipped in ${basename(path)}`);
    return { files: this.files.size, bytesRead, warnings };
  }

  private async refreshFile(path: string): Promise<number> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return 0; // deleted between listing and reading; the next refresh drops it
    }
    let state = this.files.get(path);
    const replaced =
      state !== undefined &&
      (state.ino !== info.ino || info.size < state.offset || (info.size === state.offset && info.mtimeMs !== state.mtimeMs));
    if (state && replaced) {
      this.index.removeFiles(new Set([state.fileId]));
      state = undefined;
    }
    if (!state) {
      state = { fileId: this.nextFileId++, ino: info.ino, offset: 0, mtimeMs: info.mtimeMs, skipped: 0 };
      this.files.set(path, state);
    }
    if (info.size === state.offset) return 0;
    const fileState = state;
    const batch = await this.parse(path, fileState.offset);
    this.index.addBatch(fileState.fileId, batch);
    fileState.offset = batch.endOffset;
    fileState.mtimeMs = info.mtimeMs;
    fileState.ino = info.ino;
    fileState.skipped += batch.skipped;
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
