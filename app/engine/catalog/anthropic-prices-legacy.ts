/** Claude models before the 4.6 generation: deprecated or retired, kept to price their history. */
import {
  claude,
  OPUS_4_RATES,
  OPUS_5_RATES,
  page,
  PRICE_2026_02,
  PRICE_2026_09,
  rates,
  SONNET_3_RATES,
  SONNET_4_LONG,
  WEB_SEARCH,
} from './anthropic-price-parts.ts';
import type { ModelEntry } from './catalog-types.ts';

export const ANTHROPIC_LEGACY_MODELS: readonly ModelEntry[] = [
  claude(
    'claude-opus-4-5',
    'Claude Opus 4.5',
    ['claude-opus-4-5-20251101'],
    [{ effectiveFrom: '2025-11-01', rates: OPUS_5_RATES, webSearchPer1k: WEB_SEARCH, source: PRICE_2026_09 }],
    // Deprecated 2026-11-23, retiring 2027-01-22 (model-deprecations page, copy of 2026-11-26).
    'deprecated',
  ),
  claude(
    'claude-opus-4-1',
    'Claude Opus 4.1',
    ['claude-opus-4-1-20250805'],
    [{ effectiveFrom: '2025-08-05', rates: OPUS_4_RATES, webSearchPer1k: WEB_SEARCH, source: PRICE_2026_09 }],
    'retired',
  ),
  claude(
    'claude-opus-4',
    'Claude Opus 4',
    ['claude-opus-4-20250514', 'claude-opus-4-0', 'claude-4-opus-20250514'],
    [{ effectiveFrom: '2025-05-14', rates: OPUS_4_RATES, webSearchPer1k: WEB_SEARCH, source: PRICE_2026_09 }],
    'retired',
  ),
  claude(
    'claude-sonnet-4-5',
    'Claude Sonnet 4.5',
    ['claude-sonnet-4-5-20250929'],
    [
      {
        effectiveFrom: '2025-09-29',
        rates: SONNET_3_RATES,
        longContext: SONNET_4_LONG,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
    'deprecated',
  ),
  claude(
    'claude-sonnet-4',
    'Claude Sonnet 4',
    ['claude-sonnet-4-20250514', 'claude-sonnet-4-0', 'claude-4-sonnet-20250514'],
    [
      {
        effectiveFrom: '2025-05-14',
        rates: SONNET_3_RATES,
        longContext: SONNET_4_LONG,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
    'retired',
  ),
  claude(
    'claude-3-5-haiku',
    'Claude Haiku 3.5',
    ['claude-3-5-haiku-20241022', 'claude-3-5-haiku-latest'],
    [
      {
        effectiveFrom: '2024-10-22',
        rates: rates('0.80', '4', '1', '1.60', '0.08'),
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
    'retired',
  ),
  claude(
    'claude-3-7-sonnet',
    'Claude Sonnet 3.7',
    ['claude-3-7-sonnet-20250219', 'claude-3-7-sonnet-latest'],
    [{ effectiveFrom: '2025-02-19', rates: SONNET_3_RATES, webSearchPer1k: WEB_SEARCH, source: PRICE_2026_02 }],
    'retired',
  ),
  claude(
    'claude-3-5-sonnet',
    'Claude Sonnet 3.5',
    ['claude-3-5-sonnet-20240620', 'claude-3-5-sonnet-20241022', 'claude-3-5-sonnet-latest'],
    [
      {
        effectiveFrom: '2024-06-20',
        rates: SONNET_3_RATES,
        // Retired before the stored copies; models.dev and genai-prices agree on $3/$15.
        source: page(
          'https://github.com/anomalyco/models.dev/blob/f3fc692/providers/anthropic/models/claude-3-5-sonnet-20241022.toml',
          '2026-07-02',
          'third-party only, not on an official page we hold',
        ),
      },
    ],
    'retired',
  ),
  claude(
    'claude-3-opus',
    'Claude Opus 3',
    ['claude-3-opus-20240229', 'claude-3-opus-latest'],
    [{ effectiveFrom: '2024-02-29', rates: OPUS_4_RATES, source: PRICE_2026_02 }],
    'retired',
  ),
  claude(
    'claude-3-haiku',
    'Claude Haiku 3',
    ['claude-3-haiku-20240307'],
    [
      {
        effectiveFrom: '2024-03-07',
        rates: rates('0.25', '1.25', '0.30', '0.50', '0.03'),
        batch: { input: '0.125', output: '0.625' },
        source: PRICE_2026_02,
      },
    ],
    'retired',
  ),
];
