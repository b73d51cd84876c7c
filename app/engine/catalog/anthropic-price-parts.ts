/** The pieces every Claude price is built from: page citations, rate cards, and entry helpers. */
import type { ModelEntry, PriceVersion, RateCard } from './catalog-types.ts';

/** A page and the date of the stored copy read, in the form catalog-export.ts parses. */
export const page = (url: string, copy: string, note?: string): string => `${url} (copy of ${copy})${note ? `: ${note}` : ''}`;

export const PRICING = 'https://platform.claude.com/docs/en/about-claude/pricing';
export const PRICING_ZH = 'https://platform.claude.com/docs/zh-CN/about-claude/pricing';
export const FAST_MODE = 'https://platform.claude.com/docs/en/build-with-claude/fast-mode';
export const CODE_FAST_MODE = 'https://code.claude.com/docs/en/fast-mode';
export const PRICE_2026_09 = page(PRICING, '2026-09');
export const PRICE_2026_10 = page(PRICING, '2026-10-10');
export const PRICE_2026_02 = page(PRICING_ZH, '2026-02', 'Opus 4.6 era');

/** Input, output, 5-minute write, 1-hour write, cache read. */
export function rates(input: string, output: string, cacheWrite5m: string, cacheWrite1h: string, cacheRead: string): RateCard {
  return { input, output, cacheWrite5m, cacheWrite1h, cacheRead };
}

export const WEB_SEARCH = '10';
export const US = '1.1';

export function claude(
  id: string,
  displayName: string,
  aliases: string[],
  versions: PriceVersion[],
  status: ModelEntry['status'] = 'active',
): ModelEntry {
  return { id, provider: 'anthropic', displayName, aliases, versions, status };
}

/** A 4.6-or-later version: US-only inference at 1.1x and web search at $10 per 1,000. */
export function modern(effectiveFrom: string, card: RateCard, source: string, extra: Partial<PriceVersion> = {}): PriceVersion {
  return { effectiveFrom, rates: card, usInferenceMultiplier: US, webSearchPer1k: WEB_SEARCH, source, ...extra };
}

export const OPUS_5_RATES = rates('5', '25', '6.25', '10', '0.50');
export const OPUS_4_RATES = rates('15', '75', '18.75', '30', '1.50');
export const SONNET_3_RATES = rates('3', '15', '3.75', '6', '0.30');
export const SONNET_4_LONG = {
  thresholdTokens: 200_000,
  contextWindowTokens: 1_000_000,
  rates: rates('6', '22.50', '7.50', '12', '0.60'),
};
