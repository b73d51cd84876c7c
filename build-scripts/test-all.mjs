// `npm test`: every suite (vitest: engine, sources, CLI, main glue; Playwright: the renderer in
// Chromium), inside a private D-Bus session with an unlocked gnome-keyring so keychain tests use
// the real OS store. Ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL(import.meta.url).pathname;
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

if (
  !process.env.DBUS_SESSION_BUS_ADDRESS &&
  !process.env.SPENDBAR_TEST_NO_DBUS &&
  !process.env.SPENDBAR_TEST_INSIDE_SESSION &&
  has('dbus-run-session') &&
  has('gnome-keyring-daemon')
) {
  // A throwaway keyring: nothing the tests store reaches the user's own keychain.
  const dataHome = mkdtempSync(join(tmpdir(), 'spendbar-keyring-'));
  const script = `echo spendbar-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node "${here}"`;
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, XDG_DATA_HOME: dataHome, SPENDBAR_TEST_INSIDE_SESSION: '1' },
    encoding: 'utf8',
  });
  // The private bus's own chatter (fd limits, accessibility bus activation) is noise here.
  process.stderr.write((result.stderr ?? '').replace(/^dbus-daemon\[.*\n/gm, ''));
  rmSync(dataHome, { recursive: true, force: true });
  // The summary is the last line, whatever was printed after it inside the session.
  const summary = existsSync('ci-out/summary.txt')
    ? readFileSync('ci-out/summary.txt', 'utf8').trim()
    : '0 passed, 1 failed, 0 skipped';
  console.log(summary);
  process.exit(result.status ?? 1);
}

mkdirSync('ci-out', { recursive: true });
for (const file of ['ci-out/vitest.json', 'ci-out/playwright.json', 'ci-out/summary.txt']) rmSync(file, { force: true });

// Every temp file the tests make (ledgers, log trees, settings) lands in one folder, removed after.
const runTmp = mkdtempSync(join(tmpdir(), 'spendbar-test-run-'));
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TMPDIR: runTmp, ...env } }).status;
// The renderer tests load the built popover: build first (about a second).
if (run('node', ['build-scripts/build.mjs']) !== 0) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const vitestCode = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=ci-out/vitest.json']);

let playwrightCode = 0;
const hasE2e = existsSync('playwright.config.ts');
if (hasE2e) {
  playwrightCode = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'ci-out/playwright.json',
  });
}

let passed = 0,
  failed = 0,
  skipped = 0;
try {
  const v = JSON.parse(readFileSync('ci-out/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  // A suite that failed to load has no tests to count but is a failure.
  failed += v.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} catch {
  failed += 1;
  console.error('vitest wrote no report (ci-out/vitest.json): counted as one failure');
}
if (hasE2e) {
  try {
    const stats = JSON.parse(readFileSync('ci-out/playwright.json', 'utf8')).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  } catch {
    failed += 1;
    console.error('Playwright wrote no report (ci-out/playwright.json): counted as one failure');
  }
}
rmSync(runTmp, { recursive: true, force: true });
const summary = `${passed} passed, ${failed} failed, ${skipped} skipped`;
writeFileSync('ci-out/summary.txt', summary);
// Inside the D-Bus session the wrapper prints it, last; run directly, print it here.
if (!process.env.SPENDBAR_TEST_INSIDE_SESSION) console.log(summary);
process.exit(vitestCode === 0 && playwrightCode === 0 && failed === 0 ? 0 : 1);
