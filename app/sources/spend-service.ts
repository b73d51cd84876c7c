/**
 * The main-side service: sources, ledger and engine wired together. The app's pollers, the popover
 * (through IPC) and the CLI all go through it, so they all show the same SpendView.
 */
import { join } from 'node:path';
import { buildCatalog, type Catalog } from '../engine/catalog/catalog.ts';
import { countedSources } from '../engine/counted-sources.ts';
import { periodContaining } from '../engine/period.ts';
import { spendSeries, type BilledTotal } from '../engine/spend-series.ts';
import { withReconciliation } from '../engine/daily-reconciliation.ts';
import { buildView, type SourceInput } from '../engine/build-view.ts';
import { billProof } from '../engine/bill-proof.ts';
import type { BillLine } from '../engine/billed-rates.ts';
import { longContextRule } from '../engine/price.ts';
import { snoozeAlert, type Alert } from '../engine/alerts.ts';
import { dailyTable, type DailyRow } from '../engine/daily-table.ts';
import { localDate } from '../engine/time-zone.ts';
import type { UsageRow } from '../engine/usage-row.ts';
import type { PriceFindingView, ProviderLimit, SourceKey, SpendView } from '../engine/view-types.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { readAlertState, writeAlertState } from './alert-store.ts';
import { ANTHROPIC_DEFAULT_BASE_URL, AnthropicClient } from './anthropic/anthropic-client.ts';
import { claudeProjectRoots } from './claude-code/claude-roots.ts';
import { ClaudeCodeScanner } from './claude-code/claude-scanner.ts';
import { ScanWorkerPool, type ScanWorkerOptions } from './claude-code/scan-workers.ts';
import { DEMO_ANTHROPIC_KEY, DEMO_OPENAI_KEY } from './demo/demo-server.ts';
import { checkBaseUrl } from './http/base-url.ts';
import { keyCharacterProblem } from './http/key-characters.ts';
import { Ledger, type TimeRange } from './ledger/ledger.ts';
import { localDaysRange, viewRange } from './ledger/ledger-ranges.ts';
import { exportRows, type ExportRow } from './ledger/export-rows.ts';
import { OPENAI_DEFAULT_BASE_URL, OpenAiClient } from './openai/openai-client.ts';
import { syncProvider } from './provider-sync.ts';
import { sourceCoverage, type DataCoverage } from './data-coverage.ts';
import { syncWindow } from './sync-window.ts';
import { fixFor, SOURCE_LABELS } from './source-labels.ts';
import { failureOf, SourceError, type SourceState } from './source-status.ts';

export type AdminProvider = 'anthropic' | 'openai';

export interface KeyLookup {
  get(provider: AdminProvider): Promise<string | undefined>;
}

export interface SpendServiceOptions {
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  readonly keys: KeyLookup;
  readonly settings: () => Settings;
  /** Demo mode: both admin APIs are the simulated organization at this URL, with its keys. */
  readonly demoBaseUrl?: string;
  /**
   * Worker threads for the first (cold) scan of Claude Code logs: it uses every core and leaves
   * this thread free; the workers end with it, and later refreshes (a few appended bytes) run here.
   */
  readonly claudeScanWorkers?: ScanWorkerOptions;
  readonly timeoutMs?: number;
}

const SOURCES: readonly SourceKey[] = ['anthropic', 'openai', 'claude-code'];

export class SpendService {
  private readonly ledger: Ledger;
  private readonly scanner: ClaudeCodeScanner | undefined;
  private readonly states = new Map<SourceKey, SourceState>();
  private readonly notices: string[] = [];
  private readonly limits = new Map<AdminProvider, readonly ProviderLimit[]>();
  private logWarnings: string[] = [];

  constructor(private readonly options: SpendServiceOptions) {
    // Demo data never mixes with real history.
    const ledgerHome = options.demoBaseUrl ? join(options.home, 'demo') : options.home;
    this.ledger = Ledger.open(ledgerHome, () => new Date(options.now()));
    if (this.ledger.problem) this.notices.push(this.ledger.problem);
    const roots = claudeProjectRoots(options.env);
    if (roots.problem) this.notices.push(roots.problem);
    // The scanner's state is saved under the home, so a restart reads only what was appended.
    this.scanner =
      roots.roots.length > 0 && !options.demoBaseUrl
        ? new ClaudeCodeScanner(roots.roots, { stateDir: options.home, now: options.now })
        : undefined;
  }

