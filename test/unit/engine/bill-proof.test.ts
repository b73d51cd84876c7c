/**
 * The bill proves the prices: billed rate = billed dollars ÷ tokens, compared with the catalog's rate
 * for that day, tier and kind; a run that disagrees beyond rounding is a finding, and its rate is learned.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../app/engine/catalog/catalog.ts';
import { billedRates, type BillLine } from '../../../app/engine/billed-rates.ts';
import { billProof } from '../../../app/engine/bill-proof.ts';
import { usdToFemto } from '../../../app/engine/money.ts';
import { beyondRounding, learnedRates, priceFindings } from '../../../app/engine/price-findings.ts';
import { isPriced, priceRow } from '../../../app/engine/price.ts';
import type { UsageRow } from '../../../app/engine/usage-row.ts';
import { usageRow } from '../../helpers/usage-rows.ts';

const catalog = buildCatalog();
const NOW = Date.parse('2026-11-30T12:00:00Z');
const usd = (text: string) => usdToFemto(text)!;

function openai(day: string, lineItem: string, quantity: number | null, dollars: string, unit = 'tokens'): BillLine {
  const model = /^([^,]+),/.exec(lineItem)?.[1] ?? null;
  return { source: 'openai', day, model, description: lineItem, line: '', femto: usd(dollars), quantity, quantityUnit: unit };
}

function anthropic(day: string, model: string, line: string, dollars: string): BillLine {
  return { source: 'anthropic', day, model, description: `${model} usage`, line, femto: usd(dollars) };
}

const sonnetDay = (overrides: Partial<UsageRow> = {}): UsageRow =>
  usageRow({
    model: 'claude-sonnet-4-5',
    start: '2026-11-02T05:00:00Z',
    contextWindow: '0-200k',
    inferenceGeo: 'global',
    inputTokens: 1_000_000,
    outputTokens: 100_000,
    ...overrides,
  });

/** Each row: one bill line (and the usage behind it), and the finding it should give, as rates in USD/M. */
const CASES: ReadonlyArray<{
  name: string;
  lines: BillLine[];
  usage?: UsageRow[];
  finding: null | { billed: number; catalog: number | null; tier?: string; kind?: string };
}> = [
  {
    name: 'gpt-4o input at the catalog rate',
    lines: [openai('2026-11-02', 'gpt-4o-2024-08-06, input', 1_000_000, '2.5')],
    finding: null,
  },
  {
    name: 'gpt-4o input 0.4 % above (float rounding) is no finding',
    lines: [openai('2026-11-02', 'gpt-4o-2024-08-06, input', 1_000_000, '2.51')],
    finding: null,
  },
  {
    name: 'gpt-4o input 0.8 % above is a finding',
    lines: [openai('2026-11-02', 'gpt-4o-2024-08-06, input', 1_000_000, '2.52')],
    finding: { billed: 2.52, catalog: 2.5 },
  },
  {
    name: 'quantity in 1000_tokens: 2,000 units of cached input for $2.50 is $1.25/M, the catalog rate',
    lines: [openai('2026-11-02', 'gpt-4o-2024-08-06, cached input', 2_000, '2.5', '1000_tokens')],
    finding: null,
  },
  {
    name: 'a batch line is compared with the batch rate',
    lines: [openai('2026-11-02', 'gpt-4o-2024-08-06, input (batch)', 1_000_000, '1.25')],
    finding: null,
  },
  {
    name: 'output billed at $8/M against $10/M',
    lines: [openai('2026-11-02', 'gpt-4o, output', 500_000, '4')],
    finding: { billed: 8, catalog: 10, kind: 'output' },
  },
  {
    name: 'a model the catalog does not know: a finding with no catalog rate',
    lines: [openai('2026-11-02', 'gpt-6-preview-2026-11-12, input', 20_000, '0.1')],
    finding: { billed: 5, catalog: null },
  },
  {
    name: 'a line naming no model proves nothing',
    lines: [openai('2026-11-02', 'File search storage', 24, '0.1', 'gibibyte_hours')],
    finding: null,
  },
  { name: 'a line without quantity proves nothing', lines: [openai('2026-11-02', 'gpt-4o, input', null, '9')], finding: null },
  {
    name: "today's line is partial and proves nothing",
    lines: [openai('2026-11-30', 'gpt-4o, input', 1_000_000, '9')],
    finding: null,
  },
  {
    name: 'Anthropic: the cost row and the usage rows of the day agree at $3/M',
    lines: [anthropic('2026-11-02', 'claude-sonnet-4-5', 'standard|0-200k|global|uncached_input_tokens|tokens', '3')],
    usage: [sonnetDay()],
    finding: null,
  },
  {
    name: 'Anthropic: input billed at $2.70/M against $3/M, tokens from the usage report',
    lines: [anthropic('2026-11-02', 'claude-sonnet-4-5', 'standard|0-200k|global|uncached_input_tokens|tokens', '2.7')],
    usage: [sonnetDay({ start: '2026-11-02T01:00:00Z', inputTokens: 400_000 }), sonnetDay({ inputTokens: 600_000 })],
    finding: { billed: 2.7, catalog: 3 },
  },
  {
    name: 'Anthropic: a batch cost row is matched with batch usage only',
    lines: [anthropic('2026-11-02', 'claude-sonnet-4-5', 'batch|0-200k|global|output_tokens|tokens', '0.75')],
    usage: [sonnetDay(), sonnetDay({ serviceTier: 'batch', outputTokens: 100_000 })],
    finding: null,
  },
];

