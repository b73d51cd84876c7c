/**
 * Claude prices, USD per million tokens, re-verified 2026-11-30 against Anthropic's own pages
 * (stored copies up to mid-November 2026). Every version's source names the page's URL and the
 * date of the copy read ("copy of YYYY-MM[-DD]"); catalog-export.ts reads both out of it.
 *
 * Known and deliberately unpriced (no published per-token price; usage stays "unpriced"):
 * - claude-mythos-preview: invitation-only research preview; Anthropic publishes no price, only that
 *   Fable 5 / Mythos 5 cost "less than half" of it.
 * - Priority Tier, priority_on_demand, flex, flex_discount: contract prices, no public rate
 *   (platform.claude.com/docs/en/api/service-tiers, copy of 2026-11: commitments "no longer
 *   available for purchase").
 */
import type { ModelEntry, PriceVersion, RateCard } from './catalog-types.ts';

/** A page and the date of the stored copy read, in the form catalog-export.ts parses. */
const page = (url: string, copy: string, note?: string): string => `${url} (copy of ${copy})${note ? `: ${note}` : ''}`;

const PRICING = 'https://platform.claude.com/docs/en/about-claude/pricing';
const PRICING_ZH = 'https://platform.claude.com/docs/zh-CN/about-claude/pricing';
const FAST_MODE = 'https://platform.claude.com/docs/en/build-with-claude/fast-mode';
const CODE_FAST_MODE = 'https://code.claude.com/docs/en/fast-mode';
const PRICE_2026_09 = page(PRICING, '2026-09');
const PRICE_2026_10 = page(PRICING, '2026-10-10');
const PRICE_2026_02 = page(PRICING_ZH, '2026-02', 'Opus 4.6 era');

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

