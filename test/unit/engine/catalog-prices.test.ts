import { describe, expect, it } from 'vitest';
import { buildCatalog, SHIPPED_MODELS } from '../../../app/engine/catalog/catalog.ts';
import { femtoToUsdNumber } from '../../../app/engine/money.ts';
import { isPriced, priceRow } from '../../../app/engine/price.ts';
import type { UsageRow } from '../../../app/engine/usage-row.ts';
import {
  HISTORY_REFERENCE_ROWS,
  REFERENCE_ROWS,
  TIER_REFERENCE_ROWS,
  type ReferenceRow,
} from '../../fixtures/reference-prices.ts';
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
  for (const ref of [...REFERENCE_ROWS, ...HISTORY_REFERENCE_ROWS]) {
    describe(`${ref.model} on ${ref.at}`, () => {
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

  it('gives every OpenAI price version the page it was read from and the date of that copy', () => {
    const openai = SHIPPED_MODELS.filter((m) => m.provider === 'openai');
    for (const model of openai) {
      for (const v of model.versions) {
        expect(v.source, model.id).toMatch(/[a-z0-9-]+\.(com|json)|genai-prices/);
        expect(v.source, model.id).toMatch(/\d{4}-\d{2}-\d{2}/);
      }
    }
  });

  it('never gives two versions of a model the same effective date, and keeps them in date order', () => {
    for (const model of SHIPPED_MODELS) {
      const days = model.versions.map((v) => v.effectiveFrom);
      expect(new Set(days).size, model.id).toBe(days.length);
      expect([...days].sort(), model.id).toEqual(days);
    }
  });
});

describe('OpenAI flex and priority rates, below and above the long-context threshold', () => {
  const TIER_KINDS: Array<[string, 'input' | 'read' | 'write' | 'output', Partial<UsageRow>]> = [
    ['input', 'input', { inputTokens: TOKENS }],
    ['cached input', 'read', { cacheReadTokens: TOKENS }],
    ['cache write', 'write', { cacheWrite5mTokens: TOKENS }],
    ['output', 'output', { outputTokens: TOKENS }],
  ];
  for (const ref of TIER_REFERENCE_ROWS) {
    describe(`${ref.model} ${ref.tier} ${ref.context} context (${ref.page})`, () => {
      it.each(TIER_KINDS)('%s', (_name, column, tokens) => {
        const row = usageRow({
          model: ref.model,
          start: `${ref.at}T10:00:00Z`,
          serviceTier: ref.tier,
          // The band label is how a caller states the request's size; 100,000 tokens alone are short.
          contextWindow: ref.context === 'long' ? 'long' : undefined,
          ...tokens,
        });
        expect(costOf(row)).toBeCloseTo(Number(ref[column]) / 10, 12);
      });
    });
  }
});
