/**
 * OpenAI prices, USD per million tokens, from ../shared/reference/openai-admin-api-and-price-catalogs.md §4
 * (LiteLLM snapshot of about 2026-07-18, cross-checked against pydantic/genai-prices).
 * OpenAI has no cache-write charge on these models: cache writes are billed as plain input.
 */
import type { ModelEntry, PriceVersion, TierRates } from './catalog-types.ts';

const LITELLM = 'LiteLLM model_prices_and_context_window.json (~2026-07-18), cross-checked with genai-prices';
const GENAI_O3 = 'pydantic/genai-prices prices/providers/openai.yml @47df840a: o3 before the 2025-06-10 cut';

interface OpenAiSpec {
  from?: string;
  input: string;
  cached?: string;
  /** Only where OpenAI charges for cache writes (gpt-5.6). */
  cacheWrite?: string;
  output: string;
  batch?: [string, string];
  flex?: [string, string, string];
  priority?: [string, string, string];
  longContext?: { threshold: number; input: string; cached: string; output: string };
  source?: string;
}

function tier([input, cacheRead, output]: [string, string, string]): TierRates {
  return { input, cacheRead, output };
}

function version(spec: OpenAiSpec): PriceVersion {
  const cached = spec.cached ?? spec.input;
  const base: PriceVersion = {
    effectiveFrom: spec.from ?? '2023-01-01',
    rates: {
      input: spec.input,
      output: spec.output,
      cacheWrite5m: spec.cacheWrite ?? spec.input,
      cacheWrite1h: spec.cacheWrite ?? spec.input,
      cacheRead: cached,
    },
    source: spec.source ?? LITELLM,
  };
  const long = spec.longContext;
  return {
    ...base,
    ...(spec.batch ? { batch: { input: spec.batch[0], output: spec.batch[1] } } : {}),
    ...(spec.flex ? { flex: tier(spec.flex) } : {}),
    ...(spec.priority ? { priority: tier(spec.priority) } : {}),
    ...(long
      ? {
          longContext: {
            thresholdTokens: long.threshold,
            contextWindowTokens: 1_050_000,
            rates: {
              input: long.input,
              output: long.output,
              cacheWrite5m: long.input,
              cacheWrite1h: long.input,
              cacheRead: long.cached,
            },
          },
        }
      : {}),
  };
}

function gpt(id: string, displayName: string, aliases: string[], ...specs: OpenAiSpec[]): ModelEntry {
  return { id, provider: 'openai', displayName, aliases, versions: specs.map(version), status: 'active' };
}

