/**
 * Codex CLI session logs in the real format (openai/codex `RolloutItem`s: session_meta, turn_context,
 * response_item, event_msg; see ccusage's fixtures and parser.rs @ 5816e640), for tests and the
 * bench. A session holds everything a real one may: user and agent messages, reasoning, tool calls
 * whose output is code, `token_count` events with `info: null` (rate-limit updates), re-emitted
 * `token_count`s whose cumulative total did not move, a model switch mid-session, sessions copied
 * into `archived_sessions/` (flat, as `codex` archives them), and the odd garbage line.
 *
 * `expected` is the truth by UTC day and model, computed from the turns the generator made — not
 * from the reader's rules.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pick, seededRandom } from './random.ts';

export const CODEX_MODELS = ['gpt-5.2-codex', 'gpt-5.1-codex-mini', 'gpt-5.5', 'gpt-5.3-codex'];

export interface DayModelTokens {
  input: number; // including cached, as Codex counts it
  cached: number;
  output: number;
  reasoning: number;
}

export interface CodexTreeOptions {
  readonly seed: number;
  readonly sessions: number;
  /** Turns per session, at most. */
  readonly maxTurns?: number;
  /** Bytes of tool output per turn, at most: what makes a tree big. */
  readonly maxToolBytes?: number;
  /** First session start (ms); sessions spread over `days`. */
  readonly start: number;
  readonly days: number;
  /** Share of sessions also copied to archived_sessions/. */
  readonly archivedShare?: number;
}

const TOOL_OUTPUT = [
  'export function total(rows: Row[]): number {\n\treturn rows.reduce((s, r) => s + r.amount, 0);\n}\n',
  'if (!user) throw new Error(`no user "${id}" — check the token`);\n',
  'const greeting = "Grüße, 世界 👋";\nconsole.log(greeting);\n',
  'SELECT name, "order" FROM items WHERE path LIKE \'C:\\\\Users\\\\%\';\n',
];

const iso = (t: number) => new Date(t).toISOString();
const line = (timestamp: number, type: string, payload: unknown) => JSON.stringify({ timestamp: iso(timestamp), type, payload });
const usage = (t: DayModelTokens) => ({
  input_tokens: t.input,
  cached_input_tokens: t.cached,
  output_tokens: t.output,
  reasoning_output_tokens: t.reasoning,
  total_tokens: t.input + t.output,
});
const rateLimits = (r: () => number) => ({
  primary: { used_percent: Math.round(r() * 1000) / 10, window_minutes: 300, resets_in_seconds: Math.floor(r() * 18000) },
  secondary: { used_percent: Math.round(r() * 1000) / 10, window_minutes: 10080, resets_in_seconds: Math.floor(r() * 604800) },
});

export interface CodexTree {
  /** UTC day → model → tokens of every distinct turn. */
  readonly expected: Map<string, Map<string, DayModelTokens>>;
  readonly files: number;
  readonly bytes: number;
  /** Re-emitted events written (each must count zero). */
  readonly reemits: number;
}

