/**
 * Everything the app does, without Electron: pollers per source, keys, settings, demo mode, and
 * the handlers behind every IPC channel. The Electron glue (tray, window, notifications, ipcMain)
 * only forwards to it, and the renderer tests drive this same object through a Playwright binding.
 */
import type { Alert } from '../engine/alerts.ts';
import type { SourceKey, SpendView } from '../engine/view-types.ts';
import type { InvokeChannel, RequestOf, ResponseOf, SetupState } from '../shared/ipc-contract.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { validateSettings, type Settings } from '../shared/settings-schema.ts';
import { writeFileAtomic } from '../sources/atomic-file.ts';
import { exportCsv } from '../sources/ledger/export-csv.ts';
import { SourcePoller } from '../sources/poller.ts';
import { SourceError } from '../sources/source-status.ts';
import { SpendService } from '../sources/spend-service.ts';
import { parseRequest } from './ipc-requests.ts';
import { isKeyProvider, keyFormatProblem, type KeyProvider, type SecretStore } from './secret-store.ts';
import type { SourceDefinition } from '../sources/source-definition.ts';

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
  /** Esc or the close control in the popover. */
  readonly onClosePopover?: () => void;
  /** Settings the platform applies itself (launch at login, the tray menu). */
  readonly onSettings?: (settings: Settings) => void;
  /** Problems found while opening the settings (what was reset and why), shown to the user. */
  readonly settingsProblems?: readonly string[];
  readonly timeoutMs?: number;
  /** How long stop() waits for refreshes in flight before giving up on them (quit must not hang). */
  readonly stopTimeoutMs?: number;
  /** The bundled Claude Code scan worker, for the cold scan (see SpendService). */
  readonly claudeScanWorker?: string;
  /** A save dialog for "Export CSV…": the chosen path, or undefined when cancelled. */
  readonly chooseExportPath?: (suggestedName: string) => Promise<string | undefined>;
  /** The sources (default: registry.ts); a test adds one to see it reach every screen. */
  readonly registry?: readonly SourceDefinition[];
}

const STOP_TIMEOUT_MS = 3_000;

