import { describe, expect, it } from 'vitest';
import { evaluateAlerts, snoozeAlert, type AlertInput, type AlertState } from '../../../app/engine/alerts.ts';
import { usdToFemto } from '../../../app/engine/money.ts';

const base = (spent: string, overrides: Partial<AlertInput> = {}): AlertInput => ({
  periodStart: '2026-11-01',
  now: Date.parse('2026-11-15T12:00:00Z'),
  capFemto: usdToFemto('1000')!,
  spentFemto: usdToFemto(spent)!,
  thresholds: [50, 75, 90, 100],
  forecast: { projectedUsd: 900, lowUsd: 850, highUsd: 950, capHitDate: null },
  lastHourUsd: 2,
  typicalHourUsd: 2,
  localDate: '2026-11-15',
  ...overrides,
});

/** Runs evaluations in order, carrying the state as the app persists it between runs. */
function sequence(inputs: AlertInput[]): Array<string[]> {
  let state: AlertState | undefined;
  return inputs.map((input) => {
    const result = evaluateAlerts(input, state);
    state = JSON.parse(JSON.stringify(result.state)); // as written to and read from disk
    return result.due.map((a) => a.id.split(':').slice(1).join(':'));
  });
}

describe('alerts', () => {
  it('each threshold fires once per period, across a restart', () => {
    expect(sequence([base('400'), base('510'), base('520'), base('760'), base('770')])).toEqual([
      [],
      ['threshold:50'],
      [],
      ['threshold:75'],
      [],
    ]);
  });

  it('thresholds crossed while asleep give one notification, the newest', () => {
    const [due] = sequence([base('950')]);
    expect(due).toEqual(['threshold:90']);
    const result = evaluateAlerts(base('950'), undefined);
    expect(result.state.fired.map((r) => r.id.split(':').slice(1).join(':')).sort()).toEqual([
      'threshold:50',
      'threshold:75',
      'threshold:90',
    ]);
  });

  it('re-arms when the cap is raised above a fired threshold', () => {
    const first = evaluateAlerts(base('600'), undefined);
    const raised = evaluateAlerts(base('600', { capFemto: usdToFemto('2000')! }), first.state);
    expect(raised.due).toEqual([]);
    const again = evaluateAlerts(base('1100', { capFemto: usdToFemto('2000')! }), raised.state);
    expect(again.due.map((a) => a.id)).toEqual(['2026-11-01:threshold:50']);
  });

  it('re-arms when a new period starts', () => {
    const november = evaluateAlerts(base('600'), undefined);
    const december = evaluateAlerts(base('600', { periodStart: '2026-12-01' }), november.state);
    expect(december.due.map((a) => a.id)).toEqual(['2026-12-01:threshold:50']);
  });

  it('a snoozed alert comes back after the snooze, once', () => {
    const fired = evaluateAlerts(base('600'), undefined);
    const snoozed = snoozeAlert(fired.state, '2026-11-01:threshold:50', Date.parse('2026-11-15T14:00:00Z'));
    expect(evaluateAlerts(base('600', { now: Date.parse('2026-11-15T13:00:00Z') }), snoozed).due).toEqual([]);
    const back = evaluateAlerts(base('600', { now: Date.parse('2026-11-15T14:00:00Z') }), snoozed);
    expect(back.due.map((a) => a.kind)).toEqual(['threshold']);
    expect(evaluateAlerts(base('600', { now: Date.parse('2026-11-15T15:00:00Z') }), back.state).due).toEqual([]);
  });

  it('paused notifications fire nothing and lose nothing', () => {
    const paused = evaluateAlerts(base('600', { pausedUntil: Date.parse('2026-11-16T00:00:00Z') }), undefined);
    expect(paused.due).toEqual([]);
    expect(evaluateAlerts(base('600', { now: Date.parse('2026-11-16T01:00:00Z') }), paused.state).due.map((a) => a.kind)).toEqual(
      ['threshold'],
    );
  });

  it('warns early of an overrun only when even the low end of the range passes the cap', () => {
    const sure = { projectedUsd: 1300, lowUsd: 1150, highUsd: 1450, capHitDate: '2026-11-24' };
    const [due] = sequence([base('300', { forecast: sure })]);
    expect(due).toEqual(['projected']);
    const alert = evaluateAlerts(base('300', { forecast: sure }), undefined).due[0]!;
    expect(alert.title).toBe('On pace to exceed your cap on Nov 24');
    expect(alert.severity).toBe('warning');
    expect(alert.body).toContain('range $1,150.00–$1,450.00');
  });

  it('a projection over the cap whose low end is under it says "may exceed", as information, not as a warning', () => {
    const unsure = { projectedUsd: 1100, lowUsd: 800, highUsd: 1500, capHitDate: '2026-11-27' };
    const due = evaluateAlerts(base('300', { forecast: unsure }), undefined).due;
    expect(due.map((a) => [a.id.split(':').slice(1).join(':'), a.severity, a.title])).toEqual([
      ['may-exceed', 'info', 'May exceed your cap by Nov 27'],
    ]);
    // Only the high end over the cap, the projection under it: still a "may", never "on pace".
    const highOnly = evaluateAlerts(base('300', { forecast: { ...unsure, projectedUsd: 950 } }), undefined).due;
    expect(highOnly.map((a) => a.title)).toEqual(['May exceed your cap by Nov 27']);
    // The whole range under the cap: nothing.
    expect(evaluateAlerts(base('300', { forecast: { ...unsure, highUsd: 990, projectedUsd: 950 } }), undefined).due).toEqual([]);
  });

  it('over the cap, "on pace to exceed" is not sent beside "cap reached"', () => {
    const due = evaluateAlerts(
      base('1001', { forecast: { projectedUsd: 1500, lowUsd: 1400, highUsd: 1600, capHitDate: null } }),
      undefined,
    ).due;
    expect(due.map((a) => a.kind)).toEqual(['threshold']);
    expect(due[0]!.severity).toBe('critical');
  });

  it('flags an hour far above the usual rate (a runaway loop), once that day', () => {
    const spike = base('100', { lastHourUsd: 40, typicalHourUsd: 2 });
    const [first, second] = sequence([spike, spike]);
    expect(first).toEqual(['spike:2026-11-15']);
    expect(second).toEqual([]);
    expect(evaluateAlerts(base('100', { lastHourUsd: 8, typicalHourUsd: 2 }), undefined).due).toEqual([]);
  });

  it('a source with its own cap alerts when that source alone reaches it, once', () => {
    const input = base('300', {
      sourceCaps: [{ id: 'openai', label: 'OpenAI', capFemto: usdToFemto('100')!, spentFemto: usdToFemto('120')! }],
    });
    const [first, second] = sequence([input, input]);
    expect(first).toEqual(['source-cap:openai']);
    expect(second).toEqual([]);
    expect(evaluateAlerts(input, undefined).due[0]!.title).toBe('OpenAI reached its cap of $100');
  });

  it('without a cap only the spike alert can fire', () => {
    expect(evaluateAlerts(base('5000', { capFemto: null }), undefined).due).toEqual([]);
  });
});
