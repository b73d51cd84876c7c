/** Builders for usage rows, so each test states only what matters to it. */
import type { UsageRow } from '../../app/engine/usage-row.ts';

export function usageRow(overrides: Partial<UsageRow> & Pick<UsageRow, 'model'>): UsageRow {
  return {
    start: '2026-11-01T00:00:00Z',
    source: 'anthropic',
    inputTokens: 0,
    outputTokens: 0,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    cacheReadTokens: 0,
    webSearchRequests: 0,
    ...overrides,
  };
}
