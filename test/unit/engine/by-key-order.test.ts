/** "By key" shows a key the new-key rule flags first, however small it is beside the big keys. */
import { describe, expect, it } from 'vitest';
import { byKey } from '../../../app/engine/build-view-keys.ts';
import type { SpendCell } from '../../../app/engine/spend-series.ts';

const HOUR = Date.parse('2026-11-20T10:00:00Z');
const cell = (apiKey: string, usd: number): SpendCell => ({
  hour: HOUR,
  source: 'openai',
  modelId: 'gpt-5',
  apiKey,
  femto: BigInt(usd) * 1_000_000_000_000_000n,
  billed: true,
  keyBilled: true,
});
const cells = [cell('key_big', 900), cell('key_mid', 300), cell('key_leak', 27)];
const names = [
  { source: 'openai', id: 'key_big', name: 'production', hint: null, status: 'active' },
  { source: 'openai', id: 'key_leak', name: 'ci-deploy', hint: null, status: 'active' },
];

describe('By key order', () => {
  it('lists keys by spend when none is flagged', () => {
    expect(byKey(cells, names, () => 'OpenAI').map((k) => k.label)).toEqual(['production', 'key_mid', 'ci-deploy']);
  });

  it('puts a flagged new key first, marked, and keeps every dollar', () => {
    const rows = byKey(cells, names, () => 'OpenAI', ['openai|key_leak']);
    expect(rows.map((k) => [k.label, k.newlySpending])).toEqual([
      ['ci-deploy', true],
      ['production', false],
      ['key_mid', false],
    ]);
    expect(rows.reduce((s, k) => s + k.usd, 0)).toBe(1227);
  });
});
