/**
 * Claude prices, USD per million tokens, from ../shared/reference/anthropic-admin-api.md §5.
 * Rows are copied from the official pricing page; the source string says which copy.
 */
import type { ModelEntry, PriceVersion, RateCard } from './catalog-types.ts';

const PRICE_2026_09 = 'platform.claude.com/docs/en/about-claude/pricing, copy of 2026-09';
const PRICE_2026_10 = 'platform.claude.com/docs/en/about-claude/pricing, as re-read 2026-10-07..10-10';
const PRICE_2026_02 = 'platform.claude.com/docs/zh-CN/about-claude/pricing, Feb 2026 (Opus 4.6 era)';
const GENAI_PRICES = 'pydantic/genai-prices prices/providers/anthropic.yml @47df840a (2026-08-21)';
const THIRD_PARTY_35_SONNET = 'third-party tables only (unconfirmed on the official page): Sonnet 3.5 at $3/$15';

/** Input, output, 5-minute write, 1-hour write, cache read. */
function rates(input: string, output: string, cacheWrite5m: string, cacheWrite1h: string, cacheRead: string): RateCard {
  return { input, output, cacheWrite5m, cacheWrite1h, cacheRead };
}

const WEB_SEARCH = '10';
const US = '1.1';

function claude(
  id: string,
  displayName: string,
  aliases: string[],
  versions: PriceVersion[],
  status: ModelEntry['status'] = 'active',
): ModelEntry {
  return { id, provider: 'anthropic', displayName, aliases, versions, status };
}

const OPUS_5_RATES = rates('5', '25', '6.25', '10', '0.50');
const OPUS_4_RATES = rates('15', '75', '18.75', '30', '1.50');
const SONNET_3_RATES = rates('3', '15', '3.75', '6', '0.30');
const SONNET_4_LONG = {
  thresholdTokens: 200_000,
  contextWindowTokens: 1_000_000,
  rates: rates('6', '22.50', '7.50', '12', '0.60'),
};
const FABLE_RATES = rates('10', '50', '12.50', '20', '1');
const FABLE_51_RATES = rates('10', '50', '12.50', '20', '0.25');

