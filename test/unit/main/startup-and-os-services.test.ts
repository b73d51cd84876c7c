/**
 * Start-up, notifications, launch at login and the keychain binding: what the user sees when
 * something outside our code misbehaves (a throwing start, a collected notification, Linux).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../app/engine/alerts.ts';
import { usdToFemto } from '../../../app/engine/money.ts';
import { autostartPath, setLaunchAtLogin } from '../../../app/main/login-item.ts';
import { Notifier } from '../../../app/main/notifier.ts';
import { openSecretStore } from '../../../app/main/secret-store.ts';
import { runStartup } from '../../../app/main/startup.ts';
import { tempDir } from '../../helpers/claude-logs.ts';
import { FakeApp, FakeNotification } from '../../helpers/electron-fake.ts';
import { existsSync } from 'node:fs';

describe('start-up', () => {
  it('an error thrown inside start() is shown in a dialog and the process exits, letting go of the lock', async () => {
    const app = new FakeApp('win32');
    await runStartup(
      app,
      async () => {
        throw new Error('The config file `C:\\Users\\ana\\AppData\\Roaming\\Spendbar\\config.json` is not valid JSON.');
      },
      (title, content) => app.showErrorBox(title, content),
    );
    expect(app.errorBoxes).toEqual([
      { title: 'Spendbar could not start', content: expect.stringMatching(/is not valid JSON\.\n\nSpendbar will quit/) },
    ]);
    expect(app.exitCode).toBe(1);
    expect(app.holdsLock).toBe(false); // launching again works
  });

  it('a good start shows nothing and keeps running', async () => {
    const app = new FakeApp('linux');
    let started = false;
    await runStartup(
      app,
      async () => void (started = true),
      (title, content) => app.showErrorBox(title, content),
    );
    expect(started).toBe(true);
    expect(app.errorBoxes).toEqual([]);
    expect(app.exitCode).toBeUndefined();
  });
});

function dueAlert() {
  return evaluateAlerts(
    {
      periodStart: '2026-11-01',
      now: 0,
      capFemto: usdToFemto('1000')!,
      spentFemto: usdToFemto('910')!,
      thresholds: [50, 75, 90, 100],
      forecast: { projectedUsd: 990, lowUsd: 950, highUsd: 999, capHitDate: null },
      lastHourUsd: 1,
      typicalHourUsd: 1,
      localDate: '2026-11-25',
    },
    undefined,
  ).due;
}

describe('notifications', () => {
  it('a notification clicked after garbage collection still opens the popover (it is kept referenced)', async () => {
    FakeNotification.reset();
    let opened = 0;
    const notifier = new Notifier({
      create: (options) => new FakeNotification(options),
      supported: () => true,
      openPopover: () => opened++,
    });
    notifier.show(dueAlert());
    await FakeNotification.collectGarbage();
    expect(FakeNotification.clickNewest()).toBe(true);
    expect(opened).toBe(1);
    expect(notifier.pending).toBe(0); // released once clicked
  });

  it('a dismissed notification is released', async () => {
    FakeNotification.reset();
    const notifier = new Notifier({
      create: (o) => new FakeNotification(o),
      supported: () => true,
      openPopover: () => undefined,
    });
    notifier.show(dueAlert());
    expect(notifier.pending).toBe(1);
    FakeNotification.closeNewest();
    expect(notifier.pending).toBe(0);
  });

  it('the fake is honest: an unreferenced notification is collected and its click is lost', async () => {
    FakeNotification.reset();
    (() => new FakeNotification({ title: 't', body: 'b' }).show())();
    await FakeNotification.collectGarbage();
    expect(FakeNotification.clickNewest()).toBe(false);
  });

  it('unsigned macOS builds cannot post notifications: the failure is reported, not swallowed', () => {
    FakeNotification.reset();
    FakeNotification.failWith = 'Notifications are not allowed for this application';
    const failures: string[] = [];
    const notifier = new Notifier({
      create: (o) => new FakeNotification(o),
      supported: () => true,
      openPopover: () => undefined,
      onFailed: (error) => failures.push(error),
    });
    notifier.show(dueAlert());
    expect(failures).toEqual(['Notifications are not allowed for this application']);
    expect(notifier.pending).toBe(0);
    FakeNotification.reset();
  });
});

describe('launch at login', () => {
  const where = (platform: NodeJS.Platform, home: string, env: Record<string, string> = {}) => ({
    platform,
    env,
    home,
    execPath: '/opt/Spendbar/spendbar',
  });

  it('Linux: Electron does nothing, so an XDG autostart entry is written and removed', () => {
    const app = new FakeApp('linux');
    const home = tempDir('spendbar-login-');
    setLaunchAtLogin(app, where('linux', home), true);
    const file = join(home, '.config', 'autostart', 'app.spendbar.desktop.desktop');
    expect(readFileSync(file, 'utf8')).toMatch(
      /^\[Desktop Entry\]\nType=Application\nName=Spendbar\n[^]*Exec="\/opt\/Spendbar\/spendbar"\n/,
    );
    setLaunchAtLogin(app, where('linux', home), false);
    expect(existsSync(file)).toBe(false);
  });

  it('Linux AppImage: the entry starts the AppImage file, in $XDG_CONFIG_HOME when set', () => {
    const home = tempDir('spendbar-login-');
    const config = join(home, 'cfg');
    mkdirSync(config);
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ana/Apps/Spendbar "beta" $1.AppImage' };
    setLaunchAtLogin(new FakeApp('linux'), where('linux', home, env), true);
    expect(autostartPath({ env, home })).toBe(join(config, 'autostart', 'app.spendbar.desktop.desktop'));
    expect(readFileSync(autostartPath({ env, home }), 'utf8')).toContain(
      'Exec="/home/ana/Apps/Spendbar \\"beta\\" \\$1.AppImage"',
    );
  });

  it('macOS and Windows: the OS login item', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const app = new FakeApp(platform);
      const home = tempDir('spendbar-login-');
      setLaunchAtLogin(app, where(platform, home), true);
      expect(app.getLoginItemSettings().openAtLogin).toBe(true);
      expect(existsSync(join(home, '.config', 'autostart'))).toBe(false);
    }
  });
});

describe('keychain binding', () => {
  it('a missing native prebuilt does not crash the app: keys are kept for this run, and it says why', async () => {
    const store = await openSecretStore('app.spendbar.test', () => import('@napi-rs/keyring-prebuilt-that-is-missing' as string));
    expect(store.persistent).toBe(false);
    expect(store.problem).toMatch(/^No OS keychain is available \(.*keyring-prebuilt-that-is-missing/);
    await store.set('anthropic', 'sk-ant-admin01-x');
    expect(await store.has('anthropic')).toBe(true);
  });
});
