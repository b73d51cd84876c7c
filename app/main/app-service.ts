/**
 * Everything the app does, without Electron: pollers per source, keys, settings, demo mode, and
 * the handlers behind every IPC channel. The Electron glue (tray, window, notifications, ipcMain)
 * only forwards to it, and the renderer tests drive this same object through a Playwright binding.
 */
import type { Alert } from '../engine/alerts.ts';
import type { SourceKey, SpendView } from '../engine/view-types.ts';
import type { InvokeChannel, RequestOf, ResponseOf, SetupState } from '../shared/ipc-contract.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { SourcePoller } from '../sources/poller.ts';
import { SourceError } from '../sources/source-status.ts';
import { SpendService } from '../sources/spend-service.ts';
import { parseRequest } from './ipc-requests.ts';
import { keyFormatProblem, type KeyProvider, type SecretStore } from './secret-store.ts';

export interface SettingsStore {
  read(): Settings;
  write(settings: Settings): void;
}

export interface AppServiceDeps {
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  readonly secrets: SecretStore;
  readonly settings: SettingsStore;
  /** Starts the simulated organization on 127.0.0.1 (demo mode). */
  readonly startDemo: () => Promise<{ url: string; close(): Promise<void> }>;
  /** Every new view, with the alerts now due (for the tray, the popover and notifications). */
  readonly onView: (view: SpendView, due: readonly Alert[]) => void;
  /** The popover's content height, for the window to fit it. */
  readonly onContentHeight?: (height: number) => void;
  /** Settings the platform applies itself (launch at login). */
  readonly onSettings?: (settings: Settings) => void;
  readonly timeoutMs?: number;
  /** The bundled Claude Code scan worker, for the cold scan (see SpendService). */
  readonly claudeScanWorker?: string;
}

const LOCAL_LOG_INTERVAL_MS = 60_000;

export class AppService {
  private spend!: SpendService;
  private pollers = new Map<SourceKey, SourcePoller>();
  private demo: { url: string; close(): Promise<void> } | undefined;
  private latest: SpendView | undefined;

  constructor(private readonly deps: AppServiceDeps) {}

