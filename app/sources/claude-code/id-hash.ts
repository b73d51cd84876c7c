/**
 * Message and request ids as 64-bit hashes: two 32-bit words each (the two lanes of cyrb53, kept
 * whole). A request is stored as its two hashes — 16 bytes in a typed array — instead of a key
 * string and a map entry, which cost about 150 bytes of heap each. Two different requests would
 * be merged only if both their 64-bit hashes collided: about 1 in 10^27 for a million requests.
 */

/** Writes the hash of `id` (its UTF-16 code units) into out[at] and out[at + 1]. */
export function hashId(id: string, out: Uint32Array, at: number): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[at] = h1 >>> 0;
  out[at + 1] = h2 >>> 0;
}

/** The hash as 16 hex digits, for diagnostics and tests. */
export function idHashHex(id: string): string {
  const words = new Uint32Array(2);
  hashId(id, words, 0);
  return hexOf(words, 0);
}

export function hexOf(words: Uint32Array, at: number): string {
  return words[at]!.toString(16).padStart(8, '0') + words[at + 1]!.toString(16).padStart(8, '0');
}
