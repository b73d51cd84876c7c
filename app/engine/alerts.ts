/**
 * Which notifications are due. Each alert fires once per period, survives restarts (the state is
 * persisted by the caller), re-arms when a new period starts or the cap is raised above it, and can
 * be snoozed. Thresholds crossed together (the computer slept) give one notification, the newest.
 */
import type { Forecast } from './forecast.ts';
import { outlookOf } from './forecast-cap.ts';
import { femtoToUsdNumber, formatUsd, type Femto } from './money.ts';

export type AlertKind = 'threshold' | 'projected-overrun' | 'source-cap' | 'spike' | 'provider-limit' | 'new-key';

export interface Alert {
  readonly id: string;
  readonly kind: AlertKind;
  readonly severity: 'info' | 'warning' | 'critical';
  readonly title: string;
  readonly body: string;
}

export interface AlertRecord {
  readonly id: string;
  readonly firedAt: string;
  readonly snoozedUntil?: string;
}

export interface AlertState {
  /** The period the records belong to; a new period clears them. */
  readonly periodStart: string;
  readonly fired: readonly AlertRecord[];
}

export interface AlertInput {
  readonly periodStart: string;
  readonly now: number;
  readonly capFemto: Femto | null;
  readonly spentFemto: Femto;
  readonly thresholds: readonly number[];
  readonly forecast: Pick<Forecast, 'projectedUsd' | 'lowUsd' | 'highUsd' | 'capHitDate'>;
  /** Spend in the last complete hour, and the usual hourly spend (median of the last week's hours). */
  readonly lastHourUsd: number;
  readonly typicalHourUsd: number;
  readonly localDate: string;
  /** Notifications paused until this instant: nothing is due, nothing is marked fired. */
  readonly pausedUntil?: number;
  /** Optional caps per source: each fires when that source alone reaches its cap. */
  readonly sourceCaps?: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly capFemto: Femto;
    readonly spentFemto: Femto;
  }>;
  /** The providers' enforced limits, with that provider's spend and projected month-end. */
  readonly providerLimits?: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly limitFemto: Femto;
    readonly spentFemto: Femto;
    readonly projectedFemto: Femto;
  }>;
  /** Keys with no spend in 30 days that spent more than the threshold in one hour (new-key-alerts.ts). */
  readonly newKeys?: ReadonlyArray<{
    readonly source: string;
    readonly keyId: string;
    /** "ci-deploy (OpenAI)": the key's name where the provider lists it, else its id. */
    readonly label: string;
    readonly hour: number;
    readonly femto: Femto;
    readonly thresholdFemto: Femto;
  }>;
}

export interface AlertResult {
  /** To notify now, newest first; at most one threshold. */
  readonly due: readonly Alert[];
  /** Everything currently crossed, for the popover. */
  readonly active: readonly Alert[];
  readonly state: AlertState;
}

