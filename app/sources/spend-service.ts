/**
 * The main-side service: sources, ledger and engine wired together. The app's pollers, the popover
 * (through IPC) and the CLI all go through it, so they all show the same SpendView.
 */
import { join } from 'node:path';
import { buildCatalog } from '../engine/catalog/catalog.ts';
import { countedSources } from '../engine/counted-sources.ts';
import { periodContaining } from '../engine/period.ts';
import { spendSeries, type BilledTotal } from '../engine/spend-series.ts';
import { withReconciliation } from '../engine/daily-reconciliation.ts';
import { buildView, type SourceInput } from '../engine/build-view.ts';
import { billProof } from '../engine/bill-proof.ts';
import type { BillLine } from '../engine/billed-rates.ts';
import { snoozeAlert, type Alert, type AlertState } from '../engine/alerts.ts';
import { dailyTable, type DailyRow } from '../engine/daily-table.ts';
import type { Pricing } from '../engine/priced-series.ts';
import { localDate } from '../engine/time-zone.ts';
import type { UsageRow } from '../engine/usage-row.ts';
import type { SourceKey, SpendView } from '../engine/view-types.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { loadAlertState, writeAlertState } from './alert-store.ts';
import type { ScanWorkerOptions } from './claude-code/scan-workers.ts';
import { keyCharacterProblem } from './http/key-characters.ts';
import type { DataCoverage } from './data-coverage.ts';
import { Ledger, type TimeRange } from './ledger/ledger.ts';
import { localDaysRange, viewRange } from './ledger/ledger-ranges.ts';
import { exportRows, type ExportRow } from './ledger/export-rows.ts';
import { SOURCE_REGISTRY } from './registry.ts';
import { ViewSeries } from './view-series.ts';
import type { SourceDefinition, SourceInstance } from './source-definition.ts';
import { fixFor } from './source-labels.ts';
import { failureOf, SourceError, type SourceState } from './source-status.ts';

export interface KeyLookup {
  /** The stored key of a source whose credential is a key (by source id). */
  get(sourceId: string): Promise<string | undefined>;
}

export interface SpendServiceOptions {
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  readonly keys: KeyLookup;
  readonly settings: () => Settings;
  /** Demo mode: the sources the simulated organization serves use this URL and their demo keys. */
  readonly demoBaseUrl?: string;
  /**
   * Worker threads for the first (cold) scan of a large log tree: it uses every core and leaves
   * this thread free; the workers end with it, and later refreshes (a few appended bytes) run here.
   */
  readonly claudeScanWorkers?: ScanWorkerOptions;
  readonly timeoutMs?: number;
  /** The sources to run; every source Spendbar knows unless a test adds its own. */
  readonly registry?: readonly SourceDefinition[];
}

interface RunningSource {
  readonly definition: SourceDefinition;
  readonly instance: SourceInstance | undefined;
}

export class SpendService {
  private readonly ledger: Ledger;
  private readonly running: RunningSource[];
  private readonly states = new Map<SourceKey, SourceState>();
  private readonly notices: string[] = [];
  /** What fired while alerts.json cannot be used: kept here so nothing repeats, and the file is left alone. */
  private alertsInMemory: AlertState | undefined;
  /** The view's priced days, kept between views (view-series.ts). */
  private readonly viewSeries = new ViewSeries();

  constructor(private readonly options: SpendServiceOptions) {
    // Demo data never mixes with real history.
    const ledgerHome = options.demoBaseUrl ? join(options.home, 'demo') : options.home;
    this.ledger = Ledger.open(ledgerHome, () => new Date(options.now()));
    if (this.ledger.problem) this.notices.push(this.ledger.problem);
    const setup = {
      home: options.home,
      env: options.env,
      now: options.now,
      ...(options.demoBaseUrl ? { demoBaseUrl: options.demoBaseUrl } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.claudeScanWorkers ? { scanWorkers: options.claudeScanWorkers } : {}),
    };
    this.running = (options.registry ?? SOURCE_REGISTRY).map((definition) => {
      // In demo mode the sources the simulated organization does not serve are listed, not run.
      if (options.demoBaseUrl && !definition.inDemo) return { definition, instance: undefined };
      const created = definition.create(setup);
      if (created.problem) this.notices.push(created.problem);
      return { definition, instance: created.instance };
    });
  }

