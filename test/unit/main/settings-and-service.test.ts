/**
 * Settings that went wrong and the AppService's life cycle: a corrupt or hand-edited config.json,
 * payloads that try to smuggle keys into it, restarts that must not rescan logs, and a quit that
 * must not hang behind a stuck scan.
 */
import Conf from 'conf';
import { mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppService, type AppServiceDeps } from '../../../app/main/app-service.ts';
import { openSettingsStore, type KeyValueStore } from '../../../app/main/settings-store.ts';
import type { SpendView } from '../../../app/engine/view-types.ts';
import { DEFAULT_SETTINGS } from '../../../app/shared/settings-schema.ts';
import { readSettingsFile, writeSettingsFile } from '../../../app/sources/settings-file.ts';
import { assistantLine, tempDir, writeLines } from '../../helpers/claude-logs.ts';
import { memorySecrets } from '../../helpers/memory-secrets.ts';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** electron-store's API, run here on conf, which electron-store extends. */
const openStore = (cwd: string) => openSettingsStore((options) => new Conf(options) as unknown as KeyValueStore, cwd);

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** An AppService on a temp home whose only source is a Claude Code log tree. */
function claudeOnlyService(extra: Partial<AppServiceDeps> = {}) {
  const home = tempDir('spendbar-service-');
  const log = join(home, '.claude', 'projects', 'p', 'session.jsonl');
  writeLines(log, [assistantLine({ id: 'msg_a', req: 'req_a', input: 1_000_000, output: 1_000 })]);
  writeSettingsFile(home, DEFAULT_SETTINGS);
  const views: SpendView[] = [];
  const service = new AppService({
    home,
    env: { HOME: home },
    now: () => NOW,
    secrets: memorySecrets(),
    settings: { read: () => readSettingsFile(home), write: (s) => writeSettingsFile(home, s) },
    startDemo: async () => {
      throw new Error('no demo in this test');
    },
    onView: (view) => views.push(view),
    ...extra,
  });
  return { home, log, service, views };
}

const claudeState = (views: SpendView[]) => views.at(-1)?.sources.find((s) => s.id === 'claude-code')?.state;

describe('a corrupt or unreadable config.json (app side)', () => {
  it('is moved aside, the app starts with defaults, and the user is told what happened', () => {
    const cwd = tempDir('spendbar-store-');
    writeFileSync(join(cwd, 'config.json'), '{"capUsd": "250.00", "thresholds": [50, 8');
    const store = openStore(cwd);
    expect(store.read()).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(cwd).find((f) => f.startsWith('config.unreadable-'))!;
    expect(readFileSync(join(cwd, aside), 'utf8')).toBe('{"capUsd": "250.00", "thresholds": [50, 8'); // nothing lost
    expect(store.problems).toEqual([
      `Your settings could not be read (The config file \`${join(cwd, 'config.json')}\` is not valid JSON.), so Spendbar started with default settings. The old file was kept as ${aside}.`,
    ]);
    store.write({ ...store.read(), capUsd: '90' });
    expect(openStore(cwd).read().capUsd).toBe('90');
  });

  it('a config.json that cannot be read at all (a folder in its place) is handled the same way', () => {
    const cwd = tempDir('spendbar-store-');
    mkdirSync(join(cwd, 'config.json'));
    const store = openStore(cwd);
    expect(store.read()).toEqual(DEFAULT_SETTINGS);
    expect(store.problems[0]).toMatch(
      /^Your settings could not be read \(.*EISDIR.*\), so Spendbar started with default settings/,
    );
  });

  it('a cap typed as a number is not dropped silently: the message says what and why, and the file is kept', () => {
    const cwd = tempDir('spendbar-store-');
    writeFileSync(join(cwd, 'config.json'), JSON.stringify({ schemaVersion: 1, capUsd: 250, trayFigure: 'percent' }));
    const store = openStore(cwd);
    expect(store.read()).toMatchObject({ capUsd: null, trayFigure: 'percent' });
    const kept = readdirSync(cwd).find((f) => f.startsWith('config.invalid-'))!;
    expect(store.problems).toEqual([
      'Setting "capUsd" was 250 but must be null or a dollar amount in quotes, such as "250.00"; it was reset to null.',
      `The file as it was is kept as ${kept}.`,
    ]);
    expect(JSON.parse(readFileSync(join(cwd, kept), 'utf8')).capUsd).toBe(250);
  });

  it('the popover shows those problems: in the setup and above the figures', async () => {
    const { service, views } = claudeOnlyService({ settingsProblems: ['Setting "capUsd" was 250 but must be …'] });
    await service.start();
    cleanup.push(() => service.stop());
    const setup = await service.handle('spendbar:get-setup', undefined);
    expect(setup.ok && setup.value.problems).toEqual(['Setting "capUsd" was 250 but must be …']);
    expect(views.at(-1)?.notices[0]).toBe('Setting "capUsd" was 250 but must be …');
    service.reportProblem('Notifications cannot be shown (not signed); alerts appear here instead.');
    await sleep(50);
    expect(views.at(-1)?.notices).toContain('Notifications cannot be shown (not signed); alerts appear here instead.');
  });
});

