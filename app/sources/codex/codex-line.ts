/**
 * One line of a Codex CLI session log → what matters for spend. The format, from openai/codex's
 * protocol (`EventMsg::TokenCount`, `TurnContextItem`) as ccusage reads it
 * (rust/crates/ccusage/src/adapter/codex/parser.rs @ 5816e640):
 *   {"timestamp":…,"type":"turn_context","payload":{"model":"gpt-5.2-codex",…}}
 *   {"timestamp":…,"type":"event_msg","payload":{"type":"token_count","info":{
 *      "total_token_usage":{…},"last_token_usage":{…},"model_context_window":…},"rate_limits":…}}
 * `info` is null on rate-limit-only updates. `input_tokens` includes `cached_input_tokens`;
 * `reasoning_output_tokens` is already inside `output_tokens`.
 */

export interface CodexTokens {
  readonly input: number;
  readonly cached: number;
  readonly output: number;
  readonly reasoning: number;
  readonly total: number;
}

export type CodexLine =
  | { readonly kind: 'model'; readonly model: string }
  | {
      readonly kind: 'usage';
      readonly timestamp: string;
      /** A model named on the event itself (some builds put it in `info` or the payload). */
      readonly model: string | undefined;
      readonly total: CodexTokens | undefined;
      readonly last: CodexTokens | undefined;
    }
  | { readonly kind: 'other' }
  | { readonly kind: 'bad' };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function count(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : v === undefined || v === null ? 0 : undefined;
}

/** A token object, or undefined when absent; 'bad' when present but not numbers we can trust. */
function tokens(v: unknown): CodexTokens | undefined | 'bad' {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) return 'bad';
  const input = count(v.input_tokens);
  const cached = count(v.cached_input_tokens);
  const output = count(v.output_tokens);
  const reasoning = count(v.reasoning_output_tokens);
  if (input === undefined || cached === undefined || output === undefined || reasoning === undefined) return 'bad';
  // Legacy entries carry no total: it is input plus output (ccusage's README for the adapter).
  const total = count(v.total_tokens) || input + output;
  return { input, cached, output, reasoning, total };
}

function modelOf(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const model = v.model ?? v.model_name;
  return typeof model === 'string' && model.trim() !== '' ? model.trim() : undefined;
}

export function parseCodexLine(text: string): CodexLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'bad' };
  }
  if (!isObject(value)) return { kind: 'bad' };
  const payload = value.payload;
  if (value.type === 'turn_context') {
    const model = modelOf(payload);
    return model ? { kind: 'model', model } : { kind: 'other' };
  }
  if (value.type !== 'event_msg' || !isObject(payload) || payload.type !== 'token_count') return { kind: 'other' };
  if (payload.info === null || payload.info === undefined) return { kind: 'other' }; // rate limits only
  const info = payload.info;
  if (!isObject(info)) return { kind: 'bad' };
  const timestamp = value.timestamp;
  if (typeof timestamp !== 'string' || !Number.isFinite(Date.parse(timestamp))) return { kind: 'bad' };
  const total = tokens(info.total_token_usage);
  const last = tokens(info.last_token_usage);
  if (total === 'bad' || last === 'bad') return { kind: 'bad' };
  return { kind: 'usage', timestamp, model: modelOf(payload) ?? modelOf(info), total, last };
}
