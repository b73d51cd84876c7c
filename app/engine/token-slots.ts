/**
 * The column layout of token sums, in one place: six numbers per record, always in this order,
 * wherever usage is kept in typed arrays (the Claude Code store and its saved state, the parsed
 * batches crossing worker threads, the cost aggregator's per-slot sums). Per-hour sums of one
 * model are split into four cells by speed and context window.
 */
import type { TokenCounts } from './usage-row.ts';

export const SLOT_INPUT = 0;
export const SLOT_OUTPUT = 1;
export const SLOT_WRITE_5M = 2;
export const SLOT_WRITE_1H = 3;
export const SLOT_READ = 4;
export const SLOT_WEB_SEARCH = 5;
/** Numbers per record. */
export const TOKEN_SLOTS = 6;

export type Slots = { [index: number]: number };

/** Writes a record's six numbers at out[at…]. */
export function writeSlots(counts: TokenCounts, out: Slots, at: number): void {
  out[at + SLOT_INPUT] = counts.inputTokens;
  out[at + SLOT_OUTPUT] = counts.outputTokens;
  out[at + SLOT_WRITE_5M] = counts.cacheWrite5mTokens;
  out[at + SLOT_WRITE_1H] = counts.cacheWrite1hTokens;
  out[at + SLOT_READ] = counts.cacheReadTokens;
  out[at + SLOT_WEB_SEARCH] = counts.webSearchRequests;
}

/** Adds a record's six numbers to out[at…]. */
export function addSlots(counts: TokenCounts, out: Slots, at: number): void {
  out[at + SLOT_INPUT]! += counts.inputTokens;
  out[at + SLOT_OUTPUT]! += counts.outputTokens;
  out[at + SLOT_WRITE_5M]! += counts.cacheWrite5mTokens;
  out[at + SLOT_WRITE_1H]! += counts.cacheWrite1hTokens;
  out[at + SLOT_READ]! += counts.cacheReadTokens;
  out[at + SLOT_WEB_SEARCH]! += counts.webSearchRequests;
}

export function countsAt(slots: Slots, at: number): TokenCounts {
  return {
    inputTokens: slots[at + SLOT_INPUT]!,
    outputTokens: slots[at + SLOT_OUTPUT]!,
    cacheWrite5mTokens: slots[at + SLOT_WRITE_5M]!,
    cacheWrite1hTokens: slots[at + SLOT_WRITE_1H]!,
    cacheReadTokens: slots[at + SLOT_READ]!,
    webSearchRequests: slots[at + SLOT_WEB_SEARCH]!,
  };
}

/** The prompt: uncached input and every cache write and read (what long-context rules look at). */
export function promptAt(slots: Slots, at: number): number {
  return slots[at + SLOT_INPUT]! + slots[at + SLOT_WRITE_5M]! + slots[at + SLOT_WRITE_1H]! + slots[at + SLOT_READ]!;
}

/** Every token, prompt and output (web searches are requests, not tokens). */
export function totalTokensAt(slots: Slots, at: number): number {
  return promptAt(slots, at) + slots[at + SLOT_OUTPUT]!;
}

/** Per model and hour: standard or fast speed × within or above the long-context threshold. */
export const CELLS_PER_MODEL = 4;
const FAST_CELL = 2;
const LONG_CELL = 1;

/** Which of a model's four cells a request falls in. */
export function cellOf(fast: boolean, long: boolean): number {
  return (fast ? FAST_CELL : 0) + (long ? LONG_CELL : 0);
}

export const cellIsFast = (cell: number): boolean => (cell & FAST_CELL) !== 0;
export const cellIsLong = (cell: number): boolean => (cell & LONG_CELL) !== 0;
