/**
 * A real small file system for fault tests: a tmpfs of a few hundred KiB (fills up for real) that
 * can be remounted read-only. Needs root (CI's container and this VM run tests as root); where it
 * cannot mount, `reason` says why and the tests that need it are skipped with that reason.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const smallDiskUnavailable: string | undefined = (() => {
  if (process.platform !== 'linux') return 'a tmpfs mount is a Linux test fixture';
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root';
  try {
    const dir = mkdtempSync(join(tmpdir(), 'spendbar-probe-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true });
    return undefined;
  } catch (error) {
    return `mount is not permitted here (${(error as Error).message.split('\n')[0]})`;
  }
})();

export class SmallDisk {
  readonly dir = mkdtempSync(join(tmpdir(), 'spendbar-disk-'));
  constructor(kib: number) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0755`, 'tmpfs', this.dir]);
  }
  readOnly(on: boolean): void {
    execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, this.dir]);
  }
  /** Fills the disk to the last byte with one file; returns its path (delete it to free the space). */
  fill(): string {
    const path = join(this.dir, 'filler');
    const fd = openSync(path, 'a');
    try {
      for (;;) writeSync(fd, Buffer.alloc(4096, 1));
    } catch {
      return path;
    } finally {
      closeSync(fd);
    }
  }
  dispose(): void {
    try {
      execFileSync('umount', ['-l', this.dir]);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
