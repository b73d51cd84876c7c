import { describe, expect, it } from 'vitest';
import { buildCatalog, SHIPPED_MODELS } from '../../../app/engine/catalog/catalog.ts';
import { femtoToUsdNumber } from '../../../app/engine/money.ts';
import { isPriced, priceRow } from '../../../app/engine/price.ts';
import type { UsageRow } from '../../../app/engine/usage-row.ts';
import { REFERENCE_ROWS, type ReferenceRow } from '../../fixtures/reference-prices.ts';
import { usageRow } from '../../helpers/usage-rows.ts';

const catalog = buildCatalog();
// 100,000 tokens of one kind: below every long-context threshold, and the cost is the rate / 10.
const TOKENS = 100_000;

function costOf(row: UsageRow): number {
  const priced = priceRow(row, catalog);
  if (!isPriced(priced)) throw new Error(`${row.model} unpriced`);
  return femtoToUsdNumber(priced.femto);
}

const KINDS: Array<[string, keyof ReferenceRow, Partial<UsageRow>]> = [
  ['input', 'input', { inputTokens: TOKENS }],
  ['5-minute cache write', 'write5m', { cacheWrite5mTokens: TOKENS }],
  ['1-hour cache write', 'write1h', { cacheWrite1hTokens: TOKENS }],
  ['cache read', 'read', { cacheReadTokens: TOKENS }],
  ['output', 'output', { outputTokens: TOKENS }],
];

describe('every catalog model is priced as the reference tables say', () => {
  for (const ref of REFERENCE_ROWS) {
    describe(ref.model, () => {
      it.each(KINDS)('%s', (_name, column, tokens) => {
        const usd = costOf(usageRow({ model: ref.model, start: `${ref.at}T10:00:00Z`, ...tokens }));
        expect(usd).toBeCloseTo(Number(ref[column]) / 10, 12);
      });
      it('batch input and output', () => {
        const input = costOf(
          usageRow({ model: ref.model, start: `${ref.at}T10:00:00Z`, serviceTier: 'batch', inputTokens: TOKENS }),
        );
        const output = costOf(
          usageRow({ model: ref.model, start: `${ref.at}T10:00:00Z`, serviceTier: 'batch', outputTokens: TOKENS }),
        );
        expect(input).toBeCloseTo(Number(ref.batchIn) / 10, 12);
        expect(output).toBeCloseTo(Number(ref.batchOut) / 10, 12);
      });
    });
  }

  it('has a reference row for every shipped model, so none goes untested', () => {
    const tested = new Set(REFERENCE_ROWS.map((r) => catalog.resolve(r.model)?.id));
    const untested = SHIPPED_MODELS.map((m) => m.id).filter((id) => !tested.has(id));
    expect(untested).toEqual([]);
  });

  it('names a source for every price version', () => {
    for (const model of SHIPPED_MODELS) for (const v of model.versions) expect(v.source.length, model.id).toBeGreaterThan(10);
  });
});
