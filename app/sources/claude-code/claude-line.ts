/** One Claude Code transcript line → a usage entry, or the reason it is skipped. Untrusted input. */
import type { TokenCounts } from '../../engine/usage-row.ts';

export interface ClaudeEntry extends TokenCounts {
  /** Dedup key: message id + request id; undefined means the line cannot be deduplicated. */
  readonly key: string | undefined;
  readonly messageId: string | undefined;
  readonly timestamp: string;
  readonly model: string;
  readonly isSidechain: boolean;
  readonly speed: string | undefined;
}

export type LineResult = ClaudeEntry | 'skip-malformed' | 'skip-null-field' | 'skip-no-usage' | 'skip-synthetic';

/** Fields that, when JSON null, mean the line is not a usable record (as ccusage does). */
const NULL_MEANS_SKIP = ['cwd', 'version', 'sessionId', 'requestId', 'isApiErrorMessage', 'costUSD'];
const SEMVER = /^\d+\.\d+\.\d+/;
const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

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
  if (NULL_MEANS_SKIP.some((f) => raw[f] === null) || message.id === null || message.model === null) return 'skip-null-field';
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
  const time = Date.parse(fields.timestamp);
  if (Number.isNaN(time)) return 'skip-malformed';
  // Claude Code writes canonical UTC timestamps: kept as they are; anything else is normalized.
  const timestamp = CANONICAL_UTC.test(fields.timestamp) ? fields.timestamp : new Date(time).toISOString();
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
    timestamp,
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

export function totalTokens(e: ClaudeEntry): number {
  return e.inputTokens + e.outputTokens + e.cacheWrite5mTokens + e.cacheWrite1hTokens + e.cacheReadTokens;
}
