import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../app/engine/catalog/catalog.ts';

const catalog = buildCatalog();

describe('model ids resolve to one model', () => {
  it.each([
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-sonnet-4-0', 'claude-sonnet-4'],
    ['claude-sonnet-4', 'claude-sonnet-4'],
    ['claude-4-sonnet-20250514', 'claude-sonnet-4'],
    ['claude-opus-4-5-20251101', 'claude-opus-4-5'],
    ['claude-opus-4-5', 'claude-opus-4-5'],
    ['claude-opus-4-0', 'claude-opus-4'],
    ['claude-opus-4-1', 'claude-opus-4-1'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5'],
    ['claude-3-7-sonnet-latest', 'claude-3-7-sonnet'],
    ['claude-3-5-haiku-20241022', 'claude-3-5-haiku'],
    ['claude-3-opus-latest', 'claude-3-opus'],
    ['claude-opus-4-7-20260416', 'claude-opus-4-7'],
    ['Claude-Opus-5', 'claude-opus-5'],
    ['anthropic/claude-sonnet-5-5', 'claude-sonnet-5-5'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-4o-2024-11-20', 'gpt-4o'],
    ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13'],
    ['gpt-5-mini-2025-08-07', 'gpt-5-mini'],
    ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini'],
    ['o3-2025-04-16', 'o3'],
    ['openai/gpt-5.6-sol', 'gpt-5.6'],
    ['gpt-4-0613', 'gpt-4'],
    ['gpt-4-turbo-preview', 'gpt-4-turbo'],
    ['gpt-4-1106-preview', 'gpt-4-turbo'],
    ['gpt-5.5-2026-04-23', 'gpt-5.5'],
    ['gpt-5.5-pro-2026-04-23', 'gpt-5.5-pro'],
    ['o3-deep-research-2025-06-26', 'o3-deep-research'],
    ['gpt-6.1-terra', 'gpt-6.1-terra'],
    ['GPT-6.2-Sol', 'gpt-6.2-sol'],
  ])('%s → %s', (reported, canonical) => {
    expect(catalog.resolve(reported)?.id).toBe(canonical);
  });

  it.each([
    'claude-fable-5-3',
    'claude-mythos-5-3',
    'claude-opus-6',
    'gpt-7',
    '<synthetic>',
    '',
    'claude-sonnet-4-5-extra',
    // Billed by OpenAI but with no published price: unpriced, never guessed from a sibling.
    'gpt-6-astra-pro',
    'chat-latest',
    'gpt-6.3-sol',
  ])('does not guess a price for %j', (unknown) => {
    expect(catalog.resolve(unknown)).toBeUndefined();
  });
});
