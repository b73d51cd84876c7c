import { describe, expect, it } from 'vitest';
import { evaluateAlerts, type AlertInput } from '../../../app/engine/alerts.ts';
import { usdToFemto } from '../../../app/engine/money.ts';

const limitAt = (spent: string, projected: string): AlertInput => ({
  periodStart: '2026-11-01',
  now: Date.parse('2026-11-15T12:00:00Z'),
  capFemto: null,
  spentFemto: usdToFemto(spent)!,
  thresholds: [50, 75, 90, 100],
  forecast: { projectedUsd: Number(projected), lowUsd: Number(projected), highUsd: Number(projected), capHitDate: null },
  lastHourUsd: 2,
  typicalHourUsd: 2,
  localDate: '2026-11-15',
  providerLimits: [
    {
      id: 'openai:organization',
      label: 'OpenAI organization',
      limitFemto: usdToFemto('1500')!,
      spentFemto: usdToFemto(spent)!,
      projectedFemto: usdToFemto(projected)!,
    },
  ],
});

describe('provider spend limits', () => {
  it('warn once, before the projected spend reaches the limit, even with no cap of your own', () => {
    const quiet = evaluateAlerts(limitAt('600', '1400'), undefined);
    expect(quiet.due).toEqual([]);
    const ahead = evaluateAlerts(limitAt('700', '1550'), quiet.state);
    expect(ahead.due.map((a) => [a.kind, a.severity, a.title])).toEqual([
      ['provider-limit', 'warning', 'OpenAI organization limit of $1,500 ahead: requests fail beyond it'],
    ]);
    expect(evaluateAlerts(limitAt('720', '1580'), ahead.state).due).toEqual([]);
  });
});
