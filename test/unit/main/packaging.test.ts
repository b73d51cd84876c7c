/**
 * What the installer ships: the built main bundle against package.json. electron-builder copies
 * every `dependencies` package into the app; a package esbuild already bundled would ship twice.
 * Needs out/ (npm test builds it first); skips with the reason otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const BUNDLE = 'out/main/index.cjs';
const built = existsSync(BUNDLE);
if (!built) console.warn(`packaging: skipped: ${BUNDLE} is not built (run \`node build-scripts/build.mjs\`; npm test does)`);

/** Packages the bundle loads from node_modules at run time (not Node's own, not Electron, not code-generation strings). */
function runtimePackages(bundle: string): string[] {
  const names = new Set<string>();
  for (const match of bundle.matchAll(/(?<![`'"\w.])(?:require|import)\("([^"./][^"]*)"\)/g)) {
    const spec = match[1]!;
    if (spec.startsWith('node:') || spec === 'electron') continue;
    names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return [...names].sort();
}

describe.skipIf(!built)('packaged dependencies', () => {
  it('dependencies are exactly what the bundle loads at run time (electron-store is bundled, so it is not shipped again)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(runtimePackages(readFileSync(BUNDLE, 'utf8')));
  });

  it('the keychain binding is loaded lazily, so a missing prebuilt cannot crash the app as it loads', () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    expect(bundle).toContain('import("@napi-rs/keyring")');
    expect(bundle).not.toContain('require("@napi-rs/keyring")');
  });
});
