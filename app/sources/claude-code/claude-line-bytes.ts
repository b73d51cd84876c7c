/**
 * A Claude Code transcript line read straight from its bytes: the JSON is walked and validated,
 * and only the fields that matter become values (see json-bytes.ts for why). The verdict is the
 * one parseClaudeLine gives for the same line; anything unusual — invalid JSON, escaped keys,
 * deep nesting, a line that is not an object — returns undefined and goes to parseClaudeLine.
 *
 * Written for speed, since it runs once per usage line of gigabytes of logs: the fields live in
 * module variables, keys are matched by length first, and one walk function serves every level.
 */
import { entryFrom, nullMeansSkip, type LineResult } from './claude-line.ts';
import { FAIL, sawEscape, skipString, skipValue, skipWhitespace } from './json-bytes.ts';

// Where a member sits decides what it means: "id" counts only inside the message, and so on.
const LINE = 0;
const MESSAGE = 1;
const USAGE = 2;
const CACHE_CREATION = 3;
const SERVER_TOOL_USE = 4;

// Known keys, numbered; 0 is any other key.
const KEYS = [
  '',
  'timestamp',
  'version',
  'isSidechain',
  'requestId',
  'message',
  'cwd',
  'sessionId',
  'isApiErrorMessage',
  'costUSD',
  'id',
  'model',
  'usage',
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_read_input_tokens',
  'cache_creation',
  'ephemeral_5m_input_tokens',
  'ephemeral_1h_input_tokens',
  'server_tool_use',
  'web_search_requests',
  'speed',
] as const;
type KeyName = (typeof KEYS)[number];
const id = (key: KeyName) => KEYS.indexOf(key);
const TIMESTAMP = id('timestamp');
const VERSION = id('version');
const IS_SIDECHAIN = id('isSidechain');
const REQUEST_ID = id('requestId');
const MESSAGE_KEY = id('message');
const ID = id('id');
const MODEL = id('model');
const USAGE_KEY = id('usage');
const INPUT = id('input_tokens');
const OUTPUT = id('output_tokens');
const CACHE_CREATION_INPUT = id('cache_creation_input_tokens');
const CACHE_READ = id('cache_read_input_tokens');
const CACHE_CREATION_KEY = id('cache_creation');
const EPHEMERAL_5M = id('ephemeral_5m_input_tokens');
const EPHEMERAL_1H = id('ephemeral_1h_input_tokens');
const SERVER_TOOL_USE_KEY = id('server_tool_use');
const WEB_SEARCH = id('web_search_requests');
const SPEED = id('speed');
/** Top-level fields whose null makes the line unusable, by key number. */
const NULL_SKIP_IDS = nullMeansSkip.map((f) => id(f as KeyName));

/**
 * Known keys by length and first letter, so most unknown keys are ruled out by one lookup. Keys
 * that share a slot are chained: SLOT_FIRST gives the first key number, NEXT_IN_SLOT the next.
 */
const MAX_KEY = 64;
const slotOf = (length: number, first: number) => length * 256 + first;
const SLOT_FIRST = new Uint8Array(MAX_KEY * 256);
const NEXT_IN_SLOT = new Uint8Array(KEYS.length);
KEYS.forEach((key, n) => {
  if (n === 0) return;
  const slot = slotOf(key.length, key.charCodeAt(0));
  NEXT_IN_SLOT[n] = SLOT_FIRST[slot]!;
  SLOT_FIRST[slot] = n;
});
const KEY_BYTES = KEYS.map((key) => Uint8Array.from(key, (c) => c.charCodeAt(0)));

/** The number of the key string spanning [start, stop) with its quotes, 0 when unknown. */
function keyId(b: Uint8Array, start: number, stop: number): number {
  const length = stop - start - 2;
  if (length <= 0 || length >= MAX_KEY) return 0;
  next: for (let n = SLOT_FIRST[slotOf(length, b[start + 1]!)]!; n !== 0; n = NEXT_IN_SLOT[n]!) {
    const bytes = KEY_BYTES[n]!;
    for (let k = 1; k < length; k++) if (b[start + 1 + k] !== bytes[k]) continue next;
    return n;
  }
  return 0;
}

