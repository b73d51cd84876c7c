/** One Claude Code transcript line → a usage entry, or the reason it is skipped. Untrusted input. */
import type { TokenCounts } from '../../engine/usage-row.ts';

export interface ClaudeEntry extends TokenCounts {
  /** Dedup key: message id + request id; undefined means the line cannot be deduplicated. */
  readonly key: string | undefined;
  readonly messageId: string | undefined;
  readonly requestId: string | undefined;
  /** UTC hours since the epoch: requests are summed by hour. */
  readonly hour: number;
  readonly model: string;
  readonly isSidechain: boolean;
  readonly speed: string | undefined;
}

export type LineResult = ClaudeEntry | 'skip-malformed' | 'skip-null-field' | 'skip-no-usage' | 'skip-synthetic';

/** Fields that, when JSON null, mean the line is not a usable record (as ccusage does). */
export const nullMeansSkip: readonly string[] = ['cwd', 'version', 'sessionId', 'requestId', 'isApiErrorMessage', 'costUSD'];
const SEMVER = /^\d+\.\d+\.\d+/;
const HOUR_MS = 3_600_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number | undefined =>
  v === undefined ? 0 : typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;

/** The fields of a usage line that matter, however they were read. */
export interface LineFields {
  readonly timestamp: unknown;
  readonly version: unknown;
  readonly isSidechain: unknown;
  readonly messageId: unknown;
  readonly model: unknown;
  readonly requestId: unknown;
  readonly usage: unknown;
}

export function parseClaudeLine(text: string): LineResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'skip-malformed';
  }
  if (!isObj(raw) || !isObj(raw.message)) return 'skip-no-usage';
  const message = raw.message;
  if (!isObj(message.usage)) return 'skip-no-usage';
  if (nullMeansSkip.some((f) => raw[f] === null) || message.id === null || message.model === null) return 'skip-null-field';
  return entryFrom({
    timestamp: raw.timestamp,
    version: raw.version,
    isSidechain: raw.isSidechain,
    messageId: message.id,
    model: message.model,
    requestId: raw.requestId,
    usage: message.usage,
  });
}

export function entryFrom(fields: LineFields): LineResult {
  const usage = fields.usage;
  if (!isObj(usage)) return 'skip-no-usage';
  if (usage.speed === null || usage.cache_creation_input_tokens === null || usage.cache_read_input_tokens === null)
    return 'skip-null-field';
  if (typeof fields.timestamp !== 'string') return 'skip-malformed';
  const hour = utcHourOf(fields.timestamp);
  if (Number.isNaN(hour)) return 'skip-malformed';
  if (fields.version !== undefined && (typeof fields.version !== 'string' || !SEMVER.test(fields.version)))
    return 'skip-malformed';
  if (fields.model === '<synthetic>') return 'skip-synthetic';
  const input = count(usage.input_tokens);
  const output = count(usage.output_tokens);
  const flatWrite = count(usage.cache_creation_input_tokens);
  const read = count(usage.cache_read_input_tokens);
  if (input === undefined || output === undefined || flatWrite === undefined || read === undefined) return 'skip-malformed';
  // The split by cache lifetime, when present, replaces the flat count.
  let write5m = flatWrite;
  let write1h = 0;
  if (isObj(usage.cache_creation)) {
    const five = count(usage.cache_creation.ephemeral_5m_input_tokens);
    const hour = count(usage.cache_creation.ephemeral_1h_input_tokens);
    if (five === undefined || hour === undefined) return 'skip-malformed';
    write5m = five;
    write1h = hour;
  }
  const tools = isObj(usage.server_tool_use) ? (count(usage.server_tool_use.web_search_requests) ?? 0) : 0;
  const messageId = typeof fields.messageId === 'string' && fields.messageId !== '' ? fields.messageId : undefined;
  const requestId = typeof fields.requestId === 'string' && fields.requestId !== '' ? fields.requestId : undefined;
  return {
    key: messageId ? `${messageId}:${requestId ?? ''}` : undefined,
    messageId,
    requestId,
    hour,
    model: typeof fields.model === 'string' ? fields.model : '(no model)',
    isSidechain: fields.isSidechain === true,
    speed: typeof usage.speed === 'string' ? usage.speed : undefined,
    inputTokens: input,
    outputTokens: output,
    cacheWrite5mTokens: write5m,
    cacheWrite1hTokens: write1h,
    cacheReadTokens: read,
    webSearchRequests: tools,
  };
}

const digits = (s: string, at: number, n: number): number => {
  let value = 0;
  for (let k = at; k < at + n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
};

/**
 * The UTC hour of a timestamp, NaN if Date.parse cannot read it. Claude Code writes
 * "2026-11-25T10:41:07.123Z"; those are read digit by digit (Date.parse is most of the cost of a
 * line otherwise). Only plainly valid ones: Date.parse rolls some out-of-range fields over.
 */
export function utcHourOf(timestamp: string): number {
  if (timestamp.length === 24 && timestamp.charCodeAt(23) === 90 /* Z */) {
    const year = digits(timestamp, 0, 4);
    const month = digits(timestamp, 5, 2);
    const day = digits(timestamp, 8, 2);
    const hour = digits(timestamp, 11, 2);
    const plain =
      timestamp[4] === '-' &&
      timestamp[7] === '-' &&
      timestamp[10] === 'T' &&
      timestamp[13] === ':' &&
      timestamp[16] === ':' &&
      timestamp[19] === '.' &&
      year >= 1000 && // Date.UTC reads years 0–99 as 1900–1999
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 28 &&
      hour <= 23 &&
      digits(timestamp, 14, 2) <= 59 &&
      digits(timestamp, 17, 2) <= 59 &&
      digits(timestamp, 20, 3) >= 0;
    if (plain) return Date.UTC(year, month - 1, day, hour) / HOUR_MS;
  }
  return Math.floor(Date.parse(timestamp) / HOUR_MS);
}

export function totalTokens(e: ClaudeEntry): number {
  return e.inputTokens + e.outputTokens + e.cacheWrite5mTokens + e.cacheWrite1hTokens + e.cacheReadTokens;
}
