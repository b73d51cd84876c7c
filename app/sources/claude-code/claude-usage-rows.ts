/** Claude Code entries as engine usage rows: one request each, so long context is judged per request. */
import type { UsageRow } from '../../engine/usage-row.ts';
import type { ClaudeEntry } from './claude-line.ts';

export function claudeUsageRow(entry: ClaudeEntry): UsageRow {
  return {
    start: entry.timestamp,
    source: 'claude-code',
    model: entry.model,
    speed: entry.speed,
    inputTokens: entry.inputTokens,
    outputTokens: entry.outputTokens,
    cacheWrite5mTokens: entry.cacheWrite5mTokens,
    cacheWrite1hTokens: entry.cacheWrite1hTokens,
    cacheReadTokens: entry.cacheReadTokens,
    webSearchRequests: entry.webSearchRequests,
  };
}
