/**
 * Where Codex CLI keeps its session logs, as ccusage reads them (ccusage docs/guide/codex/index.md,
 * ryoppippi/ccusage @ 5816e640): CODEX_HOME (default ~/.codex) may list several comma-separated
 * homes; each contributes `sessions/` and `archived_sessions/` independently, and a home with
 * neither is read directly as a folder of JSONL files (saved `codex exec --json` output).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isDir, listedRoots } from '../local-roots.ts';

export interface CodexHome {
  /** The home folder itself: its config.toml says whether priority (fast) pricing applies. */
  readonly home: string;
  /** Folders to walk for *.jsonl, active sessions first (for one relative path, sessions/ wins). */
  readonly logDirs: readonly string[];
}

export interface CodexHomesResult {
  readonly homes: CodexHome[];
  /** Set when CODEX_HOME names nothing readable: the user asked for something we cannot read. */
  readonly problem?: string;
}

function homeAt(path: string): CodexHome | undefined {
  if (!isDir(path)) return undefined;
  const logDirs = ['sessions', 'archived_sessions'].map((d) => join(path, d)).filter(isDir);
  return { home: path, logDirs: logDirs.length > 0 ? logDirs : [path] };
}

export function codexHomes(env: Readonly<Record<string, string | undefined>>): CodexHomesResult {
  const home = env.HOME ?? homedir();
  const paths = listedRoots(env.CODEX_HOME, home);
  if (paths.length > 0) {
    const homes = paths.map(homeAt).filter((h): h is CodexHome => h !== undefined);
    if (homes.length === 0) return { homes, problem: `CODEX_HOME (${env.CODEX_HOME}) names no folder with Codex logs` };
    return { homes };
  }
  // The default home only counts when Codex has written sessions there (not merely installed).
  const fallback = homeAt(join(home, '.codex'));
  return { homes: fallback && fallback.logDirs[0] !== fallback.home ? [fallback] : [] };
}
