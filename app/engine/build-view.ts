/**
 * Ledger rows + engine + source states → the SpendView everything renders. Pure: time is passed in.
 * Each step is its own small function: period, spent, forecast, alerts, breakdowns, sources.
 */
import type { Alert, AlertState } from './alerts.ts';
import { viewAlerts } from './build-view-alerts.ts';
import { byModel, byWorkspace, dailyPoints } from './build-view-breakdowns.ts';
import { byKey } from './build-view-keys.ts';
import { viewForecast } from './build-view-forecast.ts';
import type { ViewInput } from './build-view-input.ts';
import { viewPeriod } from './build-view-period.ts';
import { levelOf, sourceViews } from './build-view-sources.ts';
import { viewSpent } from './build-view-spent.ts';
import { withRateNotes } from './learned-series.ts';
import { femtoToMicroUsd as usd, femtoToUsdNumber } from './money.ts';
import { addDays } from './time-zone.ts';
import type { SpendView } from './view-types.ts';

export type { SourceInput, ViewInput } from './build-view-input.ts';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function buildView(input: ViewInput): { view: SpendView; alertState: AlertState; due: readonly Alert[] } {
  const when = viewPeriod(input);
  const spent = viewSpent(input, when);
  const { cap, projection } = viewForecast(input, when, spent);
  const { lastHourUsd, alerts, newKeys } = viewAlerts(input, when, spent, { cap, projection });
  const { period, todayDate } = when;
  const daily = dailyPoints(period, todayDate, spent.dailyUsd, projection);
  const sources = sourceViews(input, when.counted, spent.inPeriod);
  const remaining = cap === null ? null : cap - spent.spentFemto;
  const subscriptionSources = new Set(input.sources.filter((s) => s.subscription).map((s) => s.id));
  return {
    view: {
      asOf: new Date(input.now).toISOString(),
      timeZone: input.timeZone,
      period: {
        start: new Date(period.start).toISOString(),
        end: new Date(period.end).toISOString(),
        startDate: period.startDate,
        endDate: addDays(period.endDate, -1),
        days: period.days,
        dayOfPeriod: daily.findIndex((d) => d.date === todayDate) + 1,
      },
      level: levelOf(sources, spent.spentFemto, cap, projection.lowUsd),
      demo: input.demo,
      spentUsd: usd(spent.spentFemto),
      spentComplete: sources.every(
        (s) => !s.counted || s.state === 'not-configured' || (s.coverage ?? 'complete') === 'complete',
      ),
      capUsd: cap === null ? null : usd(cap),
      remainingUsd: remaining === null ? null : usd(remaining),
      percentOfCap:
        cap === null || cap === 0n ? null : Math.round((femtoToUsdNumber(spent.spentFemto) / femtoToUsdNumber(cap)) * 1000) / 10,
      projectedUsd: round(projection.projectedUsd),
      projectedLowUsd: round(projection.lowUsd),
      projectedHighUsd: round(projection.highUsd),
      forecastConfidence: projection.confidence,
      forecastRoughReason: projection.roughReason,
      forecastNote: projection.note,
      capOutlook: projection.capOutlook,
      capHitDate: projection.capHitDate,
      todayUsd: round(spent.dailyUsd.get(todayDate) ?? 0),
      hourlyRateUsd: round(lastHourUsd),
      daily,
      byModel: withRateNotes(
        byModel(spent.counted, input.catalog),
        input.catalog,
        new Date(input.now).toISOString().slice(0, 10),
      ),
      byWorkspace: byWorkspace(spent.counted),
      byKey: byKey(spent.counted, input.keyNames ?? [], (id) => input.sources.find((s) => s.id === id)?.label ?? id, newKeys),
      sources,
      unpriced: spent.series.unpriced.map((u) => ({
        model: u.model,
        inputTokens: u.inputTokens,
        outputTokens: u.outputTokens,
        cacheWriteTokens: u.cacheWriteTokens,
        cacheReadTokens: u.cacheReadTokens,
      })),
      reconciliation: spent.series.reconciliation
        .filter((r) => r.day >= period.startDate)
        .map((r) => ({
          date: r.day,
          source: r.source,
          estimateUsd: usd(r.estimateFemto),
          billedUsd: usd(r.billedFemto),
          differenceUsd: usd(r.estimateFemto - r.billedFemto),
        })),
      priceFindings: input.priceFindings ?? [],
      alerts: alerts.active,
      subscription:
        input.subscriptionUsd === null
          ? null
          : {
              planUsd: Number(input.subscriptionUsd),
              apiValueUsd: usd(
                [...spent.inPeriod.bySource].reduce(
                  (sum, [source, femto]) => (subscriptionSources.has(source) ? sum + femto : sum),
                  0n,
                ),
              ),
            },
      providerLimits: input.providerLimits ?? [],
      notices: input.notices,
    },
    alertState: alerts.state,
    due: alerts.due,
  };
}