/** "Nov 24" for "2026-11-24". */
function monthDay(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** An hour counts as a spike above this many times the usual hourly spend, and above $1. */
export const SPIKE_FACTOR = 5;
const SPIKE_MINIMUM_USD = 1;

function crossedAlerts(input: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  const cap = input.capFemto;
  if (cap !== null && cap > 0n) {
    const percents = [...input.thresholds].sort((a, b) => b - a);
    for (const p of percents) {
      if (input.spentFemto * 100n < cap * BigInt(p)) continue;
      alerts.push({
        id: `${input.periodStart}:threshold:${p}`,
        kind: 'threshold',
        severity: p >= 100 ? 'critical' : p >= 90 ? 'warning' : 'info',
        title:
          p >= 100
            ? `Monthly cap reached: ${formatUsd(input.spentFemto)} of ${formatUsd(cap, 0)}`
            : `${p} % of your monthly cap used`,
        body: `${formatUsd(input.spentFemto)} spent of ${formatUsd(cap, 0)} this period.`,
      });
    }
    const overrun = projectedOverrun(input, cap);
    if (overrun) alerts.push(overrun);
  }
  for (const source of input.sourceCaps ?? []) {
    if (source.capFemto <= 0n || source.spentFemto < source.capFemto) continue;
    alerts.push({
      id: `${input.periodStart}:source-cap:${source.id}`,
      kind: 'source-cap',
      severity: 'warning',
      title: `${source.label} reached its cap of ${formatUsd(source.capFemto, 0)}`,
      body: `${formatUsd(source.spentFemto)} spent on ${source.label} this period.`,
    });
  }
  // Beyond a provider's own limit requests fail: warn while there is still time to act.
  for (const limit of input.providerLimits ?? []) {
    if (limit.limitFemto <= 0n || limit.projectedFemto < limit.limitFemto) continue;
    alerts.push({
      id: `${input.periodStart}:provider-limit:${limit.id}`,
      kind: 'provider-limit',
      severity: limit.spentFemto >= limit.limitFemto ? 'critical' : 'warning',
      title: `${limit.label} limit of ${formatUsd(limit.limitFemto, 0)} ${limit.spentFemto >= limit.limitFemto ? 'reached' : 'ahead'}: requests fail beyond it`,
      body: `${formatUsd(limit.spentFemto)} spent, projected ${formatUsd(limit.projectedFemto)} this month. Raise the limit with the provider or slow down.`,
    });
  }
  // Once per key, whatever the period: the id names the key, not the period (see evaluateAlerts).
  for (const key of input.newKeys ?? []) {
    const at = new Date(key.hour).toISOString().slice(0, 13).replace('T', ' ');
    alerts.push({
      id: `${NEW_KEY_PREFIX}${key.source}:${key.keyId}`,
      kind: 'new-key',
      severity: 'warning',
      title: `New key spending: ${key.label}`,
      body: `${formatUsd(key.femto)} in one hour (${at}:00 UTC) from a key with no spend in the 30 days before — above your ${formatUsd(key.thresholdFemto)}/hour alert. A leaked key? Check it with the provider.`,
    });
  }
  if (input.lastHourUsd >= SPIKE_MINIMUM_USD && input.lastHourUsd > SPIKE_FACTOR * input.typicalHourUsd) {
    alerts.push({
      id: `${input.periodStart}:spike:${input.localDate}`,
      kind: 'spike',
      severity: 'warning',
      title: 'Unusual spend in the last hour',
      body: `$${input.lastHourUsd.toFixed(2)} in one hour, ${(input.lastHourUsd / Math.max(input.typicalHourUsd, 0.01)).toFixed(0)}× the usual rate: a runaway loop or a leaked key?`,
    });
  }
  return alerts;
}

/** New-key alerts are per key, not per period: their records survive a new period. */
const NEW_KEY_PREFIX = 'new-key:';

const femtoOf = (usd: number) => BigInt(Math.round(usd * 1e6)) * 1_000_000_000n;

/**
 * The projection against the cap, read with its range: an early warning only when even the low end
 * passes the cap; "may exceed" when only the high end does. A projection over the cap with a low end
 * under it is a possibility, not a forecast, and must not sound like one.
 */
function projectedOverrun(input: AlertInput, cap: Femto): Alert | null {
  const f = input.forecast;
  const outlook = outlookOf(femtoToUsdNumber(cap), femtoToUsdNumber(input.spentFemto), f.lowUsd, f.highUsd);
  const range = `${formatUsd(femtoOf(f.lowUsd))}–${formatUsd(femtoOf(f.highUsd))}`;
  if (outlook === 'will-exceed')
    return {
      id: `${input.periodStart}:projected`,
      kind: 'projected-overrun',
      severity: 'warning',
      title: `On pace to exceed your cap${f.capHitDate ? ` on ${monthDay(f.capHitDate)}` : ''}`,
      body: `Projected month-end ${formatUsd(femtoOf(f.projectedUsd))} (range ${range}) against a cap of ${formatUsd(cap, 0)}.`,
    };
  if (outlook === 'may-exceed')
    return {
      id: `${input.periodStart}:may-exceed`,
      kind: 'projected-overrun',
      severity: 'info',
      title: `May exceed your cap${f.capHitDate ? ` by ${monthDay(f.capHitDate)}` : ''}`,
      body: `Projected month-end ${formatUsd(femtoOf(f.projectedUsd))}, but the range ${range} reaches past your cap of ${formatUsd(cap, 0)}.`,
    };
  return null;
}

export function evaluateAlerts(input: AlertInput, previous: AlertState | undefined): AlertResult {
  const active = crossedAlerts(input);
  const activeIds = new Set(active.map((a) => a.id));
  // A new period re-arms everything; an alert no longer crossed (the cap was raised) re-arms itself.
  // Spike records stay for their day: a spike that calms down should not fire again the same day.
  const carried =
    previous && previous.periodStart === input.periodStart
      ? previous.fired
      : (previous?.fired ?? []).filter((r) => r.id.startsWith(NEW_KEY_PREFIX));
  const fired = carried.filter((r) => activeIds.has(r.id) || r.id.includes(':spike:'));
  const byId = new Map(fired.map((r) => [r.id, r]));
  const paused = input.pausedUntil !== undefined && input.pausedUntil > input.now;
  const waiting = active.filter((a) => {
    const record = byId.get(a.id);
    if (!record) return true;
    return record.snoozedUntil !== undefined && Date.parse(record.snoozedUntil) <= input.now;
  });
  if (paused || waiting.length === 0) return { due: [], active, state: { periodStart: input.periodStart, fired } };

  // One threshold notification: the highest crossed; the lower ones are marked fired with it.
  const thresholds = waiting.filter((a) => a.kind === 'threshold');
  const due = [...thresholds.slice(0, 1), ...waiting.filter((a) => a.kind !== 'threshold')];
  if (due.some((a) => a.kind === 'threshold' && a.severity === 'critical')) {
    // Over the cap already: "on pace to exceed" says nothing new.
    const index = due.findIndex((a) => a.kind === 'projected-overrun');
    if (index >= 0) due.splice(index, 1);
  }
  const firedAt = new Date(input.now).toISOString();
  const nextFired = [...fired.filter((r) => !waiting.some((a) => a.id === r.id)), ...waiting.map((a) => ({ id: a.id, firedAt }))];
  return { due, active, state: { periodStart: input.periodStart, fired: nextFired } };
}

/** "Remind me later": the alert fires again at `until` if it is still crossed. */
export function snoozeAlert(state: AlertState, id: string, until: number): AlertState {
  return { ...state, fired: state.fired.map((r) => (r.id === id ? { ...r, snoozedUntil: new Date(until).toISOString() } : r)) };
}
