/**
 * The requests read from one file since an offset, in columns that cross a worker boundary without
 * copying (typed arrays are transferred). Streaming snapshots of one request within the file are
 * already folded to the best one here, by the same rule the global store uses.
 */
import { readMatchingLines, type ReadOptions } from './line-reader.ts';
import { parseClaudeLine, totalTokens, type ClaudeEntry, type LineResult } from './claude-line.ts';
import { readClaudeLineBytes } from './claude-line-bytes.ts';
import { hashId } from './id-hash.ts';
import { writeSlots } from '../../engine/token-slots.ts';
import {
  FAST,
  HAS_KEY,
  ID_WORDS,
  idsAt,
  MESSAGE_ID_WORDS,
  SIDECHAIN,
  TOKEN_SLOTS,
  tokensAt,
  type Candidate,
} from './request-columns.ts';

export interface ParsedBatch {
  readonly count: number;
  /** ID_WORDS per request: the 64-bit hashes of its message id and request id (see id-hash.ts). */
  readonly ids: Uint32Array;
  readonly models: string[];
  /** Index into models: 32 bits, so a file naming more than 65,535 models cannot wrap to another's. */
  readonly model: Uint32Array;
  readonly hour: Int32Array;
  readonly flags: Uint8Array;
  /** TOKEN_SLOTS per request (token-slots.ts). */
  readonly tokens: Float64Array;
  readonly endOffset: number;
  readonly bytesRead: number;
  readonly skipped: number;
}

/** ccusage's rule: main chain beats sidechain, then more tokens (the final snapshot), then fast mode set. */
export function beats(a: Candidate, b: Candidate): boolean {
  if (a.sidechain !== b.sidechain) return !a.sidechain;
  if (a.total !== b.total) return a.total > b.total;
  return a.fast && !b.fast;
}

const NEEDLE = Buffer.from('"usage"');

/**
 * One line by the byte reader, or by JSON.parse when only it can say (invalid JSON, escaped keys).
 * latin1, not utf8: every byte of a multi-byte UTF-8 character is >= 0x80, so it is never a quote,
 * brace or backslash. The JSON structure and the ASCII fields we read (ids, model, timestamp,
 * counts) come out the same either way, and latin1 skips UTF-8 validation.
 */
function readLine(bytes: Buffer, start: number, end: number): LineResult {
  return readClaudeLineBytes(bytes, start, end) ?? parseClaudeLine(bytes.toString('latin1', start, end));
}

export async function parseFileSince(path: string, fromOffset: number, options?: ReadOptions): Promise<ParsedBatch> {
  const entries: ClaudeEntry[] = [];
  const byKey = new Map<string, number>();
  let skipped = 0;
  const read = await readMatchingLines(
    path,
    fromOffset,
    NEEDLE,
    (bytes, start, end) => {
      const parsed = readLine(bytes, start, end);
      if (typeof parsed === 'string') {
        if (parsed === 'skip-malformed' || parsed === 'skip-null-field') skipped++;
        return;
      }
      const at = parsed.key === undefined ? undefined : byKey.get(parsed.key);
      if (at === undefined) {
        if (parsed.key !== undefined) byKey.set(parsed.key, entries.length);
        entries.push(parsed);
        return;
      }
      const held = entries[at]!;
      const summary = (e: ClaudeEntry) => ({ sidechain: e.isSidechain, total: totalTokens(e), fast: e.speed !== undefined });
      // A later line of the same request replaces an earlier one unless the earlier is strictly
      // better: on a tie the later snapshot is the more final one (and ccusage keeps it too).
      if (!beats(summary(held), summary(parsed))) entries[at] = parsed;
    },
    options,
  );
  const models: string[] = [];
  const modelIndex = new Map<string, number>();
  const n = entries.length;
  const batch = {
    count: n,
    ids: new Uint32Array(n * ID_WORDS),
    models,
    model: new Uint32Array(n),
    hour: new Int32Array(n),
    flags: new Uint8Array(n),
    tokens: new Float64Array(n * TOKEN_SLOTS),
  };
  entries.forEach((e, i) => {
    let m = modelIndex.get(e.model);
    if (m === undefined) modelIndex.set(e.model, (m = models.push(e.model) - 1));
    if (e.messageId !== undefined) {
      hashId(e.messageId, batch.ids, idsAt(i));
      hashId(e.requestId ?? '', batch.ids, idsAt(i) + MESSAGE_ID_WORDS);
    }
    batch.model[i] = m;
    batch.hour[i] = e.hour;
    batch.flags[i] =
      (e.isSidechain ? SIDECHAIN : 0) | (e.speed === 'fast' ? FAST : 0) | (e.messageId !== undefined ? HAS_KEY : 0);
    writeSlots(e, batch.tokens, tokensAt(i));
  });
  return { ...batch, endOffset: read.endOffset, bytesRead: read.bytesRead, skipped: skipped + read.oversizedLines };
}
