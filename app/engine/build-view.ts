/** Ledger rows + engine + source states → the SpendView everything renders. Pure: time is passed in. */
import { evaluateAlerts, type Alert, type AlertState } from './alerts.ts';
import type { Catalog } from './catalog/catalog.ts';
import { countedSources } from './counted-sources.ts';
import { forecast, shareOfDayBefore } from './forecast.ts';
import { femtoToMicroUsd, femtoToUsdNumber, usdToFemto, type Femto } from './money.ts';
import { periodContaining, periodDates, previousPeriod } from './period.ts';
import { spendSeries, type BilledTotal, type SpendCell } from './spend-series.ts';
import { addDays, localDate } from './time-zone.ts';
import type { UsageRow } from './usage-row.ts';
import type { SourceKey, SourceView, SpendView, ViewLevel } from './view-types.ts';

export interface SourceInput extends Omit<SourceView, 'counted' | 'spentUsd' | 'capUsd'> {
  readonly configured: boolean;
}

export interface ViewInput {
  readonly now: number;
  readonly timeZone: string;
  readonly periodStartDay: number;
  readonly capUsd: string | null;
  readonly sourceCaps: Readonly<Partial<Record<SourceKey, string>>>;
  readonly thresholds: readonly number[];
  readonly countedSources: 'auto' | readonly SourceKey[];
  readonly subscriptionUsd: string | null;
  readonly catalog: Catalog;
  readonly usage: readonly UsageRow[];
  readonly billed: readonly BilledTotal[];
  readonly sources: readonly SourceInput[];
  readonly alertState: AlertState | undefined;
  readonly pausedUntil?: number;
  readonly demo: boolean;
  readonly notices: readonly string[];
  /** A source whose last success is older than this is shown as stale. */
  readonly staleAfterMs: number;
}

const usd = femtoToMicroUsd;
const HOUR = 3_600_000;

function sum(cells: readonly SpendCell[]): Femto {
  return cells.reduce((s, c) => s + c.femto, 0n);
}

