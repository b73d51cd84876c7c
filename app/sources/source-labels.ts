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
  // A redirecting base URL is a setting to fix; a full disk or read-only home is fixed outside the app.
  if (state === 'misconfigured') return 'open-settings';
  if (['rate-limited', 'provider-down', 'offline', 'timeout', 'bad-response', 'local-failure', 'stale'].includes(state))
    return 'retry';
  return undefined;
}
