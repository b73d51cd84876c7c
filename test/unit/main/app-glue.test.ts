import Conf from 'conf';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppService } from '../../../app/main/app-service.ts';
import { isTrustedSender } from '../../../app/main/ipc-sender.ts';
import { hardenApp, lockDownContents } from '../../../app/main/security.ts';
import { openSettingsStore, type KeyValueStore } from '../../../app/main/settings-store.ts';
import { watchSystemEvents } from '../../../app/main/system-events.ts';
import { DEFAULT_SETTINGS } from '../../../app/shared/settings-schema.ts';
import { DEMO_ANTHROPIC_KEY, startDemoServer, type DemoServer } from '../../../app/sources/demo/demo-server.ts';
import { readSettingsFile, writeSettingsFile } from '../../../app/sources/settings-file.ts';
import { tempDir } from '../../helpers/claude-logs.ts';
import { FakeContents, FakeFrame, FakePowerMonitor } from '../../helpers/electron-fake.ts';
import { memorySecrets } from '../../helpers/memory-secrets.ts';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function appService(demo: DemoServer) {
  const home = tempDir('spendbar-glue-');
  writeSettingsFile(home, DEFAULT_SETTINGS);
  const views: number[] = [];
  const service = new AppService({
    home,
    env: { HOME: home, SPENDBAR_ANTHROPIC_BASE_URL: demo.url, SPENDBAR_ANTHROPIC_ADMIN_KEY: DEMO_ANTHROPIC_KEY },
    now: () => NOW,
    secrets: memorySecrets(),
    settings: { read: () => readSettingsFile(home), write: (s) => writeSettingsFile(home, s) },
    startDemo: async () => ({ url: demo.url, close: async () => undefined }),
    onView: (view) => views.push(view.spentUsd),
  });
  await service.start();
  cleanup.push(() => service.stop());
  return { service, views, home };
}

describe('refresh on resume and when the network returns', () => {
  it('waking the computer makes the sources refresh (debounced), going through the real service', async () => {
    const demo = await startDemoServer({ seed: 4, now: () => new Date(NOW) });
    cleanup.push(() => demo.close());
    const { service } = await appService(demo);
    while (service.view?.sources.find((s) => s.id === 'anthropic')?.state !== 'ok') await sleep(20);
    const before = demo.requests.count;
    const power = new FakePowerMonitor();
    let online = false;
    const stop = watchSystemEvents({
      powerMonitor: power,
      isOnline: () => online,
      refresh: () => service.refreshNow(),
      checkEveryMs: 20,
    });
    cleanup.push(stop);
    power.emit('resume');
    power.emit('unlock-screen');
    await sleep(1_500);
    const afterResume = demo.requests.count;
    expect(afterResume - before).toBe(3); // one sync: one usage page, one cost page, one spend-limit read
    online = true;
    await sleep(1_500);
    expect(demo.requests.count - afterResume).toBe(3);
  });
});