  get isDemo(): boolean {
    return this.options.demoBaseUrl !== undefined;
  }

  private async keyFor(provider: AdminProvider): Promise<string | undefined> {
    if (this.options.demoBaseUrl) return provider === 'anthropic' ? DEMO_ANTHROPIC_KEY : DEMO_OPENAI_KEY;
    const fromEnv =
      provider === 'anthropic' ? this.options.env.SPENDBAR_ANTHROPIC_ADMIN_KEY : this.options.env.SPENDBAR_OPENAI_ADMIN_KEY;
    return fromEnv?.trim() || (await this.options.keys.get(provider));
  }

  /** "Test key": the organization a candidate key belongs to. Throws SourceError with what is wrong. */
  async organizationOf(provider: AdminProvider, key: string): Promise<string | undefined> {
    const client = this.client(provider, key);
    return (await client.organization(this.options.now())).organization;
  }

  private client(provider: AdminProvider, key: string, signal?: AbortSignal): AnthropicClient | OpenAiClient {
    const variable = provider === 'anthropic' ? 'SPENDBAR_ANTHROPIC_BASE_URL' : 'SPENDBAR_OPENAI_BASE_URL';
    const fallback = provider === 'anthropic' ? ANTHROPIC_DEFAULT_BASE_URL : OPENAI_DEFAULT_BASE_URL;
    const baseUrl = checkBaseUrl(
      this.options.demoBaseUrl ?? this.options.env[variable] ?? fallback,
      this.options.demoBaseUrl ? 'demo server URL' : variable,
    );
    const options = {
      baseUrl,
      key,
      now: this.options.now,
      ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}),
      ...(signal ? { signal } : {}),
    };
    return provider === 'anthropic' ? new AnthropicClient(options) : new OpenAiClient(options);
  }

  async configured(): Promise<Set<SourceKey>> {
    const set = new Set<SourceKey>();
    for (const provider of ['anthropic', 'openai'] as const) if (await this.keyFor(provider)) set.add(provider);
    if (this.scanner) set.add('claude-code');
    return set;
  }

  /** One refresh of one source. Throws SourceError on failure; what is stored stays as it was. */
  async refresh(source: SourceKey, signal?: AbortSignal): Promise<void> {
    if (source === 'claude-code') {
      if (!this.scanner) return;
      const pool =
        this.scanner.cold && this.options.claudeScanWorkers ? new ScanWorkerPool(this.options.claudeScanWorkers) : undefined;
      this.scanner.useParser(pool?.parse);
      try {
        this.logWarnings = (await this.scanner.refresh(signal)).warnings;
      } catch (error) {
        if (!pool || signal?.aborted) throw error;
        // Workers could not run here: the same scan on this thread, slower but complete.
        this.scanner.useParser(undefined);
        this.logWarnings = (await this.scanner.refresh(signal)).warnings;
      } finally {
        this.scanner.useParser(undefined);
        await pool?.close();
      }
      return;
    }
    const key = await this.keyFor(source);
    if (!key)
      throw new SourceError({
        kind: 'key-rejected',
        message: `No ${SOURCE_LABELS[source]} admin key is set. Add one in Settings.`,
      });
    // From the environment or saved before this check existed: refuse it by name rather than as "offline".
    const problem = keyCharacterProblem(key);
    if (problem) throw new SourceError({ kind: 'key-rejected', message: `${SOURCE_LABELS[source]} admin key: ${problem}` });
    const client = this.client(source, key, signal);
    await syncProvider(source, client, this.ledger, this.options.now());
    await this.readLimits(source, client);
  }

  /** The provider's own spend limits; a failure here never fails the source (the last ones read stay). */
  private async readLimits(source: AdminProvider, client: AnthropicClient | OpenAiClient): Promise<void> {
    try {
      const limits =
        client instanceof OpenAiClient
          ? await client.spendLimits([...new Set(this.ledger.usage('openai').flatMap((r) => (r.workspace ? [r.workspace] : [])))])
          : await client.spendLimits();
      this.limits.set(source, limits);
    } catch {
      // Limits are extra information: a failure to read them leaves the spend figures untouched.
    }
  }

  setState(state: SourceState): void {
    this.states.set(state.id as SourceKey, state);
  }

  /** Refresh every configured source once, recording each outcome (the CLI's one-shot). */
  async refreshAllOnce(): Promise<void> {
    const configured = await this.configured();
    await Promise.all(
      [...configured].map(async (id) => {
        try {
          await this.refresh(id);
          this.setState({ id, state: 'ok', lastSuccessAt: new Date(this.options.now()).toISOString() });
        } catch (error) {
          const failure = failureOf(error);
          this.setState({
            id,
            state: failure.kind,
            message: failure.message,
            ...(failure.retryAt ? { retryAt: new Date(failure.retryAt).toISOString() } : {}),
          });
        }
      }),
    );
  }

  /** What is stored of this period: admin sources from their sync marks, Claude Code from its last scan. */
  private coverage(id: SourceKey, periodStart: number, state: SourceState): DataCoverage {
    const now = this.options.now();
    if (id !== 'claude-code') return sourceCoverage(this.ledger.syncMark(id), periodStart, now, syncWindow(now).historyFrom);
    // Logs are read whole on each scan: after a good one, every hour up to it is known.
    if (!state.lastSuccessAt) return { dataFrom: null, dataThrough: null, coverage: 'none' };
    const through = Math.floor(Date.parse(state.lastSuccessAt) / 3_600_000) * 3_600_000;
    return { dataFrom: new Date(periodStart).toISOString(), dataThrough: new Date(through).toISOString(), coverage: 'complete' };
  }

  private sourceInput(id: SourceKey, isConfigured: boolean, periodStart: number): SourceInput {
    const state: SourceState = isConfigured ? (this.states.get(id) ?? { id, state: 'loading' }) : { id, state: 'not-configured' };
    const fix = fixFor(id, state.state);
    return {
      ...(isConfigured ? this.coverage(id, periodStart, state) : {}),
      id,
      label: SOURCE_LABELS[id],
      configured: isConfigured,
      estimate: id === 'claude-code',
      state: state.state,
      ...(state.message ? { message: state.message } : {}),
      ...(state.lastSuccessAt ? { lastSuccessAt: state.lastSuccessAt } : {}),
      ...(state.retryAt ? { retryAt: state.retryAt } : {}),
      ...(fix ? { fix } : {}),
    };
  }

  /**
   * The catalog and the usage and billed rows of the wanted sources in a time range: what every
   * report prices. The ledger is queried for the range only, never read whole. `catalog` carries the
   * rates learned from the bill; `logCatalog` (Claude Code) and `findings` do not.
   */
  private pricingInputs(
    wanted: ReadonlySet<SourceKey>,
    settings: Settings,
    range: TimeRange,
  ): { catalog: Catalog; logCatalog: Catalog; usage: UsageRow[]; billed: BilledTotal[]; findings: readonly PriceFindingView[] } {
    const logCatalog = buildCatalog(settings.priceOverrides);
    const usage: UsageRow[] = [];
    const billed: BilledTotal[] = [];
    const lines: BillLine[] = [];
    for (const source of wanted) {
      for (const row of this.ledger.usage(source, range)) usage.push(row); // a spread overflows the stack at a year of rows
      for (const c of this.ledger.costs(source, range)) {
        billed.push({ source: c.source, day: c.day, femto: BigInt(c.femto), model: c.model, workspace: c.workspace });
        lines.push({ ...c, femto: BigInt(c.femto) });
      }
    }
    const { catalog, findings } = billProof(lines, usage, logCatalog, this.options.now());
    if (this.scanner && wanted.has('claude-code'))
      usage.push(...this.scanner.usageRows((model, day) => longContextRule(logCatalog, model, day)));
    return { catalog, logCatalog, usage, billed, findings };
  }

  /** One row per local day between two dates (inclusive), for the counted or the chosen sources. */
  async daily(since: string | undefined, until: string | undefined, sources?: readonly SourceKey[]): Promise<DailyRow[]> {
    const settings = this.options.settings();
    const now = this.options.now();
    const counted = countedSources({
      countedSources: sources ?? settings.countedSources,
      configured: await this.configured(),
      claudeCodeIsSubscription: settings.claudeCodeSubscriptionUsd !== null,
    });
    const from = since ?? periodContaining(now, settings.timeZone, settings.periodStartDay).startDate;
    const to = until ?? localDate(now, settings.timeZone);
    const { catalog, logCatalog, usage, billed } = this.pricingInputs(counted, settings, localDaysRange(from, to));
    const rows = dailyTable(usage, billed, catalog, { now, timeZone: settings.timeZone, since: from, until: to });
    const admin = usage.filter((r) => r.source !== 'claude-code');
    return withReconciliation(rows, spendSeries(admin, billed, logCatalog, now));
  }

  /** The ledger as export rows, by default from its first day to today (see ledger/export-rows.ts). */
  async exportRows(since?: string, until?: string, sources?: readonly SourceKey[]): Promise<ExportRow[]> {
    const settings = this.options.settings();
    const now = this.options.now();
    const counted = countedSources({
      countedSources: sources ?? settings.countedSources,
      configured: await this.configured(),
      claudeCodeIsSubscription: settings.claudeCodeSubscriptionUsd !== null,
    });
    const to = until ?? localDate(now, settings.timeZone);
    const from = since ?? this.ledger.firstDay() ?? periodContaining(now, settings.timeZone, settings.periodStartDay).startDate;
    const { catalog, usage, billed } = this.pricingInputs(counted, settings, localDaysRange(from, to));
    return exportRows(usage, billed, catalog, { now, timeZone: settings.timeZone, since: from, until: to });
  }

  /** "Remind me later" for one alert. */
  snoozeAlert(id: string, until: number): void {
    const state = readAlertState(this.options.home);
    if (state) writeAlertState(this.options.home, snoozeAlert(state, id, until));
  }

  /** The SpendView now. With consumeAlerts, due alerts are marked fired (the app's notifier). */
  async view(
    options: { consumeAlerts?: boolean; sources?: readonly SourceKey[] } = {},
  ): Promise<{ view: SpendView; due: readonly Alert[] }> {
    const settings = this.options.settings();
    const configured = await this.configured();
    const wanted = new Set(options.sources ?? SOURCES);
    const now = this.options.now();
    const { catalog, logCatalog, usage, billed, findings } = this.pricingInputs(wanted, settings, viewRange(now, settings));
    const periodStart = periodContaining(now, settings.timeZone, settings.periodStartDay).start;
    const { view, alertState, due } = buildView({
      now,
      timeZone: settings.timeZone,
      periodStartDay: settings.periodStartDay,
      capUsd: settings.capUsd,
      sourceCaps: settings.sourceCaps,
      thresholds: settings.thresholds,
      countedSources: options.sources ? [...wanted] : settings.countedSources,
      subscriptionUsd: settings.claudeCodeSubscriptionUsd,
      catalog,
      logCatalog,
      priceFindings: findings,
      usage,
      billed,
      sources: SOURCES.filter((id) => wanted.has(id)).map((id) => this.sourceInput(id, configured.has(id), periodStart)),
      alertState: readAlertState(this.options.home),
      ...(settings.notificationsPausedUntil ? { pausedUntil: Date.parse(settings.notificationsPausedUntil) } : {}),
      demo: this.isDemo,
      notices: [...this.notices, ...this.logWarnings],
      providerLimits: (['anthropic', 'openai'] as const).flatMap((p) => (wanted.has(p) ? (this.limits.get(p) ?? []) : [])),
      staleAfterMs: 3 * Math.max(1, settings.pollIntervalMinutes) * 60_000,
    });
    if (options.consumeAlerts) writeAlertState(this.options.home, alertState);
    return { view, due };
  }
}
