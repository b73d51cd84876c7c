/**
 * How one Claude Code request is laid out in the typed columns that parsed batches, the entry
 * store and its saved state share: the flag bits, the id words and the token slots (the last
 * from the engine's token-slots.ts, which the cost aggregator reads too).
 */
import { SLOT_OUTPUT, totalTokensAt, TOKEN_SLOTS } from '../../engine/token-slots.ts';

export { TOKEN_SLOTS };

/** Flag bits of a request. */
export const SIDECHAIN = 1;
export const FAST = 2;
/** The line had a message id, so it is deduplicated by message id + request id. */
export const HAS_KEY = 4;
/** In the store only: this candidate is its request's winner. */
export const ALIVE = 8;
/** In the store only: a slot freed by a removed file, to be reused. */
export const FREE = 16;

/** Id words per request: the 64-bit hash of the message id (2 words), then of the request id (2). */
export const ID_WORDS = 4;
/** The message id alone: the first two words. */
export const MESSAGE_ID_WORDS = 2;

/** Where request `index`'s token slots and id words start in their columns. */
export const tokensAt = (index: number): number => index * TOKEN_SLOTS;
export const idsAt = (index: number): number => index * ID_WORDS;

/** What the dedup rule compares: see beats() in parsed-batch.ts. */
export interface Candidate {
  readonly sidechain: boolean;
  readonly total: number;
  readonly fast: boolean;
}

export function candidateAt(tokens: Float64Array, index: number, flags: number): Candidate {
  return { sidechain: (flags & SIDECHAIN) !== 0, total: totalTokensAt(tokens, tokensAt(index)), fast: (flags & FAST) !== 0 };
}

/** The output tokens of request `index` (with the prompt, what a context window must hold). */
export const outputAt = (tokens: Float64Array, index: number): number => tokens[tokensAt(index) + SLOT_OUTPUT]!;
