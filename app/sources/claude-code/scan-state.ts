/**
 * The Claude Code scanner's state on disk (claude-code-state.bin under the Spendbar home), so a
 * restart reads only what was appended instead of every log again. It holds each file's offset
 * and identity and the entry store's columns (the dedup lookup tables follow from them). Binary,
 * versioned and checksummed: a file that is damaged, cut short, or from a newer Spendbar is
 * refused whole and the logs are scanned from the start. Written atomically: temp, fsync, rename.
 *
 * Layout: MAGIC, u32 version, u32 header length, header (JSON), zero padding to 8 bytes, the
 * columns (hour i32, model u32, file u32 × count; flags u8 × count, padded to 8; tokens f64 ×
 * count × TOKEN_SLOTS; ids u32 × count × ID_WORDS), then a u32 CRC-32 of everything before it.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import type { StoreColumns } from './entry-store.ts';
import { FREE, ID_WORDS, TOKEN_SLOTS } from './request-columns.ts';

export const STATE_FILE = 'claude-code-state.bin';
export const STATE_VERSION = 1;
const MAGIC = Buffer.from('SPENDBAR-CC-STATE\n', 'latin1');

/** What a file had when last read, to tell an appended file from a changed or replaced one. */
export interface SavedFile {
  readonly path: string;
  readonly fileId: number;
  readonly dev: number;
  readonly ino: number;
  /** Bytes consumed: the next read starts here. */
  readonly offset: number;
  readonly mtimeMs: number;
  /** CRC-32 of the first prefixLength bytes (up to PREFIX_BYTES, never past offset). */
  readonly prefixLength: number;
  readonly prefixHash: number;
  readonly skipped: number;
}

export interface ScanState {
  readonly roots: readonly string[];
  readonly nextFileId: number;
  readonly files: readonly SavedFile[];
  readonly store: StoreColumns;
}

export class StateError extends Error {}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

export function encodeState(state: ScanState): Buffer[] {
  const c = state.store;
  const header = Buffer.from(
    JSON.stringify({ roots: state.roots, nextFileId: state.nextFileId, files: state.files, models: c.models, count: c.count }),
  );
  const head = Buffer.alloc(8);
  head.writeUInt32LE(STATE_VERSION, 0);
  head.writeUInt32LE(header.length, 4);
  const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const parts = [
    MAGIC,
    head,
    header,
    Buffer.alloc(pad8(MAGIC.length + head.length + header.length)),
    view(c.hour),
    view(c.model),
    view(c.file),
    view(c.flags),
    Buffer.alloc(pad8(c.count)),
    view(c.tokens),
    view(c.ids),
  ];
  let crc = 0;
  for (const part of parts) crc = crc32(part, crc);
  const tail = Buffer.alloc(4);
  tail.writeUInt32LE(crc >>> 0, 0);
  return [...parts, tail];
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function checkFile(f: unknown): f is SavedFile {
  if (typeof f !== 'object' || f === null) return false;
  const r = f as Record<string, unknown>;
  return (
    typeof r.path === 'string' &&
    ['fileId', 'dev', 'ino', 'offset', 'prefixLength', 'prefixHash', 'skipped'].every((k) => isCount(r[k])) &&
    typeof r.mtimeMs === 'number'
  );
}

/** The state in `bytes`, or a StateError saying why it cannot be used. */
export function decodeState(bytes: Buffer): ScanState {
  if (bytes.length < MAGIC.length + 12 || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    throw new StateError('not a Spendbar scan state');
  const version = bytes.readUInt32LE(MAGIC.length);
  if (version > STATE_VERSION)
    throw new StateError(`written by a newer Spendbar (format ${version}, this one reads ${STATE_VERSION})`);
  if (version !== STATE_VERSION) throw new StateError(`an older format (${version})`);
  const body = bytes.length - 4;
  if (crc32(bytes.subarray(0, body)) >>> 0 !== bytes.readUInt32LE(body)) throw new StateError('damaged (checksum mismatch)');
  const headerLength = bytes.readUInt32LE(MAGIC.length + 4);
  let at = MAGIC.length + 8;
  let header: { roots: unknown; nextFileId: unknown; files: unknown; models: unknown; count: unknown };
  try {
    header = JSON.parse(bytes.toString('utf8', at, at + headerLength));
  } catch {
    throw new StateError('damaged (header)');
  }
  const { roots, nextFileId, files, models, count } = header;
  if (
    !Array.isArray(roots) ||
    !roots.every((r) => typeof r === 'string') ||
    !isCount(nextFileId) ||
    !Array.isArray(files) ||
    !files.every(checkFile) ||
    !Array.isArray(models) ||
    !models.every((m) => typeof m === 'string') ||
    !isCount(count)
  )
    throw new StateError('damaged (header fields)');
  at += headerLength;
  at += pad8(at);
  const expected = at + count * (4 + 4 + 4 + 1) + pad8(count) + count * (TOKEN_SLOTS * 8 + ID_WORDS * 4);
  if (expected !== body) throw new StateError('damaged (length)');
  // Copies, aligned for their types (a Buffer from readFileSync may start at any offset of its pool).
  const take = <T>(make: (b: ArrayBuffer) => T, length: number): T => {
    const copy = new ArrayBuffer(length);
    new Uint8Array(copy).set(bytes.subarray(at, at + length));
    at += length;
    return make(copy);
  };
  const hour = take((b) => new Int32Array(b), count * 4);
  const model = take((b) => new Uint32Array(b), count * 4);
  const file = take((b) => new Uint32Array(b), count * 4);
  const flags = take((b) => new Uint8Array(b), count);
  at += pad8(count);
  const tokens = take((b) => new Float64Array(b), count * TOKEN_SLOTS * 8);
  const ids = take((b) => new Uint32Array(b), count * ID_WORDS * 4);
  const fileIds = new Set(files.map((f) => f.fileId));
  for (let i = 0; i < count; i++) {
    if (flags[i]! & FREE) continue;
    if (model[i]! >= models.length || !fileIds.has(file[i]!)) throw new StateError('damaged (entries)');
  }
  return { roots, nextFileId, files, store: { count, models, hour, model, flags, file, tokens, ids } };
}

export function readState(path: string): ScanState | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new StateError(`unreadable (${(error as { code?: string }).code ?? 'EIO'})`);
  }
  return decodeState(bytes);
}

/** Returns the bytes written. Temp file, every byte written (a short write is retried, not ignored), fsync, rename, fsync the folder. */
export function writeState(path: string, state: ScanState): number {
  const temp = `${path}.${process.pid}.tmp`;
  let total = 0;
  try {
    // A first start may scan before anything else has created the home.
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(temp, 'w', 0o600);
    try {
      for (const part of encodeState(state)) {
        for (let done = 0; done < part.length;) done += writeSync(fd, part, done, part.length - done);
        total += part.length;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    const dir = openSync(dirname(path), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // Windows cannot open a folder for fsync; the rename itself is atomic there.
  }
  return total;
}
