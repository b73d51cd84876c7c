/**
 * `npx playwright test` on its own builds what the renderer tests load (out/renderer) instead of
 * failing on a missing out/. About a second with esbuild; `npm test` has built already, and
 * building again is cheap and keeps the two paths identical.
 */
import { spawnSync } from 'node:child_process';

export default function globalSetup(): void {
  const result = spawnSync(process.execPath, ['build-scripts/build.mjs'], { stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`node build-scripts/build.mjs failed (exit ${result.status}): the popover could not be built`);
}
