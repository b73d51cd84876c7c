/**
 * The popover in real Chromium against the real main-side AppService, running in the test process
 * against the demo server over HTTP. Only the transport differs from the app: a Playwright binding
 * instead of Electron IPC. Every payload main sends to the page is recorded for inspection.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { AppService } from '../../app/main/app-service.ts';
import { PopoverWindow } from '../../app/main/popover-window.ts';
import { FakeScreen, FakeWindow } from '../helpers/electron-fake.ts';
import { openSecretStore, type SecretStore } from '../../app/main/secret-store.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../app/shared/settings-schema.ts';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../app/sources/demo/demo-server.ts';
import { readSettingsFile, writeSettingsFile } from '../../app/sources/settings-file.ts';
import type { SpendView } from '../../app/engine/view-types.ts';
import type { SourceDefinition } from '../../app/sources/source-definition.ts';

export const NOW = Date.parse('2026-11-25T12:30:00Z');
const RENDERER = join(process.cwd(), 'out', 'renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

let bridgeScript: string | undefined;
async function pageBridge(): Promise<string> {
  bridgeScript ??= (
    await build({
      entryPoints: ['test/e2e/page-bridge.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
    })
  ).outputFiles[0]!.text;
  return bridgeScript;
}

function serveRenderer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(RENDERER, path === '/' ? 'index.html' : path.replace(/^\/+/, ''));
    if (!file.startsWith(RENDERER)) return void res.writeHead(403).end();
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Where the Playwright tests save the popover as it looks, to be opened and checked by eye. */
export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

export interface HarnessOptions {
  readonly settings?: Partial<Settings>;
  /** Extra environment: keys and base URLs as a user would set them. */
  readonly env?: (demo: DemoServer) => Record<string, string>;
  readonly demo?: DemoServerOptions;
  readonly beforeStart?: (demo: DemoServer) => void;
  /** Load the built page from file://, as Electron's loadFile does, instead of over http. */
  readonly viaFile?: boolean;
  /** The sources, when a test adds one to the registry. */
  readonly registry?: readonly SourceDefinition[];
}

export interface Harness {
  readonly service: AppService;
  readonly demo: DemoServer;
  readonly home: string;
  readonly secrets: SecretStore;
  readonly keychainService: string;
  /** Everything main sent to the page, serialized. */
  readonly sentToPage: string[];
  /** The popover window as main sizes it (on a 1512 × 982 laptop screen under a macOS menu bar). */
  readonly window: FakeWindow;
  settled(): Promise<SpendView>;
  close(): Promise<void>;
}

export async function openPopover(page: Page, options: HarnessOptions = {}): Promise<Harness> {
  const demo = await startDemoServer({ seed: 42, now: () => new Date(NOW), ...options.demo });
  options.beforeStart?.(demo);
  const home = mkdtempSync(join(tmpdir(), 'spendbar-e2e-'));
  writeSettingsFile(home, { ...DEFAULT_SETTINGS, ...options.settings });
  const keychainService = `app.spendbar.e2e.${process.pid}.${Date.now()}`;
  const secrets = await openSecretStore(keychainService);
  const sentToPage: string[] = [];
  const push = (channel: string, payload: unknown) => {
    sentToPage.push(JSON.stringify(payload));
    void page
      .evaluate(
        ({ channel, payload }) => window.dispatchEvent(new CustomEvent('spendbar-event', { detail: { channel, payload } })),
        { channel, payload },
      )
      .catch(() => undefined);
  };
  // The real PopoverWindow sizes a fake window; the page's viewport then takes that size, so
  // screenshots show what the user sees.
  const popoverWindow = new FakeWindow();
  const laptop = { bounds: { x: 0, y: 0, width: 1512, height: 982 }, workArea: { x: 0, y: 37, width: 1512, height: 945 } };
  const popover = new PopoverWindow(popoverWindow, new FakeScreen([laptop]), () => undefined);
  popover.open({ x: 1200, y: 5, width: 30, height: 24 });
  const service = new AppService({
    home,
    env: { HOME: home, ...options.env?.(demo) },
    onContentHeight: (contentHeight) => {
      popover.fitContent(contentHeight);
      const [width, height] = popoverWindow.size;
      void page.setViewportSize({ width, height }).catch(() => undefined);
    },
    now: () => NOW,
    secrets,
    settings: {
      read: () => {
        const { problems: _problems, ...settings } = readSettingsFile(home);
        return settings;
      },
      write: (s) => writeSettingsFile(home, s),
    },
    startDemo: async () => {
      const server = await startDemoServer({ seed: 7, now: () => new Date(NOW), leakedKey: true });
      return { url: server.url, close: () => server.close() };
    },
    onView: (view) => push('spendbar:view-changed', view),
    // The demo server, the service and the test share one process here: with four sources syncing
    // a month at once on two busy cores a page can wait seconds for its turn, which is not an outage.
    timeoutMs: 15_000,
    ...(options.registry ? { registry: options.registry } : {}),
  });
  await page.clock.install({ time: NOW });
  await page.exposeBinding('__spendbarInvoke', async (_source, channel: string, payload: unknown) => {
    const result = await service.handle(channel as never, payload);
    sentToPage.push(JSON.stringify(result));
    return result;
  });
  await page.addInitScript({ content: await pageBridge() });
  await service.start();
  const server = await serveRenderer();
  await page.setViewportSize({ width: 360, height: 520 });
  await page.goto(
    options.viaFile
      ? pathToFileURL(join(RENDERER, 'index.html')).toString()
      : `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
  );

  return {
    service,
    demo,
    home,
    secrets,
    keychainService,
    sentToPage,
    window: popoverWindow,
    async settled() {
      for (let i = 0; i < 200; i++) {
        const view = service.view;
        if (view && view.sources.every((s) => s.state !== 'loading')) return view;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('sources did not settle');
    },
    async close() {
      await service.stop();
      await demo.close();
      await new Promise((resolve) => server.close(resolve));
      for (const provider of ['anthropic', 'openai'] as const) await secrets.remove(provider).catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
