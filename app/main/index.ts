/**
 * The composition root: wires Electron to the AppService and does nothing else. Single instance,
 * no Dock icon, starts hidden in the tray; every decision lives in a module that is tested
 * without Electron (against test/helpers/electron-fake.ts).
 */
import { app, BrowserWindow, dialog, Menu, nativeImage, net, Notification, powerMonitor, screen, session, Tray } from 'electron';
import ElectronStore from 'electron-store';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';
import { startDemoServer } from '../sources/demo/demo-server.ts';
import { spendbarHome } from '../sources/spendbar-home.ts';
import { openOnRelaunch } from './app-events.ts';
import { appMenuTemplate } from './app-menu.ts';
import { AppService } from './app-service.ts';
import { registerIpc, sendShowSettings, sendView } from './ipc.ts';
import { setLaunchAtLogin } from './login-item.ts';
import { Notifier } from './notifier.ts';
import { isWayland, PopoverWindow, popoverWindowOptions } from './popover-window.ts';
import { openSecretStore } from './secret-store.ts';
import { hardenApp } from './security.ts';
import { openSettingsStore, type KeyValueStore } from './settings-store.ts';
import { runStartup } from './startup.ts';
import { watchSystemEvents } from './system-events.ts';
import { wireTrayClicks } from './tray-clicks.ts';
import { TrayController } from './tray-controller.ts';
import { trayMenuTemplate } from './tray-menu.ts';
import { drawRing, RING_SCALE, RING_SIZE, type RingSpec } from './tray-ring.ts';

const APP_ID = 'app.spendbar.desktop';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows shows no notifications without an AppUserModelID matching the Start-menu shortcut.
  app.setAppUserModelId(APP_ID);
  app.dock?.hide();
  void runStartup(app, start, (title, content) => dialog.showErrorBox(title, content));
}

function trayIcon(spec: RingSpec) {
  const pixels = Buffer.from(drawRing(spec));
  const image = nativeImage.createFromBitmap(pixels, { width: RING_SIZE, height: RING_SIZE, scaleFactor: RING_SCALE });
  if (spec.template) image.setTemplateImage(true);
  return image;
}

async function start(): Promise<void> {
  hardenApp(app, session.defaultSession);
  // Packaged builds: no Reload or DevTools shortcuts, no Cmd+W; the Edit roles keep paste working.
  if (app.isPackaged) Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform)));
  const home = spendbarHome({ ...process.env, SPENDBAR_HOME: process.env.SPENDBAR_HOME ?? app.getPath('userData') });
  const settings = openSettingsStore((options) => new ElectronStore(options) as unknown as KeyValueStore, home);
  const secrets = await openSecretStore();
  const rendererFile = join(__dirname, '..', 'renderer', 'index.html');
  const wayland = isWayland(process.platform, process.env);

  const window = new BrowserWindow({
    ...popoverWindowOptions({ platform: process.platform, wayland }),
    // Spelled out here, where the window is made, so reviewers and electronegativity see them.
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      backgroundThrottling: false,
    },
  });
  const contents = () => (window.isDestroyed() ? undefined : window.webContents);
  void window.loadFile(rendererFile);
  const tray = new Tray(trayIcon({ fraction: 0, state: 'ok', template: process.platform === 'darwin' }));
  const trayController = new TrayController(tray, trayIcon, process.platform);

  const popover = new PopoverWindow(window, screen, () => service.refreshNow(), { platform: process.platform, wayland });
  const notifier = new Notifier({
    create: (options) => new Notification(options),
    supported: () => Notification.isSupported(),
    openPopover: () => popover.open(),
    onFailed: (error) => {
      const text = `Notifications cannot be shown (${error}); alerts appear here instead.`;
      service.reportProblem(text);
      trayController.warn(text);
    },
  });

  const service: AppService = new AppService({
    home,
    env: process.env,
    now: () => Date.now(),
    // Unpacked from the asar archive (electron-builder.yml), so the worker loads from a real file.
    claudeScanWorker: join(__dirname, 'scan-worker.cjs').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`),
    secrets,
    settings,
    settingsProblems: settings.problems,
    startDemo: async () => {
      const server = await startDemoServer({ seed: 1, scenario: 'growth', leakedKey: true });
      return { url: server.url, close: () => server.close() };
    },
    onContentHeight: (height) => popover.fitContent(height),
    onClosePopover: () => popover.hide(),
    chooseExportPath: async (suggestedName) => {
      const chosen = await dialog.showSaveDialog({
        title: 'Export Spendbar history',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      return chosen.canceled ? undefined : chosen.filePath;
    },
    onView: (view, due) => {
      trayController.update(view, settings.read().trayFigure);
      sendView(contents(), view);
      notifier.show(due);
    },
    onSettings: (next) => {
      setLaunchAtLogin(
        app,
        { platform: process.platform, env: process.env, home: homedir(), execPath: process.execPath },
        next.launchAtLogin,
      );
      menu();
    },
  });
  registerIpc(service, contents);

  const clicks = wireTrayClicks(tray, process.platform, (bounds) => popover.toggle(bounds));
  const menu = () => {
    const current = settings.read();
    const paused = current.notificationsPausedUntil !== null && Date.parse(current.notificationsPausedUntil) > Date.now();
    const template = trayMenuTemplate(
      { paused, launchAtLogin: current.launchAtLogin, demo: current.demoMode },
      {
        open: () => popover.open(),
        refresh: () => service.refreshNow(),
        settings: () => {
          popover.open();
          sendShowSettings(contents());
        },
        // The same write path as the popover's settings page.
        pause: (hours) =>
          void service.updateSettings({
            notificationsPausedUntil: hours === null ? null : new Date(Date.now() + hours * 3_600_000).toISOString(),
          }),
        toggleLaunchAtLogin: (enabled) => void service.updateSettings({ launchAtLogin: enabled }),
        quit: () => app.quit(),
      },
    );
    clicks.setMenu(Menu.buildFromTemplate(template));
  };
  menu();
  openOnRelaunch(app, () => popover.open());

  const stopWatching = watchSystemEvents({ powerMonitor, isOnline: () => net.isOnline(), refresh: () => service.refreshNow() });
  let stopping = false;
  app.on('before-quit', (event) => {
    popover.allowClose();
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    stopWatching();
    void service.stop().finally(() => app.quit());
  });
  app.on('window-all-closed', () => undefined); // a tray app keeps running without windows
  await service.start();
}