describe('a corrupt or unreadable config.json (CLI side)', () => {
  it('is left as it is, defaults are used, and the message says so', () => {
    const home = tempDir('spendbar-cli-settings-');
    writeFileSync(join(home, 'config.json'), '{"capUsd": ');
    const loaded = readSettingsFile(home);
    expect(loaded.capUsd).toBeNull();
    expect(loaded.problems[0]).toMatch(
      /config\.json is not valid JSON \(.+\); using default settings, the file was left as it is$/,
    );
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe('{"capUsd": ');

    const unreadable = tempDir('spendbar-cli-settings-');
    mkdirSync(join(unreadable, 'config.json'));
    expect(readSettingsFile(unreadable).problems).toEqual([
      `${join(unreadable, 'config.json')} could not be read (EISDIR); using default settings, the file was left as it is`,
    ]);
    expect(readSettingsFile(tempDir('spendbar-cli-settings-')).problems).toEqual([]); // a fresh install is silent
  });
});

describe('update-settings stores only validated copies of known keys', () => {
  it('refuses Object.prototype names and keeps extra fields out of config.json', async () => {
    const { service, home } = claudeOnlyService();
    await service.start();
    cleanup.push(() => service.stop());
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])
      expect(await service.handle('spendbar:update-settings', JSON.parse(`{"${key}": 1}`))).toEqual({
        ok: false,
        error: `unknown setting: ${key}`,
      });
    const huge = 'x'.repeat(1_100_000);
    const result = await service.handle('spendbar:update-settings', {
      capUsd: '500',
      priceOverrides: [{ model: 'my-model', rates: { input: '1', output: '2', junk: huge }, junk: huge }],
    });
    expect(result.ok).toBe(true);
    const file = join(home, 'config.json');
    expect(statSync(file).size).toBeLessThan(2_000);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored.priceOverrides).toEqual([{ model: 'my-model', rates: { input: '1', output: '2' } }]);
    expect(Object.keys(stored).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});

describe('restarts and quit', () => {
  it('changing the poll interval or removing a key restarts only the pollers: no cold rescan of the logs', async () => {
    const { service, views, log } = claudeOnlyService();
    const mtime = new Date('2026-11-20T10:00:00Z'); // whole seconds: the filesystem keeps it exactly
    utimesSync(log, mtime, mtime);
    await service.start();
    cleanup.push(() => service.stop());
    while (claudeState(views) !== 'ok') await sleep(20);
    const spent = views.at(-1)!.spentUsd;
    expect(spent).toBeGreaterThan(0);
    // Same size, same inode, same mtime, other numbers: only a cold scan would read them again.
    writeLines(log, [assistantLine({ id: 'msg_a', req: 'req_a', input: 9_000_000, output: 1_000 })]);
    utimesSync(log, mtime, mtime);
    expect((await service.handle('spendbar:update-settings', { pollIntervalMinutes: 7 })).ok).toBe(true);
    expect((await service.handle('spendbar:remove-key', { provider: 'openai' })).ok).toBe(true);
    await sleep(1_500); // the restarted pollers refresh at once; a cold scan of one file takes milliseconds
    expect(claudeState(views)).toBe('ok');
    expect(views.at(-1)!.spentUsd).toBe(spent);
  });

  it('quit does not hang behind a refresh that ignores its abort signal (a stuck cold scan)', async () => {
    const worker = join(tempDir('spendbar-stuck-'), 'stuck-scan-worker.mjs');
    // A scan worker that never answers, as one stuck on a dead network mount would.
    writeFileSync(worker, 'setTimeout(() => process.exit(0), 4000);\n');
    const { service, views } = claudeOnlyService({ claudeScanWorker: worker, stopTimeoutMs: 200 });
    await service.start();
    while (claudeState(views) !== 'loading') await sleep(10);
    await sleep(100);
    const outcome = await Promise.race([service.stop().then(() => 'stopped'), sleep(3_000).then(() => 'hung')]);
    expect(outcome).toBe('stopped');
  });
});
