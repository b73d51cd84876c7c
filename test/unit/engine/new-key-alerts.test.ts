/** The "new key spending" rule: table-driven, on spend cells as the view builds them. */
import { describe, expect, it } from 'vitest';
import { newKeySpends } from '../../../app/engine/new-key-alerts.ts';
import type { SpendCell } from '../../../app/engine/spend-series.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-25T12:30:00Z');
const USD = 1_000_000_000_000_000n;
const THRESHOLD = 5n * USD;

const cell = (hour: number, apiKey: string | null | undefined, usd: number, source = 'openai'): SpendCell => ({
  hour,
  source,
  modelId: 'gpt-5',
  ...(apiKey !== undefined ? { apiKey } : {}),
  femto: BigInt(Math.round(usd * 100)) * (USD / 100n),
  billed: true,
});

/** An organization with 40 days of key-recorded history: an old key spending $1 every hour. */
function history(days = 40): SpendCell[] {
  const cells: SpendCell[] = [];
  for (let h = NOW - days * DAY; h < NOW; h += HOUR) cells.push(cell(Math.floor(h / HOUR) * HOUR, 'key_old', 1));
  return cells;
}
const burstAt = Math.floor(NOW / HOUR) * HOUR - 5 * HOUR;

describe('new key spending', () => {
  it('fires for a key with no spend in the 30 days before, over the threshold in one hour', () => {
    const found = newKeySpends([...history(), cell(burstAt, 'key_new', 9)], NOW, THRESHOLD);
    expect(found).toEqual([{ source: 'openai', keyId: 'key_new', hour: burstAt, femto: 9n * USD }]);
  });

  it('counts a key that starts slow and bursts hours later as new', () => {
    const cells = [...history(), cell(burstAt - 3 * HOUR, 'key_new', 0.5), cell(burstAt, 'key_new', 9)];
    expect(newKeySpends(cells, NOW, THRESHOLD).map((k) => k.keyId)).toEqual(['key_new']);
  });

  it.each([
    ['at the threshold, not above it', [cell(burstAt, 'key_new', 5)]],
    ['a key that spent 20 days ago', [cell(burstAt - 20 * DAY, 'key_new', 0.1), cell(burstAt, 'key_new', 9)]],
    ['the old key bursting', [cell(burstAt, 'key_old', 20)]],
    ['usage with no key (Workbench)', [cell(burstAt, null, 50)]],
    ['a source that does not report keys', [cell(burstAt, undefined, 50)]],
    ['a burst more than a week ago', [cell(NOW - 9 * DAY, 'key_new', 50)]],
  ])('does not fire for %s', (_, extra) => {
    expect(newKeySpends([...history(), ...extra], NOW, THRESHOLD)).toEqual([]);
  });

  it('does not fire on a first sync: without 30 days of key-recorded history every key would look new', () => {
    const firstSync = [cell(burstAt - HOUR, 'key_a', 12), cell(burstAt, 'key_b', 30)];
    expect(newKeySpends(firstSync, NOW, THRESHOLD)).toEqual([]);
    // Ten days of history is not enough either; forty is.
    expect(newKeySpends([...history(10), cell(burstAt, 'key_new', 9)], NOW, THRESHOLD)).toEqual([]);
    expect(newKeySpends([...history(40), cell(burstAt, 'key_new', 9)], NOW, THRESHOLD)).toHaveLength(1);
  });

  it('history of another source does not count: each source needs its own', () => {
    const cells = [...history(40).map((c) => ({ ...c, source: 'anthropic' })), cell(burstAt, 'key_new', 9)];
    expect(newKeySpends(cells, NOW, THRESHOLD)).toEqual([]);
  });
});