export function writeCodexTree(home: string, options: CodexTreeOptions): CodexTree {
  const r = seededRandom(options.seed);
  const expected = new Map<string, Map<string, DayModelTokens>>();
  let files = 0;
  let bytes = 0;
  let reemits = 0;
  const count = (time: number, model: string, t: DayModelTokens) => {
    const day = iso(time).slice(0, 10);
    const models = expected.get(day) ?? new Map<string, DayModelTokens>();
    expected.set(day, models);
    const cell = models.get(model) ?? { input: 0, cached: 0, output: 0, reasoning: 0 };
    models.set(model, cell);
    cell.input += t.input;
    cell.cached += t.cached;
    cell.output += t.output;
    cell.reasoning += t.reasoning;
  };
  for (let s = 0; s < options.sessions; s++) {
    let time = options.start + Math.floor(r() * options.days * 86_400_000);
    const id = `0199${s.toString(16).padStart(4, '0')}-${Math.floor(r() * 0xffff).toString(16)}-7000-8000-${options.seed.toString(16).padStart(12, '0')}`;
    const day = iso(time).slice(0, 10).split('-');
    const name = `rollout-${iso(time).slice(0, 19).replace(/:/g, '-')}-${id}.jsonl`;
    const dir = join(home, 'sessions', ...day);
    mkdirSync(dir, { recursive: true });
    const out: string[] = [
      line(time, 'session_meta', {
        id,
        timestamp: iso(time),
        cwd: '/home/dev/project',
        originator: 'codex_cli_rs',
        cli_version: '0.58.0',
        git: { branch: 'main' },
      }),
    ];
    let model = pick(r, CODEX_MODELS);
    const total: DayModelTokens = { input: 0, cached: 0, output: 0, reasoning: 0 };
    const turns = 1 + Math.floor(r() * (options.maxTurns ?? 12));
    for (let t = 0; t < turns; t++) {
      // A model switch mid-session: a new turn_context names the new model (/model in the TUI).
      if (t === 0 || r() < 0.1) {
        if (t > 0) model = pick(r, CODEX_MODELS);
        out.push(
          line(time, 'turn_context', {
            cwd: '/home/dev/project',
            approval_policy: 'on-request',
            sandbox_policy: { mode: 'workspace-write' },
            model,
            effort: 'medium',
            summary: 'auto',
          }),
        );
      }
      out.push(
        line(time, 'response_item', {
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: 'Fix the failing "total" test — keep cents exact.' }],
        }),
      );
      out.push(line(time, 'event_msg', { type: 'user_message', message: 'Fix the failing "total" test', images: [] }));
      const toolBytes = Math.floor(r() * (options.maxToolBytes ?? 2000));
      let output = '';
      while (output.length < toolBytes) output += pick(r, TOOL_OUTPUT);
      out.push(
        line(time, 'response_item', {
          type: 'function_call',
          name: 'shell',
          arguments: JSON.stringify({ command: ['cat', 'src/total.ts'] }),
          call_id: `call_${s}_${t}`,
        }),
      );
      out.push(
        line(time, 'response_item', {
          type: 'function_call_output',
          call_id: `call_${s}_${t}`,
          output: JSON.stringify({ output, metadata: { exit_code: 0 } }),
        }),
      );
      time += 1000 + Math.floor(r() * 120_000);
      const input = 2000 + Math.floor(r() * 60_000);
      const delta: DayModelTokens = {
        input,
        cached: Math.floor(input * r() * 0.9),
        output: 50 + Math.floor(r() * 4000),
        reasoning: 0,
      };
      delta.reasoning = Math.floor(delta.output * r() * 0.6);
      total.input += delta.input;
      total.cached += delta.cached;
      total.output += delta.output;
      total.reasoning += delta.reasoning;
      out.push(line(time, 'event_msg', { type: 'agent_reasoning', text: '**Checking the parser**' }));
      out.push(
        line(time, 'event_msg', {
          type: 'token_count',
          info: { total_token_usage: usage(total), last_token_usage: usage(delta), model_context_window: 272000 },
          rate_limits: rateLimits(r),
        }),
      );
      count(time, model, delta);
      // Re-emits: the same cumulative total again, seconds later (UI / rate-limit refreshes).
      while (r() < 0.35) {
        time += 500 + Math.floor(r() * 5000);
        reemits++;
        out.push(
          line(time, 'event_msg', {
            type: 'token_count',
            info: { total_token_usage: usage(total), last_token_usage: usage(delta), model_context_window: 272000 },
            rate_limits: rateLimits(r),
          }),
        );
      }
      if (r() < 0.2) out.push(line(time, 'event_msg', { type: 'token_count', info: null, rate_limits: rateLimits(r) }));
      out.push(line(time, 'event_msg', { type: 'agent_message', message: 'Fixed: amounts stay decimal strings.' }));
      if (r() < 0.01) out.push('{"timestamp":"2026-11-0'); // a torn line from a crash
    }
    const text = out.join('\n') + '\n';
    writeFileSync(join(dir, name), text);
    files++;
    bytes += Buffer.byteLength(text);
    if (r() < (options.archivedShare ?? 0.2)) {
      mkdirSync(join(home, 'archived_sessions'), { recursive: true });
      writeFileSync(join(home, 'archived_sessions', name), text);
      files++;
      bytes += Buffer.byteLength(text);
    }
  }
  return { expected, files, bytes, reemits };
}

/** Appends one more turn to a session file, as Codex does while it runs. */
export function appendCodexTurn(path: string, time: number, total: DayModelTokens, delta: DayModelTokens): void {
  appendFileSync(
    path,
    line(time, 'event_msg', { type: 'token_count', info: { total_token_usage: usage(total), last_token_usage: usage(delta) } }) +
      '\n',
  );
}