/** One handler per invoke channel: a missing channel or a wrong result type fails to compile. */
type Handlers = { readonly [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export class AppService {
  /** One for the app's life: restarting pollers must not rescan Claude Code logs from cold. */
  private spend: SpendService | undefined;
  private pollers = new Map<SourceKey, SourcePoller>();
  private demo: { url: string; close(): Promise<void> } | undefined;
  private latest: SpendView | undefined;
  private readonly problems: string[];

  constructor(private readonly deps: AppServiceDeps) {
    this.problems = [...(deps.settingsProblems ?? [])];
  }

  async start(): Promise<void> {
    const settings = this.deps.settings.read();
    if (settings.demoMode && !this.demo) this.demo = await this.deps.startDemo();
    this.spend ??= this.createSpend();
    await this.startPollers();
    await this.publish();
  }

  private createSpend(): SpendService {
    return new SpendService({
      home: this.deps.home,
      env: this.deps.env,
      now: this.deps.now,
      keys: { get: async (id) => (isKeyProvider(id) ? this.deps.secrets.get(id).catch(() => undefined) : undefined) },
      settings: () => this.deps.settings.read(),
      ...(this.demo ? { demoBaseUrl: this.demo.url } : {}),
      ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}),
      ...(this.deps.claudeScanWorker ? { claudeScanWorkers: { script: this.deps.claudeScanWorker } } : {}),
      ...(this.deps.registry ? { registry: this.deps.registry } : {}),
    });
  }

  private get service(): SpendService {
    if (!this.spend) throw new Error('Spendbar is still starting; try again in a moment.');
    return this.spend;
  }

  /**
   * Polling pauses: the requests in flight are aborted and awaited, but no longer than
   * stopTimeoutMs — a refresh that ignores its abort signal (a cold log scan) must not hang quit.
   */
  async stop(): Promise<void> {
    await this.stopPollers([...this.pollers.keys()]);
    await this.demo?.close();
    this.demo = undefined;
  }

  private async stopPollers(ids: readonly SourceKey[]): Promise<void> {
    const stopping = ids.map((id) => this.pollers.get(id)?.stop());
    for (const id of ids) this.pollers.delete(id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.deps.stopTimeoutMs ?? STOP_TIMEOUT_MS)));
    await Promise.race([Promise.all(stopping), late]);
    clearTimeout(timer);
  }

  private async startPollers(): Promise<void> {
    const spend = this.service;
    const configured = await spend.configured();
    const minutes = Math.max(1, this.deps.settings.read().pollIntervalMinutes);
    for (const definition of spend.definitions) {
      const id = definition.id;
      if (!configured.has(id) || this.pollers.has(id)) continue;
      // Local logs are cheap to poll and follow their own interval; billed sources follow the
      // user's, never below what the source allows.
      const every =
        definition.credential.kind === 'none' ? definition.pollMinutes.default : Math.max(definition.pollMinutes.min, minutes);
      const poller = new SourcePoller({
        id,
        intervalMs: every * 60_000,
        now: this.deps.now,
        refresh: (signal) => spend.refresh(id, signal),
        onState: (state) => {
          spend.setState(state);
          void this.publish();
        },
      });
      this.pollers.set(id, poller);
      poller.start();
    }
  }

  /** The interval changed: only the pollers restart; the SpendService and its scanned logs stay. */
  private async restartPollers(): Promise<void> {
    await this.stopPollers([...this.pollers.keys()]);
    await this.startPollers();
  }

  private async publish(): Promise<void> {
    const { view, due } = await this.service.view({ consumeAlerts: true });
    this.latest = this.problems.length ? { ...view, notices: [...this.problems, ...view.notices] } : view;
    this.deps.onView(this.latest, due);
  }

  /** Something the user must know that no source reports (notifications failing): shown until restart. */
  reportProblem(text: string): void {
    if (this.problems.includes(text)) return;
    this.problems.push(text);
    if (this.spend) void this.publish();
  }

  /** Popover opened, computer woke, network came back. */
  refreshNow(): void {
    for (const poller of this.pollers.values()) poller.refreshNow();
  }

  get view(): SpendView | undefined {
    return this.latest;
  }

  /**
   * The one write path for settings: the popover (through IPC) and the tray menu (pause, launch at
   * login) both come here, so the platform hooks and the pollers always follow the file.
   */
  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const previous = this.deps.settings.read();
    // A fresh document of known keys only, whatever the store handed back.
    const next = validateSettings({ ...previous, ...patch }).settings;
    this.deps.settings.write(next);
    this.deps.onSettings?.(next);
    if (next.pollIntervalMinutes !== previous.pollIntervalMinutes) await this.restartPollers();
    if (this.spend) await this.publish();
    return next;
  }

  private async setup(): Promise<SetupState> {
    const configured = await this.service.configured();
    const sources = await Promise.all(
      this.service.definitions.map(async ({ id, label, credential, pollCost }) => ({
        id,
        label,
        credential: credential.kind,
        ...(credential.kind === 'none'
          ? {}
          : { keyName: credential.keyName, keyPrefix: credential.prefix, whereToCreate: credential.whereToCreate }),
        keySet: credential.kind !== 'none' && (await this.deps.secrets.has(id)),
        configured: configured.has(id),
        pollCost,
      })),
    );
    return {
      sources,
      keychainPersistent: this.deps.secrets.persistent,
      keychainProblem: this.deps.secrets.problem ?? null,
      claudeCodeFound: configured.has('claude-code'),
      settings: this.deps.settings.read(),
      demo: this.demo !== undefined,
      problems: [...this.problems],
    };
  }

  private async testKey(provider: KeyProvider, candidate: string | undefined): Promise<Result<{ message: string }>> {
    const key = candidate?.trim() || (await this.deps.secrets.get(provider));
    const name = this.service.definitions.find((d) => d.id === provider)?.label ?? provider;
    if (!key) return fail(`No ${name} key to test: paste one first.`);
    const problem = keyFormatProblem(provider, key);
    if (problem) return fail(problem);
    try {
      const organization = await this.service.organizationOf(provider, key);
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

  private readonly handlers: Handlers = {
    'spendbar:get-view': async () => {
      if (!this.latest) await this.publish();
      return this.latest ? ok(this.latest) : fail('No view yet.');
    },
    'spendbar:get-setup': async () => ok(await this.setup()),
    'spendbar:refresh-now': async () => {
      this.refreshNow();
      return ok(null);
    },
    'spendbar:set-key': async ({ provider, key }) => {
      const problem = keyFormatProblem(provider, key);
      if (problem) return fail(problem);
      await this.deps.secrets.set(provider, key);
      const poller = this.pollers.get(provider);
      if (poller) poller.keyChanged();
      else await this.startPollers();
      return ok({ persistent: this.deps.secrets.persistent });
    },
    'spendbar:remove-key': async ({ provider }) => {
      await this.deps.secrets.remove(provider);
      // Only that source's poller stops; the others and the scanned logs carry on.
      if (!(await this.service.configured()).has(provider)) await this.stopPollers([provider]);
      await this.publish();
      return ok(null);
    },
    'spendbar:test-key': ({ provider, key }) => this.testKey(provider, key),
    'spendbar:update-settings': async (patch) => ok(await this.updateSettings(patch)),
    'spendbar:set-demo-mode': async ({ enabled }) => {
      this.deps.settings.write({ ...this.deps.settings.read(), demoMode: enabled });
      // Demo data lives in its own ledger behind its own server: this one change rebuilds the service.
      await this.stop();
      this.spend = undefined;
      await this.start();
      return ok(null);
    },
    'spendbar:snooze-alert': async ({ id, minutes }) => {
      this.service.snoozeAlert(id, this.deps.now() + minutes * 60_000);
      return ok(null);
    },
    'spendbar:fit-height': async ({ height }) => {
      this.deps.onContentHeight?.(height);
      return ok(null);
    },
    'spendbar:close-popover': async () => {
      this.deps.onClosePopover?.();
      return ok(null);
    },
    'spendbar:export-csv': () => this.exportCsv(),
  };

  /** "Export CSV…": every day the ledger holds, written atomically where the user chose. */
  private async exportCsv(): Promise<Result<{ path: string; rows: number } | null>> {
    const today = new Date(this.deps.now()).toISOString().slice(0, 10);
    const path = await this.deps.chooseExportPath?.(`spendbar-${today}.csv`);
    if (!path) return ok(null);
    const rows = await this.service.exportRows();
    writeFileAtomic(path, exportCsv(rows));
    return ok({ path, rows: rows.length });
  }

  /** The handler behind every invoke channel; the payload is validated here, results not exceptions. */
  async handle<C extends InvokeChannel>(channel: C, payload: unknown): Promise<ResponseOf<C>> {
    if (!Object.hasOwn(this.handlers, channel)) return fail(`unknown channel ${String(channel)}`);
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return fail(parsed.error);
    const handler: Handlers[C] = this.handlers[channel];
    try {
      return await handler(parsed.value);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  }
}
