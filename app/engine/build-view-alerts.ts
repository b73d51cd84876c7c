/** Step 4 of buildView: the last hour's rate against a busy hour, and which alerts are due. */
import { evaluateAlerts, type AlertResult } from './alerts.ts';
import type { ViewInput } from './build-view-input.ts';
import type { ViewForecast } from './build-view-forecast.ts';
import type { ViewPeriod } from './build-view-period.ts';
import type { ViewSpent } from './build-view-spent.ts';
import { cellsSince } from './cell-sums.ts';
import { femtoToUsdNumber, usdToFemto } from './money.ts';
import { anyBusyKey, DEFAULT_NEW_KEY_HOURLY_USD, NEW_KEY_LOOKBACK_MS, newKeySpends } from './new-key-alerts.ts';

const HOUR = 3_600_000;

export interface ViewAlerts {
  readonly lastHourUsd: number;
  readonly alerts: AlertResult;
  /** "source|keyId" of each key the new-key rule flags now: "By key" shows them first. */
  readonly newKeys: readonly string[];
}

export function viewAlerts(
  input: ViewInput,
  { period, todayDate, counted }: ViewPeriod,
  spent: ViewSpent,
  { cap, projection }: ViewForecast,
): ViewAlerts {
  const { now } = input;
  const lastHourStart = Math.floor(now / HOUR) * HOUR - HOUR;
  const lastHourUsd = spent.pastHours.get(lastHourStart) ?? femtoToUsdNumber(spent.counted.byHour.get(lastHourStart) ?? 0n);
  const weekHours = [...spent.pastHours].filter(([h]) => h >= now - 7 * 24 * HOUR).map(([, v]) => v);
  const newKeys = newKeyInputs(input, spent, counted);
  const alerts = evaluateAlerts(
    {
      periodStart: period.startDate,
      now,
      capFemto: cap,
      spentFemto: spent.spentFemto,
      thresholds: input.thresholds,
      forecast: projection,
      lastHourUsd,
      typicalHourUsd: weekHours.length ? busyHour(weekHours) : lastHourUsd,
      localDate: todayDate,
      ...(input.pausedUntil !== undefined ? { pausedUntil: input.pausedUntil } : {}),
      providerLimits: providerLimitInputs(input, spent, projection.projectedUsd),
      newKeys,
      sourceCaps: input.sources.flatMap((s) => {
        const capText = input.sourceCaps[s.id];
        const capFemto = capText === undefined ? undefined : usdToFemto(capText);
        return capFemto === undefined
          ? []
          : [{ id: s.id, label: s.label, capFemto, spentFemto: spent.inPeriod.bySource.get(s.id) ?? 0n }];
      }),
    },
    input.alertState,
  );
  return { lastHourUsd, alerts, newKeys: newKeys.map((k) => `${k.source}|${k.keyId}`) };
}

/**
 * Each enforced organization-wide provider limit beside that provider's spend and its share of the
 * projected month-end (the forecast is for all counted spend; a provider's share is what it spent).
 */
function providerLimitInputs(input: ViewInput, spent: ViewSpent, projectedUsd: number) {
  const total = spent.spentFemto;
  const projectedTotal = usdToFemto(projectedUsd.toFixed(6)) ?? total;
  return (input.providerLimits ?? [])
    .filter((l) => l.enforcing && (l.scope === 'organization' || l.scope === 'usage_tier'))
    .flatMap((l) => {
      const limitFemto = usdToFemto(l.usd.toFixed(6));
      if (limitFemto === undefined) return [];
      const own = spent.counted.bySource.get(l.source) ?? 0n;
      const projectedFemto = total > 0n ? own + ((projectedTotal - total) * own) / total : own;
      const label = `${l.source === 'openai' ? 'OpenAI' : 'Anthropic'} ${l.scope === 'usage_tier' ? 'usage-tier' : 'organization'}`;
      return [{ id: `${l.source}:${l.scope}`, label, limitFemto, spentFemto: own, projectedFemto }];
    });
}

/** Counted keys that went from 30 quiet days to more than the threshold in one hour, with their names. */
function newKeyInputs(input: ViewInput, spent: ViewSpent, counted: ReadonlySet<string>) {
  const thresholdFemto = usdToFemto(input.newKeyHourlyUsd ?? DEFAULT_NEW_KEY_HOURLY_USD);
  if (thresholdFemto === undefined) return [];
  const { now } = input;
  // Only a key busy in the last week can be news: most views look at the last week's key cells alone.
  const weekFrom = now - NEW_KEY_LOOKBACK_MS;
  const lastWeek = cellsSince(
    spent.series,
    weekFrom,
    (c) => typeof c.apiKey === 'string' && counted.has(c.source) && c.hour >= weekFrom && c.hour <= now,
  );
  if (!anyBusyKey(lastWeek, now, thresholdFemto)) return [];
  const names = new Map((input.keyNames ?? []).map((k) => [`${k.source}|${k.id}`, k.name]));
  const labels = new Map(input.sources.map((s) => [s.id, s.label]));
  const cells = spent.series.cells.filter((c) => counted.has(c.source) && c.hour <= now);
  return newKeySpends(cells, now, thresholdFemto).map((k) => ({
    ...k,
    label: `${names.get(`${k.source}|${k.keyId}`) ?? k.keyId} (${labels.get(k.source) ?? k.source})`,
    thresholdFemto,
  }));
}

/**
 * The usual rate of a busy hour: the 75th percentile of last week's hours. A median would count the
 * quiet nights and flag every ordinary afternoon as a spike.
 */
function busyHour(hours: readonly number[]): number {
  const sorted = [...hours].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.75))]!;
}
