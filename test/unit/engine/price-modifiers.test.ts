import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../app/engine/catalog/catalog.ts';
import { femtoToDecimalString } from '../../../app/engine/money.ts';
import { isPriced, priceRow, type PricedRow } from '../../../app/engine/price.ts';
import type { UsageRow } from '../../../app/engine/usage-row.ts';
import { parseCompletionsBuckets } from '../../../app/sources/openai/openai-parse.ts';
import { usageRow } from '../../helpers/usage-rows.ts';

const catalog = buildCatalog();

function priced(row: Partial<UsageRow> & Pick<UsageRow, 'model'>, overrides = catalog): PricedRow {
  const result = priceRow(usageRow(row), overrides);
  if (!isPriced(result)) throw new Error(`unpriced ${row.model}`);
  return result;
}
const usd = (row: Partial<UsageRow> & Pick<UsageRow, 'model'>) => femtoToDecimalString(priced(row).femto);

describe('the examples from the issue', () => {
  it('Opus 4.5: 10,000 input, 2,000 output, 50,000 cache read = $0.1250', () => {
    expect(usd({ model: 'claude-opus-4-5', inputTokens: 10_000, outputTokens: 2_000, cacheReadTokens: 50_000 })).toBe('0.125');
  });
  it('Sonnet 4.5 batch: 1,000,000 input, 100,000 output = $2.25', () => {
    expect(usd({ model: 'claude-sonnet-4-5', serviceTier: 'batch', inputTokens: 1_000_000, outputTokens: 100_000 })).toBe('2.25');
  });
  it('Sonnet 4.5 long context: 300,000 input, 1,000 output = $1.8225', () => {
    expect(usd({ model: 'claude-sonnet-4-5', inputTokens: 300_000, outputTokens: 1_000 })).toBe('1.8225');
  });
});

