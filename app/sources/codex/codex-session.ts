/**
 * Folds one session file's lines, in order, into per-turn token deltas.
 *
 * Rules, each as ccusage 20.0.24 applies them (checked against its binary on hand-made logs) and as
 * the trackers' bug reports explain them:
 * - A `token_count` whose cumulative `total_token_usage` equals the previous one is a re-emit (a UI
 *   or rate-limit refresh, not a new API call) and adds nothing (ccusage #876, #1288; tokscale #300).
 * - Otherwise the turn's delta is `last_token_usage`; without it, the cumulative total minus the
 *   previous total. A total that drops (a resumed or compacted session) still counts its `last`.
 * - The model is the latest `turn_context`'s (or one named on the event); a session with none
 *   falls back to gpt-5 and is marked, as ccusage does for early September 2025 logs.
 * - Cached input is part of input: never more than it (CodexBar #1796 double-counted it).
 */
import type { CodexLine, CodexTokens } from './codex-line.ts';

export const FALLBACK_MODEL = 'gpt-5';

export interface CodexTurn {
  readonly timestamp: string;
  readonly model: string;
  /** True when no turn_context named the model and gpt-5 was assumed. */
  readonly fallbackModel: boolean;
  readonly tokens: CodexTokens;
}

export interface SessionState {
  previousTotal: CodexTokens | undefined;
  model: string | undefined;
}

export function newSessionState(): SessionState {
  return { previousTotal: undefined, model: undefined };
}

function sameTokens(a: CodexTokens, b: CodexTokens): boolean {
  return (
    a.input === b.input && a.cached === b.cached && a.output === b.output && a.reasoning === b.reasoning && a.total === b.total
  );
}

function minus(a: CodexTokens, b: CodexTokens | undefined): CodexTokens {
  if (!b) return a;
  const d = (x: number, y: number) => Math.max(0, x - y);
  return {
    input: d(a.input, b.input),
    cached: d(a.cached, b.cached),
    output: d(a.output, b.output),
    reasoning: d(a.reasoning, b.reasoning),
    total: d(a.total, b.total),
  };
}

/** The turn this line adds, if any; updates the session state. */
export function foldLine(state: SessionState, line: CodexLine): CodexTurn | undefined {
  if (line.kind === 'model') {
    state.model = line.model;
    return undefined;
  }
  if (line.kind !== 'usage') return undefined;
  const previous = state.previousTotal;
  if (line.total) {
    if (previous && sameTokens(line.total, previous)) return undefined;
    state.previousTotal = line.total;
  }
  const delta = line.last ?? (line.total ? minus(line.total, previous) : undefined);
  if (!delta || (delta.input === 0 && delta.cached === 0 && delta.output === 0 && delta.reasoning === 0)) return undefined;
  if (line.model) state.model = line.model;
  const model = state.model ?? FALLBACK_MODEL;
  return {
    timestamp: line.timestamp,
    model,
    fallbackModel: state.model === undefined,
    tokens: { ...delta, cached: Math.min(delta.cached, delta.input) },
  };
}
