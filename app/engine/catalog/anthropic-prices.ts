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
import type { ModelEntry } from './catalog-types.ts';
import { ANTHROPIC_LEGACY_MODELS } from './anthropic-prices-legacy.ts';
import {
  claude,
  CODE_FAST_MODE,
  FAST_MODE,
  modern,
  OPUS_5_RATES,
  page,
  PRICE_2026_02,
  PRICE_2026_09,
  PRICE_2026_10,
  PRICING,
  rates,
  SONNET_3_RATES,
  SONNET_4_LONG,
  WEB_SEARCH,
} from './anthropic-price-parts.ts';

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

export const ANTHROPIC_MODELS: readonly ModelEntry[] = [
  ...FABLE_AND_MYTHOS,
  ...OPUS,
  ...SONNET_AND_HAIKU,
  ...ANTHROPIC_LEGACY_MODELS,
];
