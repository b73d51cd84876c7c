import type { StoredRequest } from '../../app/sources/claude-code/entry-store.ts';
import { idHashHex } from '../../app/sources/claude-code/id-hash.ts';

/** Message ids the tests wrote, by their hash: the store keeps only hashes (see id-hash.ts). */
const idsByHash = new Map<string, string>();

export function rememberMessageId(id: string): void {
  idsByHash.set(idHashHex(id), id);
}

/** The message id of a stored request, if a test line wrote it. */
export function messageIdOf(request: StoredRequest): string | undefined {
  return request.messageHash === undefined ? undefined : idsByHash.get(request.messageHash);
}
