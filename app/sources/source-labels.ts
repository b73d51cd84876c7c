/** How each source is named and what the user can do about each state. */
import type { SourceKey, SourceView } from '../engine/view-types.ts';

export const SOURCE_LABELS: Record<SourceKey, string> = {
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  'claude-code': 'Claude Code (local logs)',
};

export function fixFor(id: SourceKey, state: string): SourceView['fix'] {
  if (state === 'key-rejected') return 'update-key';
  if (state === 'not-configured') return id === 'claude-code' ? undefined : 'add-key';
  if (['rate-limited', 'provider-down', 'offline', 'timeout', 'bad-response', 'stale'].includes(state)) return 'retry';
  return undefined;
}
