/** What the user can do about each state of a source, for the popover's one-click fix. */
import type { SourceView } from '../engine/view-types.ts';
import type { SourceDefinition } from './source-definition.ts';

export function fixFor(definition: SourceDefinition, state: string): SourceView['fix'] {
  if (state === 'key-rejected') return 'update-key';
  if (state === 'not-configured') return definition.credential.kind === 'none' ? undefined : 'add-key';
  // A redirecting base URL is a setting to fix; a full disk or read-only home is fixed outside the app.
  if (state === 'misconfigured') return 'open-settings';
  if (['rate-limited', 'provider-down', 'offline', 'timeout', 'bad-response', 'local-failure', 'stale'].includes(state))
    return 'retry';
  return undefined;
}
