/** Where each OpenAI price was read, and the builders the OpenAI catalog files share. */
import type { ModelEntry } from './catalog-types.ts';
import { openAiVersion, type OpenAiSpec } from './openai-price-rules.ts';

/** OpenAI's own model page for an id, as stored (copies read on 2026-11-30). */
export const page = (id: string, copy: string): string =>
  `https://developers.openai.com/api/docs/models/${id} (stored copy ${copy}; read 2026-11-30)`;
export const PRIORITY = 'https://openai.com/api-priority-processing (stored copy listing GPT-5.5; read 2026-11-30)';
export const LITELLM =
  'LiteLLM model_prices_and_context_window.json @RoCry/llm-api-price 8442b93 (2026-07-24), matching OpenAI pricing-page figures';
export const WITH_PRIORITY = `${LITELLM}; priority from ${PRIORITY}`;
export const FLEX_RULE =
  'flex "at Batch API rates" (https://developers.openai.com/api/docs/guides/flex-processing, stored copy read 2026-11-30)';
export const O3_LAUNCH =
  'https://platform.openai.com/docs/models/o3 at launch ($10 / $2.50 cached / $40), as copied in RooCodeInc/Roo-Code PR #2691 (2025-04-17)';
export const LEGACY = `${LITELLM}; OpenAI pricing page "Other models" table`;

export function gpt(id: string, displayName: string, aliases: string[], ...specs: OpenAiSpec[]): ModelEntry {
  return { id, provider: 'openai', displayName, aliases, versions: specs.map(openAiVersion), status: 'active' };
}

export function half(value: string): string {
  return String(Number(value) / 2);
}

/** Flex is billed "at Batch API rates": half of input, cached input and output. */
export const flexOf = (input: string, cached: string, output: string): [string, string, string] => [
  half(input),
  half(cached),
  half(output),
];

/** A model with plain input/output prices and the documented 50 % batch discount. */
export const old = (from: string, input: string, output: string, extra: Partial<OpenAiSpec> = {}): OpenAiSpec => ({
  from,
  input,
  output,
  batch: [half(input), half(output)],
  source: LEGACY,
  ...extra,
});
