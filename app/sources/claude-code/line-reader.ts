/**
 * Reads the lines of a JSONL file from a byte offset, streaming in chunks, handing on only lines
 * that contain the needle. Lines are handed on as bytes, a range of a buffer that is reused once
 * onLine returns. Returns where the next read should start.
 *
 * Memory stays at about two chunks whatever the file holds: a line longer than a chunk (a
 * file-history snapshot can be hundreds of MB) is not held while it is read; it is only watched
 * for its end and for the needle, and read again whole only if it has the needle and is at most
 * maxLineBytes long. Longer ones are counted as oversized and skipped.
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
  /** Checked between chunks: an aborted read stops within one chunk (1 MB) and throws the reason. */
  readonly signal?: AbortSignal;
}

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;

interface ByteSource {
  read(buffer: Buffer, offset: number, length: number, position: number): number | Promise<number>;
  close(): unknown;
}

async function openSource(path: string, sync: boolean): Promise<ByteSource> {
  if (sync) {
    const fd = openSync(path, 'r');
    return { read: (...args) => readSync(fd, ...args), close: () => closeSync(fd) };
  }
  const handle = await open(path, 'r');
  return { read: async (...args) => (await handle.read(...args)).bytesRead, close: () => handle.close() };
}

/** Chunk buffers are reused between files: a gigabyte scan would otherwise allocate a gigabyte. */
const spareBuffers: Buffer[] = [];
const BUFFER_SIZE = 2 * CHUNK;

/** A line longer than a chunk, being passed over: where it starts and whether it has the needle so far. */
interface LongLine {
  readonly start: number;
  hasNeedle: boolean;
}

async function readWhole(source: ByteSource, start: number, length: number): Promise<Buffer> {
  const line = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const n = await source.read(line, done, length - done, start + done);
    if (n === 0) return line.subarray(0, done);
    done += n;
  }
  return line;
}

export async function readMatchingLines(
  path: string,
  fromOffset: number,
  needle: Buffer,
  onLine: (bytes: Buffer, start: number, end: number) => void,
  { sync = false, maxLineBytes = 16 << 20, signal }: ReadOptions = {},
): Promise<ReadResult> {
  const source = await openSource(path, sync);
  const buffer = spareBuffers.pop() ?? Buffer.allocUnsafeSlow(BUFFER_SIZE);
  let oversizedLines = 0;
  let bytesRead = 0;
  let position = fromOffset;
  /** Bytes of an unfinished line kept at the start of the buffer; the next read lands after them. */
  let kept = 0;
  let longLine: LongLine | undefined;

  /** A long line has ended at `end`: read it again whole if it is wanted. */
  const finishLongLine = async (line: LongLine, end: number) => {
    if (!line.hasNeedle) return;
    if (end - line.start > maxLineBytes) {
      oversizedLines++;
      return;
    }
    const bytes = await readWhole(source, line.start, end - line.start);
    onLine(bytes, 0, bytes.length);
  };

  try {
    for (;;) {
      signal?.throwIfAborted();
      const base = position - kept; // the file offset of buffer[0]
      const n = await source.read(buffer, kept, CHUNK, position);
      if (n === 0) break;
      bytesRead += n;
      position += n;
      const data = buffer.subarray(0, kept + n);
      let from = 0;
      if (longLine) {
        const end = data.indexOf(NEWLINE);
        // The bytes kept from the last chunk let a needle split between two chunks be found.
        if (!longLine.hasNeedle) longLine.hasNeedle = data.subarray(0, end === -1 ? data.length : end).includes(needle);
        if (end === -1) {
          kept = Math.min(needle.length - 1, data.length);
          buffer.copyWithin(0, data.length - kept, data.length);
          continue;
        }
        await finishLongLine(longLine, base + end);
        longLine = undefined;
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
      if (kept >= CHUNK) {
        // Too long to hold: pass over it, keeping only enough bytes to catch a split needle.
        longLine = { start: base + from, hasNeedle: data.subarray(from).includes(needle) };
        kept = needle.length - 1;
      }
      buffer.copyWithin(0, data.length - kept, data.length);
    }
    const unfinished = longLine?.start ?? position - kept;
    // A last line without a newline is taken only if it is complete JSON; otherwise it is still being written.
    const last = longLine
      ? longLine.hasNeedle && position - longLine.start <= maxLineBytes
        ? await readWhole(source, longLine.start, position - longLine.start)
        : undefined
      : kept > 0 && buffer.subarray(0, kept).includes(needle)
        ? buffer.subarray(0, kept)
        : undefined;
    if (last === undefined) return { endOffset: kept > 0 || longLine ? unfinished : position, bytesRead, oversizedLines };
    try {
      JSON.parse(last.toString('latin1'));
    } catch {
      return { endOffset: unfinished, bytesRead, oversizedLines };
    }
    onLine(last, 0, last.length);
    return { endOffset: position, bytesRead, oversizedLines };
  } finally {
    if (spareBuffers.length < 16) spareBuffers.push(buffer);
    await source.close();
  }
}
