/**
 * Codex CLI session logs → deduplicated turns → hourly usage, incrementally: after the first scan a
 * refresh reads only the bytes appended since the last one (the same line reader as Claude Code's),
 * and a truncated, replaced or deleted file gives back exactly what it contributed.
 *
 * Deduplication: one turn is counted once however many files hold it. Archived sessions are copies
 * of active ones (`archived_sessions/` beside `sessions/`) and resumed sessions replay earlier
 * events; like ccusage (loader.rs, dedupe_codex_events), a turn is identified by its timestamp,
 * model and token counts.
 */
import { readdir } from 'node:fs/promises';
import { existsSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { readMatchingLines } from '../claude-code/line-reader.ts';
import { homeUsesPriority } from './codex-config.ts';
import { parseCodexLine } from './codex-line.ts';
import type { CodexHome } from './codex-roots.ts';
import { foldLine, newSessionState, type CodexTurn, type SessionState } from './codex-session.ts';

/**
 * Both wanted record types contain this: `"token_count"` and `"turn_context"` share "n_co". Lines
 * without it (messages, tool calls, reasoning — nearly all the bytes) are never parsed.
 */
const NEEDLE = Buffer.from('n_co');

interface FileState {
  ino: number;
  offset: number;
  mtimeMs: number;
  skipped: number;
  readonly session: SessionState;
  readonly turns: CodexTurn[];
  readonly priority: boolean;
}

/** Tokens of one hour × model × tier, after deduplication. Input here excludes cached input. */
export interface CodexCell {
  readonly hour: number;
  readonly model: string;
  readonly priority: boolean;
  readonly fallbackModel: boolean;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

export interface CodexScanReport {
  readonly files: number;
  readonly bytesRead: number;
  readonly warnings: string[];
}

const HOUR_MS = 3_600_000;

function turnKey(t: CodexTurn): string {
  const k = t.tokens;
  return `${t.timestamp}|${t.model}|${k.input}|${k.cached}|${k.output}|${k.reasoning}|${k.total}`;
}

async function listJsonl(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

function isReplaced(state: FileState, info: Stats): boolean {
  return state.ino !== info.ino || info.size < state.offset || (info.size === state.offset && info.mtimeMs !== state.mtimeMs);
}

export class CodexScanner {
  private readonly files = new Map<string, FileState>();
  private cells: CodexCell[] | undefined;

  constructor(private readonly homes: readonly CodexHome[]) {}

  get cold(): boolean {
    return this.files.size === 0;
  }

  async refresh(signal?: AbortSignal): Promise<CodexScanReport> {
    const listed = new Map<string, boolean>();
    for (const home of this.homes) {
      const priority = homeUsesPriority(home.home);
      for (const dir of home.logDirs) for (const path of await listJsonl(dir)) listed.set(path, priority);
    }
    for (const path of this.files.keys()) if (!listed.has(path)) this.dropFile(path);
    let bytesRead = 0;
    for (const [path, priority] of listed) {
      signal?.throwIfAborted();
      let info: Stats;
      try {
        info = statSync(path);
      } catch {
        continue; // deleted between the listing and now; the next refresh drops it
      }
      let state = this.files.get(path);
      if (state && isReplaced(state, info)) {
        this.dropFile(path);
        state = undefined;
      }
      if (!state) {
        state = { ino: info.ino, offset: 0, mtimeMs: info.mtimeMs, skipped: 0, session: newSessionState(), turns: [], priority };
        this.files.set(path, state);
      }
      if (info.size !== state.offset) bytesRead += await this.readFile(path, state, info);
    }
    const warnings = [...this.files]
      .filter(([, s]) => s.skipped > 0)
      .map(([path, s]) => `${s.skipped} line${s.skipped === 1 ? '' : 's'} skipped in ${basename(path)}`);
    return { files: this.files.size, bytesRead, warnings };
  }

  private dropFile(path: string): void {
    this.files.delete(path);
    this.cells = undefined;
  }

  private async readFile(path: string, state: FileState, info: Stats): Promise<number> {
    const turnsBefore = state.turns.length;
    let result;
    try {
      result = await readMatchingLines(path, state.offset, NEEDLE, (bytes, start, end) => {
        const line = parseCodexLine(bytes.toString('utf8', start, end));
        if (line.kind === 'bad') state.skipped++;
        const turn = foldLine(state.session, line);
        if (turn) state.turns.push(turn);
      });
    } catch (error) {
      if (!existsSync(path)) return 0; // Codex removed it mid-read; the next refresh drops it
      throw error;
    }
    state.offset = result.endOffset;
    state.mtimeMs = info.mtimeMs;
    state.ino = info.ino;
    state.skipped += result.oversizedLines;
    if (state.turns.length !== turnsBefore) this.cells = undefined;
    return result.bytesRead;
  }

  /** Every distinct turn, summed by UTC hour, model and tier. */
  hourlyCells(): readonly CodexCell[] {
    if (this.cells) return this.cells;
    const seen = new Set<string>();
    const byKey = new Map<string, CodexCell>();
    // Active sessions are listed before archived ones, so a turn in both counts from the active copy.
    for (const state of this.files.values()) {
      for (const turn of state.turns) {
        const key = turnKey(turn);
        if (seen.has(key)) continue;
        seen.add(key);
        const hour = Math.floor(Date.parse(turn.timestamp) / HOUR_MS) * HOUR_MS;
        const cellKey = `${hour}|${turn.model}|${state.priority ? 1 : 0}|${turn.fallbackModel ? 1 : 0}`;
        let cell = byKey.get(cellKey);
        if (!cell) {
          cell = {
            hour,
            model: turn.model,
            priority: state.priority,
            fallbackModel: turn.fallbackModel,
            inputTokens: 0,
            cachedInputTokens: 0,
            outputTokens: 0,
            reasoningTokens: 0,
          };
          byKey.set(cellKey, cell);
        }
        cell.inputTokens += turn.tokens.input - turn.tokens.cached;
        cell.cachedInputTokens += turn.tokens.cached;
        cell.outputTokens += turn.tokens.output;
        cell.reasoningTokens += turn.tokens.reasoning;
      }
    }
    this.cells = [...byKey.values()].sort((a, b) => a.hour - b.hour || a.model.localeCompare(b.model));
    return this.cells;
  }
}