describe('billed rates against the catalog', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const findings = priceFindings(billedRates(c.lines, c.usage ?? [], catalog, NOW));
      if (c.finding === null) {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toHaveLength(1);
      const f = findings[0]!;
      expect(Number(f.billedFemto) / f.tokens / 1e9).toBeCloseTo(c.finding.billed, 9);
      expect(f.catalogFemto === null ? null : Number(f.catalogFemto) / f.tokens / 1e9).toBe(c.finding.catalog);
      if (c.finding.kind) expect(f.kind).toBe(c.finding.kind);
    });
  }

  it('counts a rate difference as beyond rounding only above 0.5 % and above $0.000001/M', () => {
    expect(beyondRounding(1_005_000n, 1_000_000n, 1)).toBe(false);
    expect(beyondRounding(1_006_000n, 1_000_000n, 1)).toBe(true);
    // 100 % apart but only 500 femto per token ($0.0000005/M): a free kind with float dust.
    expect(beyondRounding(1_000n, 500n, 2)).toBe(false);
  });
});

describe('runs of days and learned rates', () => {
  const days = [
    openai('2026-11-01', 'gpt-4o, input', 1_000_000, '2.5'),
    openai('2026-11-02', 'gpt-4o, input', 1_000_000, '2'),
    openai('2026-11-03', 'gpt-4o, input', 3_000_000, '6'),
    openai('2026-11-04', 'gpt-4o, input', 1_000_000, '1.8'),
  ];

  it('splits the days where the billed rate changes and learns the latest one', () => {
    const findings = priceFindings(billedRates(days, [], catalog, NOW));
    expect(findings.map((f) => [f.from, f.through, f.current])).toEqual([
      ['2026-11-02', '2026-11-03', false],
      ['2026-11-04', '2026-11-04', true],
    ]);
    expect(learnedRates(findings)).toEqual([
      { source: 'openai', model: 'gpt-4o', kind: 'input', from: '2026-11-04', femtoPerToken: 1_800_000_000n },
    ]);
  });

  it('prices today at the learned rate, marked as from the bill, and keeps the catalog before it', () => {
    const proof = billProof(days, [], catalog, NOW);
    expect(proof.findings[1]!.message).toBe('Your bill prices gpt-4o input at $1.80/M since Nov 4; our catalog says $2.50/M');
    const today = priceRow(
      usageRow({
        model: 'gpt-4o',
        source: 'openai',
        start: '2026-11-30T09:00:00Z',
        inputTokens: 1_000_000,
        outputTokens: 1_000_000,
      }),
      proof.catalog,
    );
    if (!isPriced(today)) throw new Error('gpt-4o unpriced');
    expect(today.femto).toBe(usd('11.8'));
    expect(today.priceSource).toBe('rate from your bill, 2026-11-04');
    const before = priceRow(
      usageRow({ model: 'gpt-4o', source: 'openai', start: '2026-10-30T09:00:00Z', inputTokens: 1_000_000 }),
      proof.catalog,
    );
    expect(isPriced(before) && before.femto).toBe(usd('2.5'));
  });

  it('prices a model the catalog lacks once the bill gives its input and output rates, never from one kind alone', () => {
    const unknown = (lines: BillLine[]) =>
      priceRow(
        usageRow({
          model: 'gpt-6-preview-2026-11-12',
          source: 'openai',
          start: '2026-11-30T09:00:00Z',
          inputTokens: 1_000,
          outputTokens: 1_000,
        }),
        billProof(lines, [], catalog, NOW).catalog,
      );
    const inputOnly = [openai('2026-11-02', 'gpt-6-preview-2026-11-12, input', 20_000, '0.1')];
    expect(isPriced(unknown(inputOnly))).toBe(false);
    const both = unknown([...inputOnly, openai('2026-11-02', 'gpt-6-preview-2026-11-12, output', 6_000, '0.12')]);
    expect(isPriced(both) && both.femto).toBe(usd('0.025'));
  });
});
