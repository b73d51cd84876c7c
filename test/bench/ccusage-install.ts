/**
 * ccusage 20.0.24 in .bench/, the reference the log benches compare with. Not a dependency: its
 * per-platform packages are not all on this registry, which would break `npm ci`; 20.0.26 has no
 * linux binary here, 20.0.24 works (../shared/reference/toolchain.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BENCH_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function installCcusage(): string {
  const dir = `${BENCH_ROOT}.bench/ccusage`;
  const bin = `${dir}/node_modules/.bin/ccusage`;
  if (!existsSync(bin))
    spawnSync(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', 'ccusage@20.0.24'],
      {
        stdio: 'ignore',
      },
    );
  return bin;
}
