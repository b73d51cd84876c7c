// Compiles main, preload, CLI and renderer into out/ with esbuild (one tool, ~0.5 s).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'node22', platform: 'node' };
// electron-store (ESM-only) is bundled into the CommonJS main; the keychain binding stays a native module.
const external = ['electron', '@napi-rs/keyring'];

rmSync('out', { recursive: true, force: true });
const jobs = [];
if (existsSync('app/main/index.ts')) {
  jobs.push(build({ ...common, entryPoints: ['app/main/index.ts'], outfile: 'out/main/index.cjs', format: 'cjs', external }));
  jobs.push(
    build({
      ...common,
      entryPoints: ['app/sources/claude-code/scan-worker-entry.ts'],
      outfile: 'out/main/scan-worker.cjs',
      format: 'cjs',
    }),
  );
}
if (existsSync('app/preload/index.ts')) {
  // Sandboxed preloads run as CommonJS with only a few Electron modules available.
  jobs.push(
    build({
      ...common,
      entryPoints: ['app/preload/index.ts'],
      outfile: 'out/preload/index.cjs',
      format: 'cjs',
      external: ['electron'],
      target: 'chrome140',
    }),
  );
}
jobs.push(
  build({
    ...common,
    entryPoints: ['app/cli/spendbar.ts'],
    outfile: 'out/cli/spendbar.mjs',
    format: 'esm',
    external,
    banner: {
      js: "import { createRequire as __spendbarRequire } from 'node:module'; const require = __spendbarRequire(import.meta.url);",
    },
  }),
);
if (existsSync('renderer/index.ts')) {
  jobs.push(
    build({
      ...common,
      platform: 'browser',
      target: 'chrome140',
      // A classic script, not a module: Chromium refuses module scripts over file:// (CORS).
      format: 'iife',
      entryPoints: ['renderer/index.ts'],
      outfile: 'out/renderer/index.js',
    }),
  );
}
await Promise.all(jobs);
if (existsSync('app/main/assets')) cpSync('app/main/assets', 'out/main/assets', { recursive: true });
if (existsSync('renderer/index.html')) {
  mkdirSync('out/renderer', { recursive: true });
  for (const file of ['index.html', 'popover.css'])
    if (existsSync(`renderer/${file}`)) cpSync(`renderer/${file}`, `out/renderer/${file}`);
}
console.log('built out/');
