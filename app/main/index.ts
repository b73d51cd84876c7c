/**
 * The composition root: wires Electron to the AppService and does nothing else. Single instance,
 * no Dock icon, starts hidden in the tray; every decision lives in a module that is tested
 * without Electron.
 */
import { app, BrowserWindow, Menu, nativeImage, net, Notification, powerMonitor, screen, session, Tray } from 'electron';
import ElectronStore from 'electron-store';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDemoServer } from '../sources/demo/demo-server.ts';
import { spendbarHome } from '../sources/spendbar-home.ts';
import { AppService } from './app-service.ts';
import { registerIpc, sendShowSettings, sendView } from './ipc.ts';
import { Notifier } from './notifier.ts';
import { PopoverWindow, popoverWindowOptions } from './popover-window.ts';
import { openSecretStore } from './secret-store.ts';
import { hardenApp } from './security.ts';
import { openSettingsStore, type KeyValueStore } from './settings-store.ts';
import { watchSystemEvents } from './system-events.ts';
import { TrayController } from './tray-controller.ts';
import type { TrayState } from './tray-figure.ts';
import { trayMenuTemplate } from './tray-menu.ts';

const APP_ID = 'app.spendbar.desktop';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows shows no notifications without an AppUserModelID matching the Start-menu shortcut.
  app.setAppUserModelId(APP_ID);
  app.dock?.hide();
  app.whenReady().then(start, (error: unknown) => {
    console.error('spendbar: could not start:', error instanceof Error ? error.message : error);
    app.quit();
  });
}

function trayIcon(state: TrayState) {
  const template = process.platform === 'darwin';
  const image = nativeImage.createFromPath(join(__dirname, 'assets', 'tray', `${state}${template ? 'Template' : ''}.png`));
  if (template) image.setTemplateImage(true);
  return image;
}

async function start(): Promise<void> {
  hardenApp(app, session.defaultSession);
  const home = spendbarHome({ ...process.env, SPENDBAR_HOME: process.env.SPENDBAR_HOME ?? app.getPath('userData') });
  const settings = openSettingsStore((options) => new ElectronStore(options) as unknown as KeyValueStore, home);
  const secrets = await openSecretStore();
  const rendererFile = join(__dirname, '..', 'renderer', 'index.html');
  const rendererUrl = pathToFileURL(rendererFile).toString();

  const window = new BrowserWindow({
    ...popoverWindowOptions(),
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
  void window.loadFile(rendererFile);
  const tray = new Tray(trayIcon('ok'));
  const trayController = new TrayController(tray, trayIcon, process.platform);

  const popover = new PopoverWindow(window, screen, () => service.refreshNow());
  const notifier = new Notifier(
    (options) => new Notification(options),
    () => Notification.isSupported(),
    () => popover.open(),
  );

  const service: AppService = new AppService({
    home,
    env: process.env,
    now: () => Date.now(),
    // Unpacked from the asar archive (electron-builder.yml), so the worker loads from a real file.
    claudeScanWorker: join(__dirname, 'scan-worker.cjs').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`),
    secrets,
    settings,
    startDemo: async () => {
      const server = await startDemoServer({ seed: 1, scenario: 'growth' });
      return { url: server.url, close: () => server.close() };
    },
    onContentHeight: (height) => popover.fitContent(height),
    onView: (view, due) => {
      const current = settings.read();
      trayController.update(view, current.trayFigure);
      sendView(window.webContents, view);
      notifier.show(due);
    },
    onSettings: (next) => {
      app.setLoginItemSettings({ openAtLogin: next.launchAtLogin });
      menu();
    },
  });
  registerIpc(service, rendererUrl);

  const menu = () => {
    const current = settings.read();
    const paused = current.notificationsPausedUntil !== null && Date.parse(current.notificationsPausedUntil) > Date.now();
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(
          { paused, launchAtLogin: current.launchAtLogin, demo: current.demoMode },
          {
            open: () => popover.open(),
            refresh: () => service.refreshNow(),
            settings: () => {
              popover.open();
              sendShowSettings(window.webContents);
            },
            pause: (hours) => {
              settings.write({
                ...settings.read(),
                notificationsPausedUntil: hours === null ? null : new Date(Date.now() + hours * 3_600_000).toISOString(),
              });
              menu();
            },
            toggleLaunchAtLogin: (enabled) => {
              settings.write({ ...settings.read(), launchAtLogin: enabled });
              app.setLoginItemSettings({ openAtLogin: enabled });
              menu();
            },
            quit: () => app.quit(),
          },
        ),
      ),
    );
  };
  menu();
  // Bounds from the click event are right where getBounds() is not (macOS right after creation, Windows).
  tray.on('click', (_event, bounds) => popover.toggle(bounds));
  app.on('second-instance', () => popover.open());

  const stopWatching = watchSystemEvents({ powerMonitor, isOnline: () => net.isOnline(), refresh: () => service.refreshNow() });
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    stopWatching();
    void service.stop().finally(() => app.quit());
  });
  app.on('window-all-closed', () => undefined); // a tray app keeps running without windows
  await service.start();
}
