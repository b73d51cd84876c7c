import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, lstatSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAlertState, writeAlertState } from '../../../../app/sources/alert-store.ts';
import { ledgerHome } from './ledger-home.ts';

const ATOMIC_TS = fileURLToPath(new URL('../../../../app/sources/atomic-file.ts', import.meta.url));

describe.skipIf(process.platform === 'win32')('atomic files (alerts.json, config.json)', () => {
  it('a write cut short by a full disk fails loudly, keeps the old file whole, and leaves no temp file', () => {
    const home = ledgerHome();
    const path = join(home, 'alerts.json');
    const good = JSON.stringify({ periodStart: '2026-11-01', fired: [{ id: 'cap-50' }] });
    writeFileSync(path, good);
    // RLIMIT_FSIZE makes the kernel accept the first KiB of a write and refuse the rest (EFBIG):
    // a real short write. SIGXFSZ is ignored so the process sees the error instead of dying.
    const script = `import { writeFileAtomic } from ${JSON.stringify(ATOMIC_TS)};
try { writeFileAtomic(process.argv[1], 'x'.repeat(64 * 1024)); console.log('ok'); } catch (e) { console.log('failed ' + e.code); }`;
    const child = spawnSync(
      'bash',
      [
        '-c',
        'trap "" XFSZ; ulimit -f 1; exec "$0" --import tsx --input-type=module -e "$1" "$2"',
        process.execPath,
        script,
        path,
      ],
      { encoding: 'utf8' },
    );
    expect(child.stdout.trim()).toBe('failed EFBIG');
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(readdirSync(home)).toEqual(['alerts.json']);
  });

  it('a symlinked alerts.json stays a symlink; the file it points to gets the new state', () => {
    const home = ledgerHome();
    const elsewhere = ledgerHome();
    writeFileSync(join(elsewhere, 'real.json'), '{}');
    symlinkSync(join(elsewhere, 'real.json'), join(home, 'alerts.json'));
    writeAlertState(home, { periodStart: '2026-11-01', fired: [{ id: 'cap-75' }] } as never);
    expect(lstatSync(join(home, 'alerts.json')).isSymbolicLink()).toBe(true);
    expect(readAlertState(home)?.fired.map((f) => f.id)).toEqual(['cap-75']);
    expect(readdirSync(elsewhere)).toEqual(['real.json']);
  });
});
