/**
 * Reads the lines of a JSONL file from a byte offset, streaming in chunks, handing on only lines
 * that contain the needle (so the large non-usage lines are never decoded), and never holding a
 * line longer than maxLineBytes in memory. Returns where the next read should start.
 */
import { open } from 'node:fs/promises';

export interface ReadResult {
  /** Offset just after the last line consumed; an unfinished last line is read again next time. */
  readonly endOffset: number;
  readonly bytesRead: number;
  readonly oversizedLines: number;
}

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;

export async function readMatchingLines(
  path: string,
  fromOffset: number,
  needle: Buffer,
  onLine: (text: string) => void,
  maxLineBytes = 16 << 20,
): Promise<ReadResult> {
  const handle = await open(path, 'r');
  let oversizedLines = 0;
  let bytesRead = 0;
  try {
    let position = fromOffset;
    let carry: Buffer | undefined;
    let carryStart = fromOffset;
    let dropping = false;
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead: n } = await handle.read(chunk, 0, CHUNK, position);
      if (n === 0) break;
      bytesRead += n;
      let data = chunk.subarray(0, n);
      let dataStart = position;
      position += n;
      if (dropping) {
        const end = data.indexOf(NEWLINE);
        if (end === -1) continue;
        dropping = false;
        data = data.subarray(end + 1);
        dataStart += end + 1;
        carryStart = dataStart;
      }
      if (carry) {
        data = Buffer.concat([carry, data]);
        dataStart = carryStart;
        carry = undefined;
      }
      let found = data.indexOf(needle);
      let lastNewline = data.lastIndexOf(NEWLINE);
      while (found !== -1) {
        const end = data.indexOf(NEWLINE, found);
        if (end === -1) break;
        const start = data.lastIndexOf(NEWLINE, found) + 1;
        // latin1, not utf8: every byte of a multi-byte UTF-8 character is >= 0x80, so it can never
        // be a quote, brace or backslash. The JSON structure and the ASCII fields we read (ids,
        // model, timestamp, counts) come out the same; only message text, which we ignore,
        // decodes differently. It skips UTF-8 validation, the slowest part of decoding.
        onLine(data.toString('latin1', start, end));
        found = data.indexOf(needle, end);
      }
      const rest = data.subarray(lastNewline + 1);
      carryStart = dataStart + lastNewline + 1;
      if (rest.length > maxLineBytes) {
        oversizedLines++;
        dropping = true;
      } else if (rest.length > 0) {
        // Copy: the chunk buffer is reused by the next read.
        carry = Buffer.from(rest);
      }
      lastNewline = -1;
    }
    // A last line without a newline is taken only if it is complete JSON; otherwise it is still being written.
    if (carry && carry.includes(needle)) {
      const text = carry.toString('latin1');
      try {
        JSON.parse(text);
        onLine(text);
        return { endOffset: carryStart + carry.length, bytesRead, oversizedLines };
      } catch {
        return { endOffset: carryStart, bytesRead, oversizedLines };
      }
    }
    return { endOffset: carry ? carryStart : dropping ? carryStart : position, bytesRead, oversizedLines };
  } finally {
    await handle.close();
  }
}
