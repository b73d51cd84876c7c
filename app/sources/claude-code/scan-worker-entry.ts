/** A worker thread that reads Claude Code files: parsing off the main thread, columns handed back. */
import { parentPort } from 'node:worker_threads';
import { parseFileSince } from './parsed-batch.ts';

const port = parentPort;
if (!port) throw new Error('scan-worker-entry runs only as a worker thread');

port.on('message', (job: { id: number; path: string; offset: number }) => {
  // Blocking reads: this thread has nothing else to do, and they cost half as much as asynchronous ones.
  parseFileSince(job.path, job.offset, { sync: true }).then(
    (batch) =>
      port.postMessage({ id: job.id, batch }, [
        batch.model.buffer as ArrayBuffer,
        batch.hour.buffer as ArrayBuffer,
        batch.flags.buffer as ArrayBuffer,
        batch.tokens.buffer as ArrayBuffer,
        batch.ids.buffer as ArrayBuffer,
      ]),
    // The errno code travels too: the scanner names it when it reports a file it could not read.
    (error: unknown) =>
      port.postMessage({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
        code: (error as { code?: unknown })?.code,
      }),
  );
});