export const OPENAI_MODELS: readonly ModelEntry[] = [
  gpt('gpt-3.5-turbo', 'GPT-3.5 Turbo', ['gpt-3.5-turbo-0125'], { input: '0.50', output: '1.50' }),
  gpt('gpt-4o', 'GPT-4o', ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'], {
    input: '2.50',
    cached: '1.25',
    output: '10.00',
    batch: ['1.25', '5.00'],
    priority: ['4.25', '2.125', '17.00'],
  }),
  gpt('gpt-4o-2024-05-13', 'GPT-4o (2024-05-13)', [], { input: '5.00', output: '15.00', batch: ['2.50', '7.50'] }),
  gpt('gpt-4o-mini', 'GPT-4o mini', ['gpt-4o-mini-2024-07-18'], {
    input: '0.15',
    cached: '0.075',
    output: '0.60',
    batch: ['0.075', '0.30'],
    priority: ['0.25', '0.125', '1.00'],
  }),
  gpt('gpt-4.1', 'GPT-4.1', ['gpt-4.1-2025-04-14'], {
    input: '2.00',
    cached: '0.50',
    output: '8.00',
    batch: ['1.00', '4.00'],
    priority: ['3.50', '0.875', '14.00'],
  }),
  gpt('gpt-4.1-mini', 'GPT-4.1 mini', [], {
    input: '0.40',
    cached: '0.10',
    output: '1.60',
    batch: ['0.20', '0.80'],
    priority: ['0.70', '0.175', '2.80'],
  }),
  gpt('gpt-4.1-nano', 'GPT-4.1 nano', [], {
    input: '0.10',
    cached: '0.025',
    output: '0.40',
    batch: ['0.05', '0.20'],
    priority: ['0.20', '0.05', '0.80'],
  }),
  gpt('o1', 'o1', ['o1-2024-12-17'], { input: '15.00', cached: '7.50', output: '60.00' }),
  gpt('o1-pro', 'o1-pro', [], { input: '150.00', output: '600.00', batch: ['75', '300'] }),
  gpt(
    'o3',
    'o3',
    ['o3-2025-04-16'],
    { from: '2025-04-16', input: '10.00', cached: '0.50', output: '40.00', source: GENAI_O3 },
    {
      from: '2025-06-10',
      input: '2.00',
      cached: '0.50',
      output: '8.00',
      flex: ['1.00', '0.25', '4.00'],
      priority: ['3.50', '0.875', '14.00'],
    },
  ),
  gpt('o3-mini', 'o3-mini', [], { input: '1.10', cached: '0.55', output: '4.40' }),
  gpt('o3-pro', 'o3-pro', [], { input: '20.00', output: '80.00', batch: ['10', '40'] }),
  gpt('o4-mini', 'o4-mini', ['o4-mini-2025-04-16'], {
    input: '1.10',
    cached: '0.275',
    output: '4.40',
    flex: ['0.55', '0.1375', '2.20'],
    priority: ['2.00', '0.50', '8.00'],
  }),
  gpt('gpt-5', 'GPT-5', ['gpt-5-2025-08-07'], {
    input: '1.25',
    cached: '0.125',
    output: '10.00',
    flex: ['0.625', '0.0625', '5.00'],
    priority: ['2.50', '0.25', '20.00'],
  }),
  gpt('gpt-5-mini', 'GPT-5 mini', ['gpt-5-mini-2025-08-07'], {
    input: '0.25',
    cached: '0.025',
    output: '2.00',
    flex: ['0.125', '0.0125', '1.00'],
    priority: ['0.45', '0.045', '3.60'],
  }),
  // LiteLLM's priority input of 2.5 for gpt-5-nano looks like a catalog bug, so no priority rates here.
  gpt('gpt-5-nano', 'GPT-5 nano', ['gpt-5-nano-2025-08-07'], {
    input: '0.05',
    cached: '0.005',
    output: '0.40',
    flex: ['0.025', '0.0025', '0.20'],
  }),
  gpt('gpt-5-chat-latest', 'GPT-5 Chat', [], { input: '1.25', cached: '0.125', output: '10.00' }),
  gpt('gpt-5-codex', 'GPT-5 Codex', [], { input: '1.25', cached: '0.125', output: '10.00' }),
  gpt('gpt-5-pro', 'GPT-5 pro', [], { input: '15.00', output: '120.00', batch: ['7.5', '60'] }),
  gpt('gpt-5.1', 'GPT-5.1', [], { input: '1.25', cached: '0.125', output: '10.00', priority: ['2.50', '0.25', '20.00'] }),
  gpt('gpt-5.1-codex', 'GPT-5.1 Codex', [], {
    input: '1.25',
    cached: '0.125',
    output: '10.00',
    priority: ['2.50', '0.25', '20.00'],
  }),
  gpt('gpt-5.2', 'GPT-5.2', [], { input: '1.75', cached: '0.175', output: '14.00', priority: ['3.50', '0.35', '28.00'] }),
  gpt('gpt-5.2-pro', 'GPT-5.2 pro', [], { input: '21.00', output: '168.00' }),
  gpt('gpt-5.4', 'GPT-5.4', [], {
    input: '2.50',
    cached: '0.25',
    output: '15.00',
    batch: ['1.25', '7.50'],
    flex: ['1.25', '0.13', '7.50'],
    priority: ['5.00', '0.50', '30.00'],
    longContext: { threshold: 272_000, input: '5.00', cached: '0.50', output: '22.50' },
  }),
  gpt('gpt-5.4-mini', 'GPT-5.4 mini', [], {
    input: '0.75',
    cached: '0.075',
    output: '4.50',
    batch: ['0.375', '2.25'],
    flex: ['0.375', '0.0375', '2.25'],
    priority: ['1.50', '0.15', '9.00'],
  }),
  gpt('gpt-5.4-nano', 'GPT-5.4 nano', [], {
    input: '0.20',
    cached: '0.02',
    output: '1.25',
    batch: ['0.10', '0.625'],
    flex: ['0.10', '0.01', '0.625'],
  }),
  gpt('gpt-5.5', 'GPT-5.5', [], {
    input: '5.00',
    cached: '0.50',
    output: '30.00',
    batch: ['2.50', '15.00'],
    flex: ['2.50', '0.25', '15.00'],
    priority: ['10', '1', '60'],
    longContext: { threshold: 272_000, input: '10', cached: '1', output: '45' },
  }),
  gpt('gpt-5.6', 'GPT-5.6', ['gpt-5.6-sol'], {
    input: '5.00',
    cached: '0.50',
    cacheWrite: '6.25',
    output: '30.00',
    batch: ['2.50', '15.00'],
    flex: ['2.50', '0.25', '15.00'],
    priority: ['10', '1', '60'],
  }),
  gpt('gpt-5.6-terra', 'GPT-5.6 terra', [], {
    input: '2.50',
    cached: '0.25',
    output: '15.00',
    batch: ['1.25', '7.50'],
    flex: ['1.25', '0.125', '7.50'],
    priority: ['5', '0.50', '30'],
  }),
  gpt('gpt-5.6-luna', 'GPT-5.6 luna', [], {
    input: '1.00',
    cached: '0.10',
    output: '6.00',
    batch: ['0.50', '3.00'],
    flex: ['0.50', '0.05', '3.00'],
    priority: ['2', '0.20', '12'],
  }),
  gpt('text-embedding-3-small', 'text-embedding-3-small', [], { input: '0.02', output: '0', batch: ['0.01', '0'] }),
  gpt('text-embedding-3-large', 'text-embedding-3-large', [], { input: '0.13', output: '0', batch: ['0.065', '0'] }),
  gpt('text-embedding-ada-002', 'text-embedding-ada-002', [], { input: '0.10', output: '0' }),
];