export const ANTHROPIC_MODELS: readonly ModelEntry[] = [
  claude(
    'claude-fable-5-1',
    'Claude Fable 5.1',
    [],
    [
      {
        effectiveFrom: '2026-09-01',
        rates: FABLE_51_RATES,
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
  ),
  claude(
    'claude-mythos-5-1',
    'Claude Mythos 5.1',
    [],
    [
      {
        effectiveFrom: '2026-09-01',
        rates: FABLE_51_RATES,
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
  ),
  claude(
    'claude-fable-5',
    'Claude Fable 5',
    [],
    [
      {
        effectiveFrom: '2026-06-09',
        rates: FABLE_RATES,
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
  ),
  claude(
    'claude-mythos-5',
    'Claude Mythos 5',
    [],
    [
      {
        effectiveFrom: '2026-06-09',
        rates: FABLE_RATES,
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
  ),
  claude(
    'claude-opus-5-5',
    'Claude Opus 5.5',
    [],
    [
      {
        effectiveFrom: '2026-09-22',
        rates: rates('4', '20', '5', '8', '0.20'),
        fast: { input: '8', output: '40' },
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_10,
      },
    ],
  ),
  claude(
    'claude-opus-5',
    'Claude Opus 5',
    [],
    [
      {
        effectiveFrom: '2026-07-24',
        rates: OPUS_5_RATES,
        fast: { input: '10', output: '50' },
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
  ),
  claude(
    'claude-opus-4-8',
    'Claude Opus 4.8',
    [],
    [
      {
        effectiveFrom: '2026-05-28',
        rates: OPUS_5_RATES,
        fast: { input: '10', output: '50' },
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
  ),
  claude(
    'claude-opus-4-7',
    'Claude Opus 4.7',
    ['claude-opus-4-7-20260416'],
    [
      {
        effectiveFrom: '2026-04-16',
        rates: OPUS_5_RATES,
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
  ),
  claude(
    'claude-opus-4-6',
    'Claude Opus 4.6',
    ['claude-opus-4-6-20260205'],
    [
      {
        effectiveFrom: '2026-02-05',
        rates: OPUS_5_RATES,
        longContext: {
          thresholdTokens: 200_000,
          contextWindowTokens: 1_000_000,
          rates: rates('10', '37.50', '12.50', '20', '1'),
        },
        fast: { input: '30', output: '150' },
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: `${PRICE_2026_02}; >200k tier from ${GENAI_PRICES}`,
      },
      {
        effectiveFrom: '2026-03-13',
        rates: OPUS_5_RATES,
        fast: { input: '30', output: '150' },
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: `${GENAI_PRICES}: flat 1M-context price from 2026-03-13`,
      },
      {
        // The 2026-09 page: fast requests "run at standard speed and are billed at standard rates".
        effectiveFrom: '2026-09-01',
        rates: OPUS_5_RATES,
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
  ),
  claude(
    'claude-opus-4-5',
    'Claude Opus 4.5',
    ['claude-opus-4-5-20251101'],
    [{ effectiveFrom: '2025-11-01', rates: OPUS_5_RATES, webSearchPer1k: WEB_SEARCH, source: PRICE_2026_09 }],
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
    'claude-sonnet-5-5',
    'Claude Sonnet 5.5',
    [],
    [
      {
        effectiveFrom: '2026-09-28',
        rates: rates('2', '10', '2.50', '4', '0.20'),
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: `${PRICE_2026_09} (launch price)`,
      },
      // Cache reads cut to 0.05x with the Haiku 5.5 launch; copies before ~2026-10-08 show $0.20.
      {
        effectiveFrom: '2026-10-08',
        rates: rates('2', '10', '2.50', '4', '0.10'),
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_10,
      },
    ],
  ),
  claude(
    'claude-sonnet-5',
    'Claude Sonnet 5',
    [],
    [
      {
        effectiveFrom: '2026-06-30',
        rates: rates('2', '10', '2.50', '4', '0.20'),
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: `${PRICE_2026_09}: the scheduled rise to $3/$15 "will not occur"`,
      },
    ],
  ),
  claude(
    'claude-sonnet-4-6',
    'Claude Sonnet 4.6',
    [],
    [
      {
        effectiveFrom: '2026-02-17',
        rates: SONNET_3_RATES,
        longContext: SONNET_4_LONG,
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: `${PRICE_2026_02}; >200k tier from ${GENAI_PRICES}`,
      },
      {
        effectiveFrom: '2026-03-13',
        rates: SONNET_3_RATES,
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: `${PRICE_2026_09}: 1M context at standard price`,
      },
    ],
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
    'claude-haiku-5-5',
    'Claude Haiku 5.5',
    [],
    [
      {
        effectiveFrom: '2026-10-07',
        rates: rates('0.10', '0.50', '0.125', '0.20', '0.01'),
        batch: { input: '0.05', output: '0.25' },
        // Whole request at the higher rate when the prompt (all input kinds) is over 100,000 tokens.
        longContext: {
          thresholdTokens: 100_000,
          contextWindowTokens: 1_000_000,
          rates: rates('0.50', '2.50', '0.625', '1', '0.05'),
        },
        usInferenceMultiplier: US,
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_10,
      },
    ],
  ),
  claude(
    'claude-haiku-4-5',
    'Claude Haiku 4.5',
    ['claude-haiku-4-5-20251001'],
    [
      {
        effectiveFrom: '2025-10-01',
        rates: rates('1', '5', '1.25', '2', '0.10'),
        webSearchPer1k: WEB_SEARCH,
        source: PRICE_2026_09,
      },
    ],
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
    [{ effectiveFrom: '2024-06-20', rates: SONNET_3_RATES, source: THIRD_PARTY_35_SONNET }],
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
