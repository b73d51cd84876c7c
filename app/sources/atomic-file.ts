/**
 * Files that are never half-written: write a temp file, fsync it, rename it over, fsync the folder.
 * A short write (a full disk or a file size limit writes part and then fails) is written on until
 * done or failed, and a failure removes the temp file and leaves the old file as it was. A symlink
 * is written through (its target replaced), never replaced by a plain file.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
    offset += written;
  }
}

function resolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // does not exist yet
  }
}

export function writeFileAtomic(path: string, text: string): void {
  const target = resolved(path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    try {
      writeAll(fd, Buffer.from(text, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    const dir = openSync(dirname(target), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // Windows cannot open a folder for fsync; the rename itself is atomic there.
  }
}
