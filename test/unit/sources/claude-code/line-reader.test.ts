/**
 * The line reader against the plain definition (split the file at newlines, keep the lines with
 * the needle that are not too long), on files built so that chunk boundaries fall everywhere:
 * inside short lines, inside lines longer than a chunk, and through the needle itself.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMatchingLines } from '../../../../app/sources/claude-code/line-reader.ts';
import { tempDir } from '../../../helpers/claude-logs.ts';
import { seededRandom } from '../../../helpers/random.ts';

const NEEDLE = Buffer.from('"usage"');
const MB = 1 << 20;

async function readAll(path: string, options: { sync?: boolean; maxLineBytes?: number }, from = 0) {
  const lines: string[] = [];
  const result = await readMatchingLines(path, from, NEEDLE, (b, s, e) => lines.push(b.toString('latin1', s, e)), options);
  return { lines, ...result };
}

function expected(text: string, maxLineBytes: number) {
  const complete = text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .slice(0, -1);
  const wanted = complete.filter((l) => l.includes('"usage"'));
  return {
    lines: wanted.filter((l) => l.length <= maxLineBytes),
    oversized: wanted.filter((l) => l.length > maxLineBytes).length,
  };
}

describe('reading matching lines in chunks', () => {
  it.each([true, false])(
    'gives exactly the lines with the needle, across every kind of chunk boundary (sync %s)',
    async (sync) => {
      const random = seededRandom(sync ? 3 : 4);
      const lengths = [10, 200, 5_000, MB - 3, MB + 5, 2 * MB + 100, 3 * MB, 6 * MB];
      const lines: string[] = [];
      let size = 0;
      while (size < 24 * MB) {
        const length = lengths[Math.floor(random() * lengths.length)]! + Math.floor(random() * 50);
        // The needle at the start, the end, or anywhere; or not at all.
        const where = random();
        const filler = 'x'.repeat(length);
        const line =
          where < 0.25
            ? filler
            : where < 0.5
              ? `"usage"${filler}`
              : where < 0.75
                ? `${filler}"usage"`
                : `${filler.slice(0, length >> 1)}"usage"${filler.slice(length >> 1)}`;
        lines.push(line);
        size += line.length + 1;
      }
      // And a needle split exactly across the first chunk boundary, inside a long line.
      lines.unshift(`${'x'.repeat(MB + MB - 3)}"usage"tail`);
      const text = `${lines.join('\n')}\n`;
      const path = join(tempDir(), 's.jsonl');
      writeFileSync(path, text);
      const maxLineBytes = 4 * MB;
      const got = await readAll(path, { sync, maxLineBytes });
      const want = expected(text, maxLineBytes);
      expect(got.lines.length).toBe(want.lines.length);
      expect(got.lines.every((l, i) => l === want.lines[i])).toBe(true);
      expect(got.oversizedLines).toBe(want.oversized);
      expect(got.endOffset).toBe(text.length);
    },
  );

  it('stops before a last line still being written, and reads it once it is finished', async () => {
    const path = join(tempDir(), 's.jsonl');
    const done = '{"usage":1}\n';
    const partialLong = `{"usage":"${'y'.repeat(2 * MB)}`;
    writeFileSync(path, done + partialLong);
    const first = await readAll(path, {});
    expect(first.lines).toEqual(['{"usage":1}']);
    expect(first.endOffset).toBe(done.length);
    writeFileSync(path, `${done}${partialLong}"}`);
    const second = await readAll(path, {}, first.endOffset);
    expect(second.lines).toHaveLength(1);
    expect(second.lines[0]!.length).toBe(partialLong.length + 2);
    expect(second.endOffset).toBe(done.length + partialLong.length + 2);
  });
});
