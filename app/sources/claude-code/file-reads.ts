/**
 * One refresh's reads, planned and done without touching the store: which logs changed and from
 * where to read them, then the reads, several at once. The scanner applies the results in one
 * step afterwards, so a refresh that is aborted or fails changes nothing.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import { isChanged } from './file-identity.ts';
import { errnoOf, type Unreadable } from './log-listing.ts';
import type { ParsedBatch } from './parsed-batch.ts';
import type { SavedFile } from './scan-state.ts';

/** What is known of a log; `verified` once its first bytes were checked in this run. */
export type FileState = { -readonly [K in keyof SavedFile]: SavedFile[K] } & { verified: boolean };

export type Parse = (path: string, fromOffset: number, signal?: AbortSignal) => Promise<ParsedBatch>;

export interface Job {
  readonly path: string;
  readonly root: string;
  readonly info: Stats;
  /** The file as known, or undefined for a new (or replaced) file read from the start. */
  readonly state: FileState | undefined;
}

export interface Plan {
  readonly jobs: Job[];
  /** Known files whose path now holds another file (truncated, rewritten, replaced). */
  readonly replaced: string[];
}

const exists = (path: string) => lstatSync(path, { throwIfNoEntry: false }) !== undefined;

/** An error from the file system: its code is an errno name (EACCES, EISDIR, ELOOP, EIO…). */
const isErrno = (error: unknown) => /^E[A-Z]+$/.test(String((error as { code?: unknown })?.code));

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

/** Which files to read and from where; known files that changed under us are added to `gone`. */
export function planReads(
  known: ReadonlyMap<string, FileState>,
  files: ReadonlyArray<{ path: string; root: string }>,
  gone: Set<number>,
  unreadable: Unreadable[],
): Plan {
  const jobs: Job[] = [];
  const replaced: string[] = [];
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
    let state = known.get(path);
    if (state && isChanged(state, info, path, !state.verified || info.mtimeMs !== state.mtimeMs)) {
      gone.add(state.fileId);
      replaced.push(path);
      state = undefined;
    }
    if (state) state.verified = true;
    if (!state || info.size !== state.offset) jobs.push({ path, root, info, state });
  }
  return { jobs, replaced };
}

/** Several files at once: reads wait on the disk (or on the worker threads). */
export async function readAll(
  jobs: readonly Job[],
  parse: Parse,
  unreadable: Unreadable[],
  signal: AbortSignal | undefined,
): Promise<Array<{ job: Job; batch: ParsedBatch }>> {
  const results: Array<{ job: Job; batch: ParsedBatch }> = [];
  const queue = [...jobs].reverse();
  const read = async () => {
    for (let job = queue.pop(); job !== undefined; job = queue.pop()) {
      signal?.throwIfAborted();
      try {
        results.push({ job, batch: await abortable(parse(job.path, job.state?.offset ?? 0, signal), signal) });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        // Not a file-system error (a worker that cannot start): the refresh's own failure.
        if (!isErrno(error)) throw error;
        // Deleted since the listing (Claude Code cleaning up old sessions): the next refresh drops it.
        // Anything else (permissions, I/O) is reported; what the file gave before is kept.
        if (exists(job.path)) unreadable.push({ path: job.path, kind: 'file', code: errnoOf(error), root: job.root });
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, read));
  return results;
}