/** A 4.6-or-later version: US-only inference at 1.1x and web search at $10 per 1,000. */
function modern(effectiveFrom: string, card: RateCard, source: string, extra: Partial<PriceVersion> = {}): PriceVersion {
  return { effectiveFrom, rates: card, usInferenceMultiplier: US, webSearchPer1k: WEB_SEARCH, source, ...extra };
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
// $8/$40, writes at 1.25x/2x, reads at the Fable 0.025x; fast mode is 2x on every token kind.
const FABLE_52_RATES = rates('8', '40', '10', '16', '0.20');
const FABLE_52 = {
  fast: { input: '16', output: '80' },
  source: page(
    PRICING,
    '2026-11-12',
    'Fable 5.2 row as quoted on 2026-11-10..11-12 (docs.laozhang.ai, qiita.com/kai_kou, archid21/rightsize v0.10.2); ' +
      'fast mode 2x on all token kinds per the Google Cloud Fable 5.2 model page; released 2026-11-09',
  ),
};
// The Opus 4.7 / 4.6 fast rate, "6x standard"; above 200k input (Opus 4.6 before 2026-03-13) the
// engine applies the same factor to the long-context rates, giving the page's $60 / $225.
const OPUS_46_FAST = { input: '30', output: '150' };
const OPUS_48_FAST = { input: '10', output: '50' };

const FABLE_AND_MYTHOS: ModelEntry[] = [
  claude(
    'claude-fable-5-2',
    'Claude Fable 5.2',
    [],
    [modern('2026-11-09', FABLE_52_RATES, FABLE_52.source, { fast: FABLE_52.fast })],
  ),
  claude(
    'claude-mythos-5-2',
    'Claude Mythos 5.2',
    [],
    [
      modern('2026-11-09', FABLE_52_RATES, `${FABLE_52.source}; Mythos shares its Fable's specifications and pricing`, {
        fast: FABLE_52.fast,
      }),
    ],
  ),
  claude('claude-fable-5-1', 'Claude Fable 5.1', [], [modern('2026-09-01', FABLE_51_RATES, PRICE_2026_09)]),
  claude('claude-mythos-5-1', 'Claude Mythos 5.1', [], [modern('2026-09-01', FABLE_51_RATES, PRICE_2026_09)]),
  claude('claude-fable-5', 'Claude Fable 5', [], [modern('2026-06-09', FABLE_RATES, PRICE_2026_09)]),
  claude('claude-mythos-5', 'Claude Mythos 5', [], [modern('2026-06-09', FABLE_RATES, PRICE_2026_09)]),
];

const OPUS: ModelEntry[] = [
  claude(
    'claude-opus-5-5',
    'Claude Opus 5.5',
    [],
    [modern('2026-09-22', rates('4', '20', '5', '8', '0.20'), PRICE_2026_10, { fast: { input: '8', output: '40' } })],
  ),
  claude('claude-opus-5', 'Claude Opus 5', [], [modern('2026-07-24', OPUS_5_RATES, PRICE_2026_09, { fast: OPUS_48_FAST })]),
  claude(
    'claude-opus-4-8',
    'Claude Opus 4.8',
    [],
    [
      modern('2026-05-28', OPUS_5_RATES, PRICE_2026_09, { fast: OPUS_48_FAST }),
      // Fast mode "deprecated on October 30, 2026, and will be removed on November 30, 2026".
      modern('2026-11-30', OPUS_5_RATES, page(CODE_FAST_MODE, '2026-11', 'Opus 4.8 fast mode removed 2026-11-30')),
    ],
  ),
  claude(
    'claude-opus-4-7',
    'Claude Opus 4.7',
    ['claude-opus-4-7-20260416'],
    [
      modern(
        '2026-04-16',
        OPUS_5_RATES,
        `${PRICE_2026_09}; fast $30/$150 from ${page(CODE_FAST_MODE, '2026-06', 'fast mode pricing $30/$150 on Opus 4.7 and 4.6')}`,
        { fast: OPUS_46_FAST },
      ),
      // "Fast mode for Opus 4.7 was deprecated on June 25, 2026, and removed on July 24, 2026."
      modern('2026-07-24', OPUS_5_RATES, page(CODE_FAST_MODE, '2026-11', 'Opus 4.7 fast mode removed 2026-07-24')),
    ],
  ),
  claude(
    'claude-opus-4-6',
    'Claude Opus 4.6',
    ['claude-opus-4-6-20260205'],
    [
      modern(
        '2026-02-05',
        OPUS_5_RATES,
        `${PRICE_2026_02}; fast $30/$150 (≤200k) and $60/$225 (>200k) from ${page(FAST_MODE, '2026-02')}`,
        {
          longContext: {
            thresholdTokens: 200_000,
            contextWindowTokens: 1_000_000,
            rates: rates('10', '37.50', '12.50', '20', '1'),
          },
          fast: OPUS_46_FAST,
        },
      ),
      modern('2026-03-13', OPUS_5_RATES, page(PRICING, '2026-09', '1M context at the standard price from 2026-03-13'), {
        fast: OPUS_46_FAST,
      }),
      // Fast requests "run at standard speed and are billed at standard rates" after removal, which
      // the fast-mode page dates 2026-06-29 (quoted in NousResearch/hermes-agent#82348, 2026-08-09).
      modern('2026-06-29', OPUS_5_RATES, page(FAST_MODE, '2026-08-09', 'Opus 4.6 lost fast mode on 2026-06-29')),
    ],
  ),
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
];

const SONNET_AND_HAIKU: ModelEntry[] = [
  claude(
    'claude-sonnet-5-5',
    'Claude Sonnet 5.5',
    [],
    [
      modern('2026-09-28', rates('2', '10', '2.50', '4', '0.20'), `${PRICE_2026_09} (launch price)`),
      // Cache reads cut to 0.05x "with" the Haiku 5.5 launch, which its overview dates October 7, 2026.
      modern(
        '2026-10-07',
        rates('2', '10', '2.50', '4', '0.10'),
        `${PRICE_2026_10}; cut dated by ${page('https://platform.claude.com/docs/en/models/haiku-5-5/overview', '2026-10', 'released October 7, 2026')}`,
      ),
    ],
  ),
  claude(
    'claude-sonnet-5',
    'Claude Sonnet 5',
    [],
    [
      modern(
        '2026-06-30',
        rates('2', '10', '2.50', '4', '0.20'),
        `${PRICE_2026_09}: the scheduled rise to $3/$15 "will not occur"`,
      ),
    ],
  ),
  claude(
    'claude-sonnet-4-6',
    'Claude Sonnet 4.6',
    [],
    [
      modern('2026-02-17', SONNET_3_RATES, `${PRICE_2026_02}; >200k tier as in pydantic/genai-prices @47df840a`, {
        longContext: SONNET_4_LONG,
      }),
      modern('2026-03-13', SONNET_3_RATES, `${PRICE_2026_09}: 1M context at standard price`),
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
      modern(
        '2026-10-07',
        rates('0.10', '0.50', '0.125', '0.20', '0.01'),
        // Above 100k the batch rates ($0.25 / $1.25) follow from the documented 50 % discount, which
        // "stacks with other pricing modifiers"; no page prints that row.
        `${PRICE_2026_10}; ${page('https://platform.claude.com/docs/en/models/haiku-5-5/overview', '2026-10', 'released October 7, 2026')}`,
        {
          batch: { input: '0.05', output: '0.25' },
          // Whole request at the higher rate when the prompt (all input kinds) is over 100,000 tokens.
          longContext: {
            thresholdTokens: 100_000,
            contextWindowTokens: 1_000_000,
            rates: rates('0.50', '2.50', '0.625', '1', '0.05'),
          },
        },
      ),
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
];

const CLAUDE_3: ModelEntry[] = [
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

export const ANTHROPIC_MODELS: readonly ModelEntry[] = [...FABLE_AND_MYTHOS, ...OPUS, ...SONNET_AND_HAIKU, ...CLAUDE_3];