  get isDemo(): boolean {
    return this.options.demoBaseUrl !== undefined;
  }

  /** The sources this service runs, in the popover's order. */
  get definitions(): readonly SourceDefinition[] {
    return this.running.map((r) => r.definition);
  }

  private source(id: SourceKey): RunningSource {
    const found = this.running.find((r) => r.definition.id === id);
    if (!found) throw new SourceError({ kind: 'bad-response', message: `unknown source "${id}"` });
    return found;
  }

  private async keyFor(definition: SourceDefinition): Promise<string | undefined> {
    const credential = definition.credential;
    if (credential.kind === 'none') return undefined;
    if (this.options.demoBaseUrl) return definition.demoKey;
    return this.options.env[credential.envVar]?.trim() || (await this.options.keys.get(definition.id));
  }

  /** "Test key": who a candidate key belongs to. Throws SourceError with what is wrong. */
  async organizationOf(id: SourceKey, key: string): Promise<string | undefined> {
    return this.source(id).instance?.organizationOf?.(key);
  }

  async configured(): Promise<Set<SourceKey>> {
    const set = new Set<SourceKey>();
    for (const { definition, instance } of this.running) {
      if (!instance) continue;
      if (definition.credential.kind === 'none' || (await this.keyFor(definition))) set.add(definition.id);
    }
    return set;
  }

