/**
 * Whether a log file is still the one we read: same device and inode, not shorter than what we
 * consumed, and the same first bytes. Claude Code only appends to a transcript, so anything else
 * (truncated, rewritten in place, replaced by another file under the same name) is read again whole.
 */
import { closeSync, openSync, readSync, type Stats } from 'node:fs';
import { crc32 } from 'node:zlib';

/** How much of a file's start is fingerprinted: its first line or two, enough to tell sessions apart. */
export const PREFIX_BYTES = 4096;

export interface FileIdentity {
  dev: number;
  ino: number;
  offset: number;
  mtimeMs: number;
  prefixLength: number;
  prefixHash: number;
}

/** CRC-32 of the first `length` bytes, or undefined if the file is shorter or cannot be read. */
export function prefixHash(path: string, length: number): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, bytes, done, length - done, done);
      if (n === 0) return undefined;
      done += n;
    }
    return crc32(bytes) >>> 0;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * True when the file under this path is not the one `known` describes. `checkPrefix` reads the
 * first bytes again: on the first look after a restart, and whenever the file's mtime moved.
 */
export function isChanged(known: FileIdentity, info: Stats, path: string, checkPrefix: boolean): boolean {
  if (known.dev !== info.dev || known.ino !== info.ino || info.size < known.offset) return true;
  if (info.size === known.offset && info.mtimeMs !== known.mtimeMs) return true;
  if (!checkPrefix || known.prefixLength === 0) return false;
  return prefixHash(path, known.prefixLength) !== known.prefixHash;
}

/** After a read: extend the fingerprint while the file is still shorter than PREFIX_BYTES. */
export function updatePrefix(known: FileIdentity, path: string): void {
  const length = Math.min(PREFIX_BYTES, known.offset);
  if (length <= known.prefixLength) return;
  const hash = prefixHash(path, length);
  if (hash === undefined) return;
  known.prefixLength = length;
  known.prefixHash = hash;
}