export function buildView(input: ViewInput): { view: SpendView; alertState: AlertState; due: readonly Alert[] } {
  const { now, timeZone } = input;
  const period = periodContaining(now, timeZone, input.periodStartDay);
  const history = previousPeriod(period, input.periodStartDay);
  const configured = new Set(input.sources.filter((s) => s.configured).map((s) => s.id));
  const counted = countedSources({
    countedSources: input.countedSources,
    configured,
    claudeCodeIsSubscription: input.subscriptionUsd !== null,
  });
  const series = spendSeries(input.usage, input.billed, input.catalog, now);
  const inPeriod = series.cells.filter((c) => c.hour >= period.start && c.hour < period.end && c.hour <= now);
  const countedCells = inPeriod.filter((c) => counted.has(c.source));
  const spentFemto = sum(countedCells);

  // Daily spend by local date, this period and the one before (the forecast's history).
  const dailyUsd = new Map<string, number>();
  const pastHours = new Map<number, number>();
  const todayDate = localDate(now, timeZone);
  for (const c of series.cells) {
    if (!counted.has(c.source) || c.hour < history.start || c.hour > now) continue;
    const date = localDate(c.hour, timeZone);
    const value = femtoToUsdNumber(c.femto);
    dailyUsd.set(date, (dailyUsd.get(date) ?? 0) + value);
    if (date < todayDate) pastHours.set(c.hour, (pastHours.get(c.hour) ?? 0) + value);
  }
  const cap = input.capUsd === null ? null : (usdToFemto(input.capUsd) ?? null);
  const projection = forecast({
    period,
    now,
    dailyUsd,
    todayShareDone: shareOfDayBefore(pastHours, now, timeZone),
    capUsd: cap === null ? null : femtoToUsdNumber(cap),
  });

  const lastHourStart = Math.floor(now / HOUR) * HOUR - HOUR;
  const lastHourUsd = pastHours.get(lastHourStart) ?? femtoToUsdNumber(sum(countedCells.filter((c) => c.hour === lastHourStart)));
  const weekHours = [...pastHours].filter(([h]) => h >= now - 7 * 24 * HOUR).map(([, v]) => v);
  const alerts = evaluateAlerts(
    {
      periodStart: period.startDate,
      now,
      capFemto: cap,
      spentFemto,
      thresholds: input.thresholds,
      forecast: projection,
      lastHourUsd,
      typicalHourUsd: weekHours.length ? busyHour(weekHours) : lastHourUsd,
      localDate: todayDate,
      ...(input.pausedUntil !== undefined ? { pausedUntil: input.pausedUntil } : {}),
      sourceCaps: input.sources.flatMap((s) => {
        const capText = input.sourceCaps[s.id];
        const capFemto = capText === undefined ? undefined : usdToFemto(capText);
        return capFemto === undefined
          ? []
          : [{ id: s.id, label: s.label, capFemto, spentFemto: sum(inPeriod.filter((c) => c.source === s.id)) }];
      }),
    },
    input.alertState,
  );

  const remainingByDate = new Map(projection.remainingDays.map((d) => [d.date, d.usd]));
  const daily = periodDates(period).map((date) => ({
    date,
    usd: date <= todayDate ? Math.round((dailyUsd.get(date) ?? 0) * 1e6) / 1e6 : null,
    projectedUsd: remainingByDate.has(date) ? Math.round(remainingByDate.get(date)! * 1e6) / 1e6 : null,
  }));

  const byModelMap = new Map<string, { femto: Femto; sources: Set<SourceKey> }>();
  for (const c of countedCells) {
    const entry = byModelMap.get(c.modelId) ?? { femto: 0n, sources: new Set<SourceKey>() };
    entry.femto += c.femto;
    entry.sources.add(c.source);
    byModelMap.set(c.modelId, entry);
  }
  const byModel = [...byModelMap]
    .map(([model, e]) => ({
      model,
      displayName: input.catalog.resolve(model)?.displayName ?? model,
      usd: usd(e.femto),
      sources: [...e.sources],
    }))
    .sort((a, b) => b.usd - a.usd);

  const byWorkspaceMap = new Map<string, { source: SourceKey; workspace: string | null; femto: Femto }>();
  for (const c of countedCells) {
    if (c.workspace === undefined) continue;
    const key = `${c.source}|${c.workspace ?? ''}`;
    const entry = byWorkspaceMap.get(key) ?? { source: c.source, workspace: c.workspace, femto: 0n };
    entry.femto += c.femto;
    byWorkspaceMap.set(key, entry);
  }
  const byWorkspace =
    byWorkspaceMap.size < 2
      ? []
      : [...byWorkspaceMap.values()]
          .map(({ source, workspace, femto }) => ({ source, workspace, usd: usd(femto) }))
          .sort((a, b) => b.usd - a.usd);

  const sources: SourceView[] = input.sources.map(({ configured: _configured, ...s }) => {
    const spent = sum(inPeriod.filter((c) => c.source === s.id));
    const sourceCap = input.sourceCaps[s.id];
    const stale = s.state === 'ok' && s.lastSuccessAt !== undefined && now - Date.parse(s.lastSuccessAt) > input.staleAfterMs;
    return {
      ...s,
      state: stale ? 'stale' : s.state,
      counted: counted.has(s.id),
      spentUsd: usd(spent),
      capUsd: sourceCap === undefined ? null : Number(sourceCap),
    };
  });

  const subscription =
    input.subscriptionUsd === null
      ? null
      : { planUsd: Number(input.subscriptionUsd), apiValueUsd: usd(sum(inPeriod.filter((c) => c.source === 'claude-code'))) };
  const remaining = cap === null ? null : cap - spentFemto;
  return {
    view: {
      asOf: new Date(now).toISOString(),
      timeZone,
      period: {
        start: new Date(period.start).toISOString(),
        end: new Date(period.end).toISOString(),
        startDate: period.startDate,
        endDate: addDays(period.endDate, -1),
        days: period.days,
        dayOfPeriod: daily.findIndex((d) => d.date === todayDate) + 1,
      },
      level: levelOf(sources, spentFemto, cap, projection.projectedUsd),
      demo: input.demo,
      spentUsd: usd(spentFemto),
      capUsd: cap === null ? null : usd(cap),
      remainingUsd: remaining === null ? null : usd(remaining),
      percentOfCap:
        cap === null || cap === 0n ? null : Math.round((femtoToUsdNumber(spentFemto) / femtoToUsdNumber(cap)) * 1000) / 10,
      projectedUsd: round(projection.projectedUsd),
      projectedLowUsd: round(projection.lowUsd),
      projectedHighUsd: round(projection.highUsd),
      forecastConfidence: projection.confidence,
      forecastNote: projection.note,
      capHitDate: projection.capHitDate,
      todayUsd: round(dailyUsd.get(todayDate) ?? 0),
      hourlyRateUsd: round(lastHourUsd),
      daily,
      byModel,
      byWorkspace,
      sources,
      unpriced: series.unpriced.map((u) => ({
        model: u.model,
        inputTokens: u.inputTokens,
        outputTokens: u.outputTokens,
        cacheWriteTokens: u.cacheWriteTokens,
        cacheReadTokens: u.cacheReadTokens,
      })),
      reconciliation: series.reconciliation
        .filter((r) => r.day >= period.startDate)
        .map((r) => ({
          date: r.day,
          source: r.source,
          estimateUsd: usd(r.estimateFemto),
          billedUsd: usd(r.billedFemto),
          differenceUsd: usd(r.estimateFemto - r.billedFemto),
        })),
      alerts: alerts.active,
      subscription,
      notices: input.notices,
    },
    alertState: alerts.state,
    due: alerts.due,
  };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * The usual rate of a busy hour: the 75th percentile of last week's hours. A median would count the
 * quiet nights and flag every ordinary afternoon as a spike.
 */
function busyHour(hours: readonly number[]): number {
  const sorted = [...hours].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.75))]!;
}

function levelOf(sources: readonly SourceView[], spent: Femto, cap: Femto | null, projectedUsd: number): ViewLevel {
  const active = sources.filter((s) => s.state !== 'not-configured');
  if (active.length === 0) return 'empty';
  if (cap !== null && spent >= cap) return 'over';
  if (cap !== null && (spent * 10n >= cap * 9n || projectedUsd > femtoToUsdNumber(cap))) return 'near';
  if (active.some((s) => s.counted && s.state !== 'ok' && s.state !== 'loading' && s.state !== 'stale')) return 'error';
  if (active.some((s) => s.counted && s.state === 'stale')) return 'stale';
  return 'ok';
}