  /** One refresh of one source. Throws SourceError on failure; what is stored stays as it was. */
  async refresh(id: SourceKey, signal?: AbortSignal): Promise<void> {
    const { definition, instance } = this.source(id);
    if (!instance) return;
    const key = await this.keyFor(definition);
    if (definition.credential.kind !== 'none' && !key)
      throw new SourceError({
        kind: 'key-rejected',
        message: `No ${definition.label} ${definition.credential.kind === 'admin-key' ? 'admin key' : 'key'} is set. Add one in Settings.`,
      });
    // From the environment or saved before this check existed: refuse it by name rather than as "offline".
    const problem = key === undefined ? undefined : keyCharacterProblem(key);
    if (problem) throw new SourceError({ kind: 'key-rejected', message: `${definition.label} key: ${problem}` });
    await instance.refresh({
      ledger: this.ledger,
      now: this.options.now(),
      ...(key ? { key } : {}),
      ...(signal ? { signal } : {}),
    });
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

  /** What is stored of this period: the source's own account, else what its last good refresh read. */
  private coverage(running: RunningSource, periodStart: number, state: SourceState): DataCoverage {
    const now = this.options.now();
    const own = running.instance?.coverage?.(this.ledger, periodStart, now);
    if (own) return own;
    // Read whole on each refresh (local logs, a provider's running totals): after a good one, every hour up to it is known.
    if (!state.lastSuccessAt) return { dataThrough: null, coverage: 'none' };
    const through = Math.floor(Date.parse(state.lastSuccessAt) / 3_600_000) * 3_600_000;
    return { dataThrough: new Date(through).toISOString(), coverage: 'complete' };
  }

  private sourceInput(running: RunningSource, isConfigured: boolean, periodStart: number): SourceInput {
    const definition = running.definition;
    const id = definition.id;
    const state: SourceState = isConfigured ? (this.states.get(id) ?? { id, state: 'loading' }) : { id, state: 'not-configured' };
    const fix = fixFor(definition, state.state);
    return {
      ...(isConfigured ? this.coverage(running, periodStart, state) : {}),
      id,
      label: definition.label,
      configured: isConfigured,
      estimate: definition.truth === 'estimate',
      ...(definition.duplicates ? { duplicates: definition.duplicates } : {}),
      state: state.state,
      ...(state.message ? { message: state.message } : {}),
      ...(state.lastSuccessAt ? { lastSuccessAt: state.lastSuccessAt } : {}),
      ...(state.retryAt ? { retryAt: state.retryAt } : {}),
      ...(fix ? { fix } : {}),
    };
  }

  private countingFacts(definition: SourceDefinition, configured: boolean, settings: Settings) {
    return {
      id: definition.id,
      configured,
      duplicates: definition.duplicates,
      subscription: definition.isSubscription?.(settings) ?? false,
    };
  }

  /** The estimate sources: priced at list prices wherever their rows are (engine/priced-series.ts). */
  private estimates(): Set<SourceKey> {
    return new Set(this.running.filter((r) => r.definition.truth === 'estimate').map((r) => r.definition.id));
  }

  /**
   * The pricing and the usage and billed rows of the wanted sources in a time range: what every
   * report prices. The ledger is queried for the range only, never read whole. The rates learned
   * from the bill price the billed sources only, as in the view.
   */
  private pricingInputs(
    wanted: ReadonlySet<SourceKey>,
    settings: Settings,
    range: TimeRange,
  ): { pricing: Pricing; usage: UsageRow[]; billed: BilledTotal[] } {
    const logCatalog = buildCatalog(settings.priceOverrides);
    const usage: UsageRow[] = [];
    const billed: BilledTotal[] = [];
    const lines: BillLine[] = [];
    for (const source of wanted) {
      for (const row of this.ledger.usage(source, range)) usage.push(row); // a spread overflows the stack at a year of rows
      for (const c of this.ledger.costs(source, range)) {
        billed.push({
          source: c.source,
          day: c.day,
          femto: BigInt(c.femto),
          model: c.model,
          workspace: c.workspace,
          ...(c.apiKey !== undefined ? { apiKey: c.apiKey } : {}),
        });
        lines.push({ ...c, femto: BigInt(c.femto) });
      }
    }
    const { catalog } = billProof(lines, usage, logCatalog, this.options.now());
    for (const { definition, instance } of this.running)
      if (instance?.usageRows && wanted.has(definition.id)) for (const row of instance.usageRows(logCatalog)) usage.push(row);
    return { pricing: { catalog, logCatalog, estimates: this.estimates() }, usage, billed };
  }

  /** The billed sources' series of the view's range: only days rewritten since the last view are priced again. */
  private billedViewSeries(wanted: ReadonlySet<SourceKey>, settings: Settings, range: TimeRange, periodStart: number) {
    const billed = this.running.filter((r) => wanted.has(r.definition.id) && !r.instance?.usageRows).map((r) => r.definition.id);
    const logCatalog = buildCatalog(settings.priceOverrides);
    const key = JSON.stringify(settings.priceOverrides);
    const now = this.options.now();
    return { logCatalog, ...this.viewSeries.get(this.ledger, billed, range, periodStart, logCatalog, key, now) };
  }

  /** One row per local day between two dates (inclusive), for the counted or the chosen sources. */
  async daily(since: string | undefined, until: string | undefined, sources?: readonly SourceKey[]): Promise<DailyRow[]> {
    const settings = this.options.settings();
    const now = this.options.now();
    const configured = await this.configured();
    const counted = countedSources({
      countedSources: sources ?? settings.countedSources,
      sources: this.running.map(({ definition }) => this.countingFacts(definition, configured.has(definition.id), settings)),
    });
    const from = since ?? periodContaining(now, settings.timeZone, settings.periodStartDay).startDate;
    const to = until ?? localDate(now, settings.timeZone);
    const { pricing, usage, billed } = this.pricingInputs(counted, settings, localDaysRange(from, to));
    const rows = dailyTable(usage, billed, pricing, { now, timeZone: settings.timeZone, since: from, until: to });
    const billedSources = new Set(this.running.filter((r) => r.definition.truth === 'billed').map((r) => r.definition.id));
    const admin = usage.filter((r) => billedSources.has(r.source));
    return withReconciliation(rows, spendSeries(admin, billed, pricing.logCatalog, now));
  }

  /** The ledger as export rows, by default from its first day to today (see ledger/export-rows.ts). */
  async exportRows(since?: string, until?: string, sources?: readonly SourceKey[]): Promise<ExportRow[]> {
    const settings = this.options.settings();
    const now = this.options.now();
    const configured = await this.configured();
    const counted = countedSources({
      countedSources: sources ?? settings.countedSources,
      sources: this.running.map(({ definition }) => this.countingFacts(definition, configured.has(definition.id), settings)),
    });
    const to = until ?? localDate(now, settings.timeZone);
    const from = since ?? this.ledger.firstDay() ?? periodContaining(now, settings.timeZone, settings.periodStartDay).startDate;
    const { pricing, usage, billed } = this.pricingInputs(counted, settings, localDaysRange(from, to));
    return exportRows(usage, billed, pricing, { now, timeZone: settings.timeZone, since: from, until: to });
  }

  /** "Remind me later" for one alert. */
  snoozeAlert(id: string, until: number): void {
    const { state, problem } = this.alertState();
    if (!state) return;
    if (problem) this.alertsInMemory = snoozeAlert(state, id, until);
    else writeAlertState(this.options.home, snoozeAlert(state, id, until));
  }

  /** alerts.json, or, while it cannot be used, what this session fired (with the problem for a notice). */
  private alertState(): { state: AlertState | undefined; problem: string | undefined } {
    const loaded = loadAlertState(this.options.home);
    return loaded.problem ? { state: this.alertsInMemory, problem: loaded.problem } : { state: loaded.state, problem: undefined };
  }

  /** The SpendView now. With consumeAlerts, due alerts are marked fired (the app's notifier). */
  async view(
    options: { consumeAlerts?: boolean; sources?: readonly SourceKey[] } = {},
  ): Promise<{ view: SpendView; due: readonly Alert[] }> {
    const settings = this.options.settings();
    const configured = await this.configured();
    const wanted = new Set(options.sources ?? this.running.map((r) => r.definition.id));
    const now = this.options.now();
    const range = viewRange(now, settings);
    const periodStart = periodContaining(now, settings.timeZone, settings.periodStartDay).start;
    const { catalog, logCatalog, findings, series } = this.billedViewSeries(wanted, settings, range, periodStart);
    // Local logs are priced on every view (they change between polls), for the view's range only.
    const usage: UsageRow[] = [];
    for (const { definition, instance } of this.running)
      if (instance?.usageRows && wanted.has(definition.id))
        for (const row of instance.usageRows(logCatalog)) {
          const start = Date.parse(row.start);
          if (start >= range.from && start < range.to) usage.push(row);
        }
    const alerts = this.alertState();
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
      billed: [],
      billedSeries: series,
      sources: this.running
        .filter(({ definition }) => wanted.has(definition.id))
        .map((running) => ({
          ...this.sourceInput(running, configured.has(running.definition.id), periodStart),
          ...(running.definition.isSubscription?.(settings) ? { subscription: true } : {}),
        })),
      alertState: alerts.state,
      ...(settings.notificationsPausedUntil ? { pausedUntil: Date.parse(settings.notificationsPausedUntil) } : {}),
      demo: this.isDemo,
      notices: [
        ...this.notices,
        ...(alerts.problem ? [alerts.problem] : []),
        ...this.running.flatMap((r) => r.instance?.warnings?.() ?? []),
      ],
      providerLimits: this.running.flatMap(({ definition, instance }) =>
        wanted.has(definition.id) ? (instance?.providerLimits?.() ?? []) : [],
      ),
      keyNames: this.running.flatMap(({ definition, instance }) =>
        wanted.has(definition.id) ? (instance?.keyNames?.(this.ledger) ?? []) : [],
      ),
      newKeyHourlyUsd: settings.newKeyHourlyUsd,
      staleAfterMs: 3 * Math.max(1, settings.pollIntervalMinutes) * 60_000,
    });
    if (options.consumeAlerts) {
      if (alerts.problem) this.alertsInMemory = alertState;
      else writeAlertState(this.options.home, alertState);
    }
    return { view, due };
  }
}
