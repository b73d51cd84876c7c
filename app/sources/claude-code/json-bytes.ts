/**
 * A validating walk over JSON in raw bytes that builds nothing: it returns where a value ends, or
 * FAIL when the bytes are not JSON. JSON.parse of a whole transcript line builds every object of
 * the message text only to throw it away; walking past them is several times cheaper. The
 * grammar is RFC 8259's, byte for byte, so anything these functions accept JSON.parse accepts.
 */

/** Not valid JSON at this point. */
export const FAIL = -1;
/** Nested deeper than the walk follows; the caller hands the line to JSON.parse instead. */
export const TOO_DEEP = -2;

const MAX_DEPTH = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True after skipString if the string held an escape (its text then needs JSON.parse to decode). */
export let sawEscape = false;

export function skipWhitespace(b: Uint8Array, i: number, end: number): number {
  if (i < end && b[i]! > 0x20) return i; // the common case: JSON.stringify writes no whitespace
  while (i < end) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/** 1 for the bytes that end a run of plain string content: quote, backslash, control characters. */
const STRING_STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) STRING_STOP[c] = 1;
STRING_STOP[QUOTE] = 1;
STRING_STOP[BACKSLASH] = 1;

/** From the opening quote to just after the closing one. */
export function skipString(b: Uint8Array, i: number, end: number): number {
  sawEscape = false;
  i++;
  for (;;) {
    // One table lookup per byte of plain text, which is most of a transcript line.
    while (i < end && STRING_STOP[b[i]!] === 0) i++;
    if (i >= end) return FAIL;
    const c = b[i]!;
    if (c === QUOTE) return i + 1;
    if (c !== BACKSLASH) return FAIL; // raw control characters are not allowed inside strings
    sawEscape = true;
    const e = b[i + 1];
    if (e === 0x75) {
      if (i + 5 >= end || !isHex(b[i + 2]!) || !isHex(b[i + 3]!) || !isHex(b[i + 4]!) || !isHex(b[i + 5]!)) return FAIL;
      i += 6;
    } else if (
      e === QUOTE ||
      e === BACKSLASH ||
      e === 0x2f ||
      e === 0x62 ||
      e === 0x66 ||
      e === 0x6e ||
      e === 0x72 ||
      e === 0x74
    ) {
      i += 2;
    } else {
      return FAIL;
    }
  }
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;

export function skipNumber(b: Uint8Array, i: number, end: number): number {
  if (b[i] === 0x2d) i++;
  if (i >= end) return FAIL;
  if (b[i] === 0x30) i++;
  else if (isDigit(b[i])) while (i < end && isDigit(b[i])) i++;
  else return FAIL;
  if (i < end && b[i] === 0x2e) {
    i++;
    if (!(i < end && isDigit(b[i]))) return FAIL;
    while (i < end && isDigit(b[i])) i++;
  }
  if (i < end && (b[i] === 0x65 || b[i] === 0x45)) {
    i++;
    if (i < end && (b[i] === 0x2b || b[i] === 0x2d)) i++;
    if (!(i < end && isDigit(b[i]))) return FAIL;
    while (i < end && isDigit(b[i])) i++;
  }
  return i;
}

function skipWord(b: Uint8Array, i: number, end: number, word: readonly number[]): number {
  if (i + word.length > end) return FAIL;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word[k]) return FAIL;
  return i + word.length;
}

const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];

/** Any JSON value starting at i (no leading whitespace). */
export function skipValue(b: Uint8Array, i: number, end: number, depth = 0): number {
  if (i >= end) return FAIL; // never read past the range: the buffer goes on with the next line
  const c = b[i];
  if (c === QUOTE) return skipString(b, i, end);
  if (c === 0x7b) return skipContainer(b, i, end, depth, true);
  if (c === 0x5b) return skipContainer(b, i, end, depth, false);
  if (c === 0x74) return skipWord(b, i, end, TRUE);
  if (c === 0x66) return skipWord(b, i, end, FALSE);
  if (c === 0x6e) return skipWord(b, i, end, NULL);
  if (c === 0x2d || isDigit(c)) return skipNumber(b, i, end);
  return FAIL;
}

function skipContainer(b: Uint8Array, i: number, end: number, depth: number, isObject: boolean): number {
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  const close = isObject ? 0x7d : 0x5d;
  i = skipWhitespace(b, i + 1, end);
  if (i >= end) return FAIL;
  if (b[i] === close) return i + 1;
  for (;;) {
    if (isObject) {
      if (b[i] !== QUOTE) return FAIL;
      i = skipString(b, i, end);
      if (i < 0) return i;
      i = skipWhitespace(b, i, end);
      if (i >= end || b[i] !== 0x3a) return FAIL;
      i = skipWhitespace(b, i + 1, end);
    }
    i = skipValue(b, i, end, depth + 1);
    if (i < 0) return i;
    i = skipWhitespace(b, i, end);
    if (i >= end) return FAIL;
    const c = b[i];
    if (c === close) return i + 1;
    if (c !== 0x2c) return FAIL;
    i = skipWhitespace(b, i + 1, end);
  }
}