/** Stands for a value of a type no rule accepts (an array, a bool where a count belongs, …). */
const OTHER: unknown = Object.freeze([]);

// The fields of the line being read, reset for each line. Absent and undefined mean the same to entryFrom.
let timestamp: unknown;
let version: unknown;
let isSidechain: unknown;
let requestId: unknown;
/** One bit per NULL_SKIP_IDS key whose (last) value is null. */
let nullFields = 0;
let messageIsObject = false;
let messageId: unknown;
let model: unknown;
let usageIsObject = false;
let inputTokens: unknown;
let outputTokens: unknown;
let cacheCreationInputTokens: unknown;
let cacheReadInputTokens: unknown;
let speed: unknown;
let cacheCreationIsObject = false;
let ephemeral5m: unknown;
let ephemeral1h: unknown;
let serverToolUseIsObject = false;
let webSearchRequests: unknown;
/** The value read by the last readScalar call; its return value says where the walk goes on. */
let scalar: unknown;

function resetUsage(): void {
  inputTokens = outputTokens = cacheCreationInputTokens = cacheReadInputTokens = speed = undefined;
  ephemeral5m = ephemeral1h = webSearchRequests = undefined;
  cacheCreationIsObject = serverToolUseIsObject = false;
}

/** A string, number or null becomes a value; anything else is skipped and stands as OTHER. */
function readScalar(b: Buffer, i: number, end: number): number {
  const c = b[i]!;
  const next = c === 0x22 ? skipString(b, i, end) : skipValue(b, i, end);
  if (next < 0) return next;
  if (c === 0x22) scalar = sawEscape ? JSON.parse(b.toString('latin1', i, next)) : b.toString('latin1', i + 1, next - 1);
  else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) scalar = readNumber(b, i, next);
  else scalar = c === 0x6e ? null : OTHER;
  return next;
}

/** Plain digits are summed here; fractions, exponents and signs go through Number as JSON.parse would. */
function readNumber(b: Buffer, start: number, stop: number): number {
  if (stop - start > 15) return Number(b.toString('latin1', start, stop));
  let n = 0;
  for (let k = start; k < stop; k++) {
    const d = b[k]! - 0x30;
    if (d < 0 || d > 9) return Number(b.toString('latin1', start, stop));
    n = n * 10 + d;
  }
  return n;
}

/** The level at which each key number means something. */
const LEVEL_OF = KEYS.map((key) => {
  if (key === 'id' || key === 'model' || key === 'usage') return MESSAGE;
  if (key === 'ephemeral_5m_input_tokens' || key === 'ephemeral_1h_input_tokens') return CACHE_CREATION;
  if (key === 'web_search_requests') return SERVER_TOOL_USE;
  if (key.endsWith('_tokens') || key === 'speed' || key === 'cache_creation' || key === 'server_tool_use') return USAGE;
  return LINE;
});