describe('modifiers', () => {
  it('long context applies above the 200k threshold, not at or below it', () => {
    expect(usd({ model: 'claude-sonnet-4-5', inputTokens: 200_000 })).toBe('0.6');
    expect(usd({ model: 'claude-sonnet-4-5', inputTokens: 200_001 })).toBe('1.200006');
  });
  it('counts cache reads and writes toward the long-context prompt size', () => {
    const row = priced({ model: 'claude-sonnet-4', inputTokens: 1_000, cacheReadTokens: 250_000, outputTokens: 1_000 });
    expect(row.modifiers).toContain('long context');
    expect(femtoToDecimalString(row.femto)).toBe(String(0.006 + 0.15 + 0.0225));
  });
  it('uses the usage report context_window bucket when present', () => {
    expect(usd({ model: 'claude-sonnet-4-5', contextWindow: '200k-1M', inputTokens: 1_000 })).toBe('0.006');
    expect(usd({ model: 'claude-sonnet-4-5', contextWindow: '0-200k', inputTokens: 300_000 })).toBe('0.9');
  });
  it('Haiku 5.5 charges the whole request at the higher rate above a 100,000-token prompt', () => {
    expect(usd({ model: 'claude-haiku-5-5', inputTokens: 100_000, outputTokens: 1_000_000 })).toBe('0.51');
    expect(usd({ model: 'claude-haiku-5-5', inputTokens: 100_001, outputTokens: 100_000 })).toBe('0.3000005');
  });
  it('models with a flat 1M price ignore prompt size', () => {
    expect(usd({ model: 'claude-sonnet-4-6', start: '2026-11-01T00:00:00Z', inputTokens: 900_000 })).toBe('2.7');
  });
  it('1-hour cache writes cost twice input, 5-minute writes 1.25x', () => {
    expect(usd({ model: 'claude-opus-4-5', cacheWrite1hTokens: 1_000_000 })).toBe('10');
    expect(usd({ model: 'claude-opus-4-5', cacheWrite5mTokens: 1_000_000 })).toBe('6.25');
  });
  it('batch halves cache reads and writes too', () => {
    expect(
      usd({ model: 'claude-opus-4-5', serviceTier: 'batch', cacheReadTokens: 1_000_000, cacheWrite1hTokens: 1_000_000 }),
    ).toBe('5.25');
  });
  it('US-only inference costs 1.1x on 4.6+ models and nothing extra on older ones', () => {
    expect(usd({ model: 'claude-opus-4-6', inferenceGeo: 'us', inputTokens: 1_000_000, cacheReadTokens: 1_000_000 })).toBe(
      '6.05',
    );
    expect(usd({ model: 'claude-opus-4-5', inferenceGeo: 'us', inputTokens: 1_000_000 })).toBe('5');
  });
  it('US inference stacks with batch', () => {
    expect(usd({ model: 'claude-sonnet-5', inferenceGeo: 'us', serviceTier: 'batch', outputTokens: 1_000_000 })).toBe('5.5');
  });
  it('fast mode uses fast rates, and cache kinds scale with input', () => {
    expect(usd({ model: 'claude-opus-5', speed: 'fast', inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe('60');
    expect(usd({ model: 'claude-opus-5', speed: 'fast', cacheReadTokens: 1_000_000 })).toBe('1');
    expect(usd({ model: 'claude-opus-4-6', start: '2026-03-20T00:00:00Z', speed: 'fast', inputTokens: 1_000_000 })).toBe('30');
    expect(priced({ model: 'claude-opus-4-7', speed: 'fast', inputTokens: 1 }).modifiers).not.toContain('fast mode');
  });
  it('web search costs $10 per 1,000 requests', () => {
    const row = priced({ model: 'claude-sonnet-4-5', webSearchRequests: 10 });
    expect(row.lines).toEqual([{ kind: 'web_search', quantity: 10, femto: 100_000_000_000_000n }]);
  });
  it('OpenAI flex and priority tiers use their own rates', () => {
    expect(usd({ model: 'gpt-5', serviceTier: 'flex', inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe('5.625');
    expect(usd({ model: 'gpt-5', serviceTier: 'priority', inputTokens: 1_000_000 })).toBe('2.5');
    // openai.com/api-priority-processing: GPT-5.5 $12.50 / $1.25 / $75 (LiteLLM's 10 / 1 / 60 is wrong).
    expect(usd({ model: 'gpt-5.5', serviceTier: 'priority', inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe('87.5');
  });
});

describe('OpenAI tiers above the long-context threshold (developers.openai.com/api/docs/models/*)', () => {
  // 100,000 tokens: below the 272K threshold unless a test adds a long prompt.
  const M = 100_000;
  it('flex on a 300,000-token GPT-5.5 prompt pays half the long-context rate, not half the short one', () => {
    // >272K: input $10/M; flex is 50 % of "whichever rate applies": $5/M x 0.3M = $1.50.
    expect(usd({ model: 'gpt-5.5', serviceTier: 'flex', inputTokens: 300_000 })).toBe('1.5');
    expect(priced({ model: 'gpt-5.5', serviceTier: 'flex', inputTokens: 300_000 }).modifiers).toEqual(['long context', 'flex']);
  });
  it('priority on a long GPT-6 Sol prompt is twice the long-context rate for every kind', () => {
    // Long: input $4, cached $0.40, write $5, output $15; fast 2x.
    const row = {
      model: 'gpt-6-sol',
      serviceTier: 'priority',
      inputTokens: 300_000,
      cacheReadTokens: M,
      cacheWrite5mTokens: M,
      outputTokens: M,
    };
    expect(usd(row)).toBe(String(2.4 + 0.08 + 1 + 3));
  });
  it("flex and priority cache writes use the tier's rate, not standard's", () => {
    expect(usd({ model: 'gpt-6-sol', serviceTier: 'priority', cacheWrite5mTokens: M })).toBe('0.5');
    expect(usd({ model: 'gpt-6-sol', serviceTier: 'flex', cacheWrite5mTokens: M })).toBe('0.125');
    expect(usd({ model: 'gpt-6-sol', cacheWrite5mTokens: M })).toBe('0.25');
  });
  it('a usage row whose service tier says "fast" is priced as priority', () => {
    expect(usd({ model: 'gpt-6-sol', serviceTier: 'fast', inputTokens: M })).toBe('0.4');
  });
  it('GPT-5.6 charges cache writes at 1.25x input and bills above 272K at 2x input, 1.5x output', () => {
    expect(usd({ model: 'gpt-5.6-luna', cacheWrite5mTokens: M })).toBe('0.025');
    expect(usd({ model: 'gpt-5.6-luna', inputTokens: 300_000, outputTokens: 100_000 })).toBe(String(0.12 + 0.18));
    expect(usd({ model: 'gpt-5.6-luna', inputTokens: 272_000, outputTokens: 100_000 })).toBe(String(0.0544 + 0.12));
  });
  it('GPT-6.1 Terra prices its 30-minute and 12-hour cache writes apart', () => {
    expect(usd({ model: 'gpt-6.1-terra', cacheWrite5mTokens: M })).toBe('0.125');
    expect(usd({ model: 'gpt-6.1-terra', cacheWrite1hTokens: M })).toBe('0.25');
  });
});

describe('an aggregated usage bucket is never one long-context request', () => {
  it('a 500,000-token GPT-5.5 day from the OpenAI usage report is priced at base rates', () => {
    // One bucket of the admin usage report (openai-openapi UsageCompletionsResult), grouped by model.
    const [row] = parseCompletionsBuckets(
      [
        {
          object: 'bucket',
          start_time: 1_764_028_800,
          end_time: 1_764_115_200,
          results: [
            {
              object: 'organization.usage.completions.result',
              model: 'gpt-5.5',
              input_tokens: 500_000,
              output_tokens: 10_000,
              num_model_requests: 120,
            },
          ],
        },
      ],
      '1d',
    );
    const result = priceRow(row!, catalog);
    expect(isPriced(result) && femtoToDecimalString(result.femto)).toBe(String(2.5 + 0.3));
    expect(isPriced(result) && result.modifiers).not.toContain('long context');
  });
  it('the same tokens as one call are long context; a bucket labelled long still is', () => {
    expect(usd({ model: 'gpt-5.5', inputTokens: 500_000 })).toBe('5');
    expect(usd({ model: 'gpt-5.5', aggregated: true, inputTokens: 500_000 })).toBe('2.5');
    expect(usd({ model: 'gpt-5.5', aggregated: true, contextWindow: 'long', inputTokens: 500_000 })).toBe('5');
  });
  it('an OpenAI usage row stored before the flag existed is still priced as a bucket', () => {
    expect(usd({ model: 'gpt-5.5', source: 'openai', inputTokens: 500_000 })).toBe('2.5');
    expect(usd({ model: 'gpt-5.5', source: 'openai', aggregated: false, inputTokens: 500_000 })).toBe('5');
  });
});

describe('price changes apply from their day', () => {
  it('GPT-5.6 Terra and Luna: launch prices until 2026-07-29, the cuts from 2026-07-30', () => {
    expect(usd({ model: 'gpt-5.6-terra', start: '2026-07-29T23:00:00Z', outputTokens: 1_000_000 })).toBe('15');
    expect(usd({ model: 'gpt-5.6-terra', start: '2026-07-30T00:00:00Z', outputTokens: 1_000_000 })).toBe('12');
    expect(usd({ model: 'gpt-5.6-luna', start: '2026-07-29T23:00:00Z', inputTokens: 100_000 })).toBe('0.1');
    expect(usd({ model: 'gpt-5.6-luna', start: '2026-07-30T00:00:00Z', inputTokens: 100_000 })).toBe('0.02');
  });
  it('GPT-5.6 Sol: $5/$30 until 2026-08-20, the promotional $4/$20 from 2026-08-21', () => {
    const call = { model: 'gpt-5.6-sol', inputTokens: 100_000, outputTokens: 100_000 };
    expect(usd({ ...call, start: '2026-08-20T12:00:00Z' })).toBe('3.5');
    expect(usd({ ...call, start: '2026-08-21T00:00:00Z' })).toBe('2.4');
  });
  it('o3 cached input was $2.50 before the 2025-06-10 cut, $0.50 after', () => {
    expect(usd({ model: 'o3', start: '2025-06-09T12:00:00Z', cacheReadTokens: 1_000_000 })).toBe('2.5');
    expect(usd({ model: 'o3', start: '2025-06-10T00:00:00Z', cacheReadTokens: 1_000_000 })).toBe('0.5');
  });
  it('Sonnet 5.5 cache reads: $0.20 until 2026-10-06, $0.10 from 2026-10-07 (the Haiku 5.5 launch day)', () => {
    expect(usd({ model: 'claude-sonnet-5-5', start: '2026-10-06T23:00:00Z', cacheReadTokens: 1_000_000 })).toBe('0.2');
    expect(usd({ model: 'claude-sonnet-5-5', start: '2026-10-07T00:00:00Z', cacheReadTokens: 1_000_000 })).toBe('0.1');
  });
  it('o3: $10/$40 before 2025-06-10, $2/$8 from it', () => {
    expect(usd({ model: 'o3-2025-04-16', start: '2025-06-09T12:00:00Z', inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(
      '50',
    );
    expect(usd({ model: 'o3-2025-04-16', start: '2025-06-10T00:00:00Z', inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(
      '10',
    );
  });
  it('Opus 4.6 had a >200k tier until 2026-03-13', () => {
    expect(usd({ model: 'claude-opus-4-6', start: '2026-03-01T00:00:00Z', inputTokens: 300_000 })).toBe('3');
    expect(usd({ model: 'claude-opus-4-6', start: '2026-03-13T00:00:00Z', inputTokens: 300_000 })).toBe('1.5');
  });
});

describe('overrides and unknown models', () => {
  it('an override corrects a shipped price from its date and is marked', () => {
    const custom = buildCatalog([
      { model: 'claude-sonnet-4-5-20250929', effectiveFrom: '2026-11-10', rates: { input: '2', output: '12' } },
    ]);
    const before = priceRow(
      usageRow({ model: 'claude-sonnet-4-5', start: '2026-11-09T00:00:00Z', inputTokens: 100_000 }),
      custom,
    );
    const after = priceRow(
      usageRow({ model: 'claude-sonnet-4-5', start: '2026-11-10T00:00:00Z', inputTokens: 100_000, cacheReadTokens: 100_000 }),
      custom,
    );
    expect(isPriced(before) && femtoToDecimalString(before.femto)).toBe('0.3');
    expect(isPriced(after) && femtoToDecimalString(after.femto)).toBe('0.22');
    expect(isPriced(after) && after.modifiers).toContain('user price');
    expect(isPriced(after) && after.priceSource).toMatch(/user override/);
  });
  it('an override adds a model the catalog does not know', () => {
    const custom = buildCatalog([{ model: 'claude-fable-5-3', rates: { input: '12', output: '60', cacheRead: '0.30' } }]);
    const result = priceRow(
      usageRow({ model: 'claude-fable-5-3', inputTokens: 1_000_000, cacheReadTokens: 1_000_000, cacheWrite5mTokens: 1_000_000 }),
      custom,
    );
    expect(isPriced(result) && femtoToDecimalString(result.femto)).toBe(String(12 + 0.3 + 15));
  });
  it('an unknown model is unpriced with its tokens, never $0', () => {
    const result = priceRow(
      usageRow({ model: 'claude-fable-5-3', inputTokens: 7, outputTokens: 9, cacheReadTokens: 11 }),
      catalog,
    );
    expect(isPriced(result)).toBe(false);
    expect(result).toMatchObject({ model: 'claude-fable-5-3', inputTokens: 7, outputTokens: 9, cacheReadTokens: 11 });
  });
});
