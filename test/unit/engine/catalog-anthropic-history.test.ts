/** Claude prices on the days they changed, fast mode included, against the hand-typed table. */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../app/engine/catalog/catalog.ts';
import { femtoToUsdNumber } from '../../../app/engine/money.ts';
import { isPriced, priceRow } from '../../../app/engine/price.ts';
import type { UsageRow } from '../../../app/engine/usage-row.ts';
import { ANTHROPIC_HISTORY_ROWS } from '../../fixtures/reference-prices.ts';
import { usageRow } from '../../helpers/usage-rows.ts';

const catalog = buildCatalog();
const TOKENS = 100_000;

function usd(row: UsageRow): number {
  const priced = priceRow(row, catalog);
  if (!isPriced(priced)) throw new Error(`${row.model} unpriced`);
  return femtoToUsdNumber(priced.femto);
}

describe('Claude prices on the days they changed', () => {
  it.each(ANTHROPIC_HISTORY_ROWS.map((r) => [`${r.model} ${r.speed} on ${r.at}`, r] as const))('%s', (_name, ref) => {
    const at = { model: ref.model, start: `${ref.at}T12:00:00Z`, speed: ref.speed };
    expect(usd(usageRow({ ...at, inputTokens: TOKENS }))).toBeCloseTo(Number(ref.input) / 10, 12);
    expect(usd(usageRow({ ...at, cacheReadTokens: TOKENS }))).toBeCloseTo(Number(ref.read) / 10, 12);
    expect(usd(usageRow({ ...at, outputTokens: TOKENS }))).toBeCloseTo(Number(ref.output) / 10, 12);
  });

  it("Opus 4.6 fast above 200k input before 2026-03-13 is the page's $60 / $225", () => {
    const row = usageRow({ model: 'claude-opus-4-6', start: '2026-02-20T12:00:00Z', speed: 'fast', contextWindow: '200k-1M' });
    expect(usd({ ...row, inputTokens: 1_000_000 })).toBeCloseTo(60, 9);
    expect(usd({ ...row, outputTokens: 1_000_000 })).toBeCloseTo(225, 9);
  });

  it('Haiku 5.5 batch above 100k prompt tokens is half the >100k rates ($0.25 / $1.25)', () => {
    const row = usageRow({ model: 'claude-haiku-5-5', start: '2026-11-20T12:00:00Z', serviceTier: 'batch', contextWindow: null });
    // One request of 150k input and 10k output: above the 100k threshold, inside the 1M window.
    expect(usd({ ...row, inputTokens: 150_000, outputTokens: 10_000 })).toBeCloseTo(0.15 * 0.25 + 0.01 * 1.25, 12);
  });
});