  async start(): Promise<void> {
    const settings = this.deps.settings.read();
    if (settings.demoMode) this.demo = await this.deps.startDemo();
    this.spend = new SpendService({
      home: this.deps.home,
      env: this.deps.env,
      now: this.deps.now,
      keys: { get: (provider) => this.deps.secrets.get(provider).catch(() => undefined) },
      settings: () => this.deps.settings.read(),
      ...(this.demo ? { demoBaseUrl: this.demo.url } : {}),
      ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}),
      ...(this.deps.claudeScanWorker ? { claudeScanWorkers: { script: this.deps.claudeScanWorker } } : {}),
    });
    await this.startPollers();
    await this.publish();
  }

  /** Polling pauses cleanly: the requests in flight are aborted and awaited. */
  async stop(): Promise<void> {
    await Promise.all([...this.pollers.values()].map((p) => p.stop()));
    this.pollers.clear();
    await this.demo?.close();
    this.demo = undefined;
  }

  private async startPollers(): Promise<void> {
    const configured = await this.spend.configured();
    const minutes = Math.max(1, this.deps.settings.read().pollIntervalMinutes);
    for (const id of configured) {
      if (this.pollers.has(id)) continue;
      const poller = new SourcePoller({
        id,
        intervalMs: id === 'claude-code' ? LOCAL_LOG_INTERVAL_MS : minutes * 60_000,
        now: this.deps.now,
        refresh: (signal) => this.spend.refresh(id, signal),
        onState: (state) => {
          this.spend.setState(state);
          void this.publish();
        },
      });
      this.pollers.set(id, poller);
      poller.start();
    }
  }

  private async publish(): Promise<void> {
    const { view, due } = await this.spend.view({ consumeAlerts: true });
    this.latest = view;
    this.deps.onView(view, due);
  }

  /** Popover opened, computer woke, network came back. */
  refreshNow(): void {
    for (const poller of this.pollers.values()) poller.refreshNow();
  }

  get view(): SpendView | undefined {
    return this.latest;
  }

  private async setup(): Promise<SetupState> {
    const keys = { anthropic: await this.deps.secrets.has('anthropic'), openai: await this.deps.secrets.has('openai') };
    const configured = await this.spend.configured();
    return {
      keys,
      keychainPersistent: this.deps.secrets.persistent,
      keychainProblem: this.deps.secrets.problem ?? null,
      claudeCodeFound: configured.has('claude-code'),
      settings: this.deps.settings.read(),
      demo: this.demo !== undefined,
    };
  }

  private async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private async testKey(provider: KeyProvider, candidate: string | undefined): Promise<Result<{ message: string }>> {
    const key = candidate?.trim() || (await this.deps.secrets.get(provider));
    const name = provider === 'anthropic' ? 'Anthropic' : 'OpenAI';
    if (!key) return fail(`No ${name} key to test: paste one first.`);
    const problem = keyFormatProblem(provider, key);
    if (problem) return fail(problem);
    try {
      const organization = await this.spend.organizationOf(provider, key);
      return ok({
        message: organization
          ? `Key works: organization ${organization} on ${name}.`
          : `Key works: ${name}'s usage report answered.`,
      });
    } catch (error) {
      return fail(
        error instanceof SourceError ? error.message : `Test failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** The handler behind every invoke channel; the payload is validated here, results not exceptions. */
  async handle<C extends InvokeChannel>(channel: C, payload: unknown): Promise<ResponseOf<C>> {
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return parsed as ResponseOf<C>;
    try {
      return (await this.dispatch(channel, parsed.value)) as ResponseOf<C>;
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error)) as ResponseOf<C>;
    }
  }

  private async dispatch<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<Result<unknown>> {
    const r = request as Record<string, unknown>;
    switch (channel as InvokeChannel) {
      case 'spendbar:get-view':
        if (!this.latest) await this.publish();
        return ok(this.latest);
      case 'spendbar:get-setup':
        return ok(await this.setup());
      case 'spendbar:refresh-now':
        this.refreshNow();
        return ok(null);
      case 'spendbar:set-key': {
        const provider = r.provider as KeyProvider;
        const problem = keyFormatProblem(provider, r.key as string);
        if (problem) return fail(problem);
        await this.deps.secrets.set(provider, r.key as string);
        const poller = this.pollers.get(provider);
        if (poller) poller.keyChanged();
        else await this.startPollers();
        return ok({ persistent: this.deps.secrets.persistent });
      }
      case 'spendbar:remove-key': {
        await this.deps.secrets.remove(r.provider as KeyProvider);
        await this.restart();
        return ok(null);
      }
      case 'spendbar:test-key':
        return this.testKey(r.provider as KeyProvider, r.key as string | undefined);
      case 'spendbar:update-settings': {
        const previous = this.deps.settings.read();
        const next = { ...previous, ...(request as Partial<Settings>) };
        this.deps.settings.write(next);
        this.deps.onSettings?.(next);
        if (next.pollIntervalMinutes !== previous.pollIntervalMinutes) await this.restart();
        else await this.publish();
        return ok(next);
      }
      case 'spendbar:set-demo-mode':
        this.deps.settings.write({ ...this.deps.settings.read(), demoMode: r.enabled as boolean });
        await this.restart();
        return ok(null);
      case 'spendbar:snooze-alert':
        this.spend.snoozeAlert(r.id as string, this.deps.now() + (r.minutes as number) * 60_000);
        return ok(null);
      case 'spendbar:fit-height':
        this.deps.onContentHeight?.(r.height as number);
        return ok(null);
      default:
        return fail(`unknown channel ${String(channel)}`);
    }
  }
}
