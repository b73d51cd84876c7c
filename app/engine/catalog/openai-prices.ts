/**
 * OpenAI prices, USD per million tokens, re-verified 2026-11-30 against OpenAI's own pages (stored
 * copies through mid-November 2026). Each version names the page and the copy it was typed from.
 * Models before GPT-5.6 bill cache writes as plain input; GPT-5.6 and later charge 1.25x input.
 * Where LiteLLM or genai-prices disagree with the vendor, a comment beside the entry says so.
 */
import type { ModelEntry } from './catalog-types.ts';
import { GPT_5_FAMILY } from './openai-prices-gpt5.ts';
import { GPT_56_AND_6 } from './openai-prices-gpt6.ts';
import { gpt, half, LITELLM, O3_LAUNCH, old, WITH_PRIORITY } from './openai-sources.ts';

export const OPENAI_MODELS: readonly ModelEntry[] = [
  // Legacy models OpenAI still bills (pricing page, "Other models").
  gpt('gpt-3.5-turbo', 'GPT-3.5 Turbo', ['gpt-3.5-turbo-0125'], old('2024-01-25', '0.50', '1.50')),
  gpt('gpt-4', 'GPT-4', ['gpt-4-0613', 'gpt-4-0314'], old('2023-03-14', '30.00', '60.00')),
  gpt('gpt-4-32k', 'GPT-4 32k', ['gpt-4-32k-0613', 'gpt-4-32k-0314'], old('2023-03-14', '60.00', '120.00')),
  gpt(
    'gpt-4-turbo',
    'GPT-4 Turbo',
    ['gpt-4-turbo-2024-04-09', 'gpt-4-turbo-preview', 'gpt-4-0125-preview', 'gpt-4-1106-preview', 'gpt-4-1106-vision-preview'],
    old('2023-11-06', '10.00', '30.00'),
  ),
  gpt('chatgpt-4o-latest', 'ChatGPT-4o (latest)', [], { from: '2024-08-13', input: '5.00', output: '15.00', source: LITELLM }),
  gpt('gpt-4o', 'GPT-4o', ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'], {
    from: '2024-08-06',
    input: '2.50',
    cached: '1.25',
    output: '10.00',
    batch: ['1.25', '5.00'],
    priority: ['4.25', '2.125', '17.00'],
    source: WITH_PRIORITY,
  }),
  gpt('gpt-4o-2024-05-13', 'GPT-4o (2024-05-13)', [], {
    from: '2024-05-13',
    input: '5.00',
    output: '15.00',
    batch: ['2.50', '7.50'],
    // The priority page prints no cached price for this snapshot: cache reads bill as input.
    priority: ['8.75', '8.75', '26.25'],
    source: WITH_PRIORITY,
  }),
  gpt('gpt-4o-mini', 'GPT-4o mini', ['gpt-4o-mini-2024-07-18'], {
    from: '2024-07-18',
    input: '0.15',
    cached: '0.075',
    output: '0.60',
    batch: ['0.075', '0.30'],
    priority: ['0.25', '0.125', '1.00'],
    source: WITH_PRIORITY,
  }),
  ...GPT_41_AND_O_SERIES(),
  ...GPT_5_FAMILY(),
  ...GPT_56_AND_6(),
  gpt('text-embedding-3-small', 'text-embedding-3-small', [], {
    from: '2024-01-25',
    input: '0.02',
    output: '0',
    batch: ['0.01', '0'],
    source: LITELLM,
  }),
  gpt('text-embedding-3-large', 'text-embedding-3-large', [], {
    from: '2024-01-25',
    input: '0.13',
    output: '0',
    batch: ['0.065', '0'],
    source: LITELLM,
  }),
  gpt('text-embedding-ada-002', 'text-embedding-ada-002', [], {
    from: '2022-12-15',
    input: '0.10',
    output: '0',
    source: LITELLM,
  }),
];

function GPT_41_AND_O_SERIES(): ModelEntry[] {
  const four1 = (id: string, name: string, i: string, c: string, o: string, p: [string, string, string]) =>
    gpt(id, name, [], {
      from: '2025-04-14',
      input: i,
      cached: c,
      output: o,
      batch: [half(i), half(o)],
      priority: p,
      source: WITH_PRIORITY,
    });
  return [
    four1('gpt-4.1', 'GPT-4.1', '2.00', '0.50', '8.00', ['3.50', '0.875', '14.00']),
    four1('gpt-4.1-mini', 'GPT-4.1 mini', '0.40', '0.10', '1.60', ['0.70', '0.175', '2.80']),
    four1('gpt-4.1-nano', 'GPT-4.1 nano', '0.10', '0.025', '0.40', ['0.20', '0.05', '0.80']),
    gpt('o1', 'o1', ['o1-2024-12-17'], { from: '2024-12-17', input: '15.00', cached: '7.50', output: '60.00', source: LITELLM }),
    gpt('o1-mini', 'o1-mini', ['o1-mini-2024-09-12'], old('2024-09-12', '1.10', '4.40', { cached: '0.55' })),
    gpt('o1-pro', 'o1-pro', [], { from: '2025-03-19', input: '150.00', output: '600.00', batch: ['75', '300'], source: LITELLM }),
    gpt(
      'o3',
      'o3',
      ['o3-2025-04-16'],
      { from: '2025-04-16', input: '10.00', cached: '2.50', output: '40.00', source: O3_LAUNCH },
      {
        from: '2025-06-10',
        input: '2.00',
        cached: '0.50',
        output: '8.00',
        flex: ['1.00', '0.25', '4.00'],
        priority: ['3.50', '0.875', '14.00'],
        source: WITH_PRIORITY,
      },
    ),
    gpt('o3-mini', 'o3-mini', ['o3-mini-2025-01-31'], {
      from: '2025-01-31',
      input: '1.10',
      cached: '0.55',
      output: '4.40',
      source: LITELLM,
    }),
    gpt('o3-pro', 'o3-pro', [], { from: '2025-06-10', input: '20.00', output: '80.00', batch: ['10', '40'], source: LITELLM }),
    gpt('o3-deep-research', 'o3 deep research', [], {
      from: '2025-06-26',
      input: '10.00',
      cached: '2.50',
      output: '40.00',
      batch: ['5.00', '20.00'],
      source: LITELLM,
    }),
    gpt('o4-mini', 'o4-mini', ['o4-mini-2025-04-16'], {
      from: '2025-04-16',
      input: '1.10',
      cached: '0.275',
      output: '4.40',
      flex: ['0.55', '0.1375', '2.20'],
      priority: ['2.00', '0.50', '8.00'],
      source: WITH_PRIORITY,
    }),
    gpt('o4-mini-deep-research', 'o4-mini deep research', [], {
      from: '2025-06-26',
      input: '2.00',
      cached: '0.50',
      output: '8.00',
      batch: ['1.00', '4.00'],
      source: LITELLM,
    }),
    gpt('codex-mini-latest', 'codex-mini (latest)', [], {
      from: '2025-05-16',
      input: '1.50',
      cached: '0.375',
      output: '6.00',
      source: LITELLM,
    }),
  ];
}