/** One member's value: read when its key matters at this level, skipped otherwise. */
function readMember(b: Buffer, key: number, i: number, end: number, level: number): number {
  if (key === 0 || LEVEL_OF[key] !== level) return skipValue(b, i, end);
  const c = b[i];
  // Objects we descend into. A repeated key replaces the earlier value, as in JSON.parse.
  if (key === MESSAGE_KEY) {
    messageId = model = undefined;
    usageIsObject = false;
    resetUsage();
    messageIsObject = c === 0x7b;
    return c === 0x7b ? walkObject(b, i, end, MESSAGE) : skipValue(b, i, end);
  }
  if (key === USAGE_KEY) {
    resetUsage();
    usageIsObject = c === 0x7b;
    return c === 0x7b ? walkObject(b, i, end, USAGE) : skipValue(b, i, end);
  }
  if (key === CACHE_CREATION_KEY) {
    ephemeral5m = ephemeral1h = undefined;
    cacheCreationIsObject = c === 0x7b;
    return c === 0x7b ? walkObject(b, i, end, CACHE_CREATION) : skipValue(b, i, end);
  }
  if (key === SERVER_TOOL_USE_KEY) {
    webSearchRequests = undefined;
    serverToolUseIsObject = c === 0x7b;
    return c === 0x7b ? walkObject(b, i, end, SERVER_TOOL_USE) : skipValue(b, i, end);
  }
  if (key === IS_SIDECHAIN) {
    isSidechain = c === 0x74 ? true : OTHER;
    return skipValue(b, i, end);
  }
  const slot = NULL_SKIP_IDS.indexOf(key);
  if (slot >= 0) nullFields = c === 0x6e ? nullFields | (1 << slot) : nullFields & ~(1 << slot);
  if (level === LINE && key !== TIMESTAMP && key !== VERSION && key !== REQUEST_ID) return skipValue(b, i, end);
  const next = readScalar(b, i, end);
  switch (key) {
    case TIMESTAMP:
      timestamp = scalar;
      break;
    case VERSION:
      version = scalar;
      break;
    case REQUEST_ID:
      requestId = scalar;
      break;
    case ID:
      messageId = scalar;
      break;
    case MODEL:
      model = scalar;
      break;
    case INPUT:
      inputTokens = scalar;
      break;
    case OUTPUT:
      outputTokens = scalar;
      break;
    case CACHE_CREATION_INPUT:
      cacheCreationInputTokens = scalar;
      break;
    case CACHE_READ:
      cacheReadInputTokens = scalar;
      break;
    case SPEED:
      speed = scalar;
      break;
    case EPHEMERAL_5M:
      ephemeral5m = scalar;
      break;
    case EPHEMERAL_1H:
      ephemeral1h = scalar;
      break;
    case WEB_SEARCH:
      webSearchRequests = scalar;
      break;
  }
  return next;
}

/** Walks an object's members at one level; returns the index after its closing brace. */
function walkObject(b: Buffer, i: number, end: number, level: number): number {
  i = skipWhitespace(b, i + 1, end);
  if (i >= end) return FAIL;
  if (b[i] === 0x7d) return i + 1;
  for (;;) {
    if (i >= end || b[i] !== 0x22) return FAIL;
    const keyStart = i;
    i = skipString(b, i, end);
    if (i < 0 || sawEscape) return FAIL;
    const key = keyId(b, keyStart, i);
    i = skipWhitespace(b, i, end);
    if (i >= end || b[i] !== 0x3a) return FAIL;
    i = skipWhitespace(b, i + 1, end);
    i = readMember(b, key, i, end, level);
    if (i < 0) return i;
    i = skipWhitespace(b, i, end);
    if (i >= end) return FAIL;
    if (b[i] === 0x7d) return i + 1;
    if (b[i] !== 0x2c) return FAIL;
    i = skipWhitespace(b, i + 1, end);
  }
}

/** The line [start, end) of b; undefined when only JSON.parse can say. */
export function readClaudeLineBytes(b: Buffer, start: number, end: number): LineResult | undefined {
  const open = skipWhitespace(b, start, end);
  if (open >= end || b[open] !== 0x7b) return undefined;
  timestamp = version = isSidechain = requestId = messageId = model = undefined;
  nullFields = 0;
  messageIsObject = false;
  usageIsObject = false;
  resetUsage();
  const close = walkObject(b, open, end, LINE);
  if (close < 0 || skipWhitespace(b, close, end) !== end) return undefined;
  if (!messageIsObject || !usageIsObject) return 'skip-no-usage';
  if (nullFields !== 0 || messageId === null || model === null) return 'skip-null-field';
  const usage = {
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: cacheCreationInputTokens,
    cache_read_input_tokens: cacheReadInputTokens,
    speed,
    cache_creation: cacheCreationIsObject
      ? { ephemeral_5m_input_tokens: ephemeral5m, ephemeral_1h_input_tokens: ephemeral1h }
      : undefined,
    server_tool_use: serverToolUseIsObject ? { web_search_requests: webSearchRequests } : undefined,
  };
  return entryFrom({ timestamp, version, isSidechain, messageId, model, requestId, usage });
}
