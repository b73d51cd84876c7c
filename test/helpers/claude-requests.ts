import type { StoredRequest } from '../../app/sources/claude-code/entry-store.ts';

/** The message id of a stored request (its dedup key is message id + ":" + request id). */
export function messageIdOf(request: StoredRequest): string | undefined {
  return request.key?.split(':')[0];
}
