/**
 * Reads the lines of a JSONL file from a byte offset, streaming in chunks, handing on only lines
 * that contain the needle (so the large non-usage lines are never looked at), and never holding a
 * line longer than maxLineBytes in memory. Lines are handed on as bytes, a range of a buffer that
 * is reused once onLine returns. Returns where the next read should start.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

export interface ReadResult {
  /** Offset just after the last line consumed; an unfinished last line is read again next time. */
  readonly endOffset: number;
  readonly bytesRead: number;
  readonly oversizedLines: number;
}

export interface ReadOptions {
  /**
   * Blocking reads: for worker threads, where nothing else waits. An asynchronous read costs a
   * round trip through libuv's thread pool, which for a cold scan is as much as the parsing.
   */
  readonly sync?: boolean;
  readonly maxLineBytes?: number;
}

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;

interface ChunkSource {
  read(buffer: Buffer, offset: number, position: number): number | Promise<number>;
  close(): unknown;
}

async function openSource(path: string, sync: boolean): Promise<ChunkSource> {
  if (sync) {
    const fd = openSync(path, 'r');
    return { read: (buffer, offset, position) => readSync(fd, buffer, offset, CHUNK, position), close: () => closeSync(fd) };
  }
  const handle = await open(path, 'r');
  return {
    read: async (buffer, offset, position) => (await handle.read(buffer, offset, CHUNK, position)).bytesRead,
    close: () => handle.close(),
  };
}

/** Chunk buffers are reused between files: a gigabyte scan would otherwise allocate a gigabyte. */
const spareBuffers: Buffer[] = [];
const STANDARD_BUFFER = 2 * CHUNK;

export async function readMatchingLines(
  path: string,
  fromOffset: number,
  needle: Buffer,
  onLine: (bytes: Buffer, start: number, end: number) => void,
  { sync = false, maxLineBytes = 16 << 20 }: ReadOptions = {},
): Promise<ReadResult> {
  const source = await openSource(path, sync);
  let buffer = spareBuffers.pop() ?? Buffer.allocUnsafeSlow(STANDARD_BUFFER);
  let oversizedLines = 0;
  let bytesRead = 0;
  let position = fromOffset;
  /** Bytes of an unfinished line kept at the start of the buffer; the next read lands after them. */
  let kept = 0;
  /** While a line longer than maxLineBytes is passed over: where it started. */
  let droppingFrom: number | undefined;
  try {
    for (;;) {
      if (buffer.length - kept < CHUNK) {
        const larger = Buffer.allocUnsafeSlow(kept + CHUNK);
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
      const base = position - kept; // the file offset of buffer[0]
      const n = await source.read(buffer, kept, position);
      if (n === 0) break;
      bytesRead += n;
      position += n;
      const data = buffer.subarray(0, kept + n);
      let from = 0;
      if (droppingFrom !== undefined) {
        const end = data.indexOf(NEWLINE);
        if (end === -1) {
          kept = 0;
          continue;
        }
        droppingFrom = undefined;
        from = end + 1;
      }
      const lastNewline = data.lastIndexOf(NEWLINE);
      if (lastNewline >= from) {
        for (let found = data.indexOf(needle, from); found !== -1 && found < lastNewline;) {
          const end = data.indexOf(NEWLINE, found);
          onLine(data, data.lastIndexOf(NEWLINE, found) + 1, end);
          found = data.indexOf(needle, end);
        }
        from = lastNewline + 1;
      }
      kept = data.length - from;
      if (kept > maxLineBytes) {
        oversizedLines++;
        droppingFrom = base + from;
        kept = 0;
      } else {
        buffer.copyWithin(0, from, data.length);
      }
    }
    if (droppingFrom !== undefined) return { endOffset: droppingFrom, bytesRead, oversizedLines };
    const unfinished = position - kept;
    // A last line without a newline is taken only if it is complete JSON; otherwise it is still being written.
    if (kept > 0 && buffer.subarray(0, kept).includes(needle)) {
      try {
        JSON.parse(buffer.toString('latin1', 0, kept));
      } catch {
        return { endOffset: unfinished, bytesRead, oversizedLines };
      }
      onLine(buffer, 0, kept);
      return { endOffset: position, bytesRead, oversizedLines };
    }
    return { endOffset: kept > 0 ? unfinished : position, bytesRead, oversizedLines };
  } finally {
    if (buffer.length === STANDARD_BUFFER && spareBuffers.length < 16) spareBuffers.push(buffer);
    await source.close();
  }
}