describe('IPC boundary', () => {
  it('refuses malformed payloads with a result, never an exception', async () => {
    const demo = await startDemoServer({ seed: 4, now: () => new Date(NOW) });
    cleanup.push(() => demo.close());
    const { service } = await appService(demo);
    expect(await service.handle('spendbar:set-key', { provider: 'gemini', key: 'x' })).toEqual({
      ok: false,
      error: expect.stringMatching(/provider/),
    });
    expect(await service.handle('spendbar:update-settings', { capUsd: 'lots' })).toEqual({
      ok: false,
      error: expect.stringMatching(/capUsd/),
    });
    expect(await service.handle('spendbar:update-settings', { __proto__: 1, evil: true })).toMatchObject({ ok: false });
    expect(await service.handle('spendbar:snooze-alert', { id: 'x', minutes: -5 })).toMatchObject({ ok: false });
    for (const height of [0, -1, 1e9, Number.NaN, '600'])
      expect(await service.handle('spendbar:fit-height', { height })).toEqual({
        ok: false,
        error: 'fit-height needs a height of 1–10000 pixels',
      });
    expect(await service.handle('spendbar:nope' as never, {})).toEqual({ ok: false, error: 'unknown channel spendbar:nope' });
    const view = await service.handle('spendbar:get-view', undefined);
    expect(view.ok && view.value.sources[0]!.id).toBe('anthropic');
  });

  it('accepts only our own popover page as the sender, by identity, whatever form its URL takes', () => {
    // What pathToFileURL gives for C:\Program Files\… versus Chromium's canonical form: the
    // strings differ (drive-letter case, escapes), the page is the same.
    const ours = new FakeContents('file:///c:/Program%20Files/Spendbar/resources/app.asar/out/renderer/index.html');
    const other = new FakeContents('file:///C:/Program%20Files/Spendbar/resources/app.asar/out/renderer/index.html');
    const iframe = new FakeFrame(ours.mainFrame.url);
    expect(isTrustedSender({ sender: ours, senderFrame: ours.mainFrame }, ours)).toBe(true);
    expect(isTrustedSender({ sender: other, senderFrame: other.mainFrame }, ours)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: iframe }, ours)).toBe(false);
    expect(isTrustedSender<FakeContents, FakeFrame>({ sender: ours, senderFrame: null }, ours)).toBe(false);
    expect(isTrustedSender<FakeContents, FakeFrame>({ sender: ours, senderFrame: ours.mainFrame }, undefined)).toBe(false);
  });

  it('windows cannot navigate, open windows, attach webviews or get permissions', () => {
    const contents = new FakeContents();
    lockDownContents(contents);
    expect(contents.attempt('will-navigate')).toBe(true);
    expect(contents.attempt('will-redirect')).toBe(true);
    expect(contents.attempt('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    let check: (() => boolean) | undefined;
    let created: ((event: unknown, contents: FakeContents) => void) | undefined;
    hardenApp(
      { on: ((_event: string, listener: never) => void (created = listener)) as never },
      {
        setPermissionRequestHandler: ((handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void) =>
          handler(null, 'media', (ok) => answers.push(ok))) as never,
        setPermissionCheckHandler: ((handler: () => boolean) => void (check = handler)) as never,
      },
    );
    expect(answers).toEqual([false]);
    expect(check?.()).toBe(false);
    const later = new FakeContents();
    created?.({}, later);
    expect(later.attempt('will-navigate')).toBe(true);
  });
});

describe('settings store (electron-store API, run here on conf, which electron-store extends)', () => {
  const open = (cwd: string) => openSettingsStore((options) => new Conf(options) as unknown as KeyValueStore, cwd);

  it('migrates a version-0 file on first open and writes it back current', () => {
    const cwd = tempDir('spendbar-store-');
    writeFileSync(join(cwd, 'config.json'), readFileSync(new URL('../../fixtures/settings/v0-prototype.json', import.meta.url)));
    const store = open(cwd);
    expect(store.read()).toMatchObject({ schemaVersion: 1, capUsd: '250.00', thresholds: [50, 80, 100] });
    expect(JSON.parse(readFileSync(join(cwd, 'config.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('round-trips a change and keeps valid fields when one is broken by hand', () => {
    const cwd = tempDir('spendbar-store-');
    const store = open(cwd);
    store.write({ ...store.read(), capUsd: '750', trayFigure: 'percent' });
    expect(open(cwd).read()).toMatchObject({ capUsd: '750', trayFigure: 'percent' });
    const file = join(cwd, 'config.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), periodStartDay: 31 }));
    const reopened = open(cwd);
    expect(reopened.problems[0]).toBe(
      'Setting "periodStartDay" was 31 but must be a whole day of the month from 1 to 28; it was reset to 1.',
    );
    expect(reopened.read()).toMatchObject({ capUsd: '750', periodStartDay: 1 });
  });
});
