/**
 * Where Claude Code keeps transcripts, as Claude Code itself reads it: CLAUDE_CONFIG_DIR (one or
 * several comma-separated roots, each the config dir or its projects/ dir), else both
 * ~/.config/claude/projects and ~/.claude/projects.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isDir, listedRoots } from '../local-roots.ts';

export interface RootsResult {
  readonly roots: string[];
  /** Set when CLAUDE_CONFIG_DIR names no usable folder: the user asked for something we cannot read. */
  readonly problem?: string;
}

export function claudeProjectRoots(env: Readonly<Record<string, string | undefined>>): RootsResult {
  const home = env.HOME ?? homedir();
  const configured = listedRoots(env.CLAUDE_CONFIG_DIR, home);
  if (configured.length > 0) {
    const roots = configured.map((p) => (isDir(join(p, 'projects')) ? join(p, 'projects') : p)).filter(isDir);
    if (roots.length === 0)
      return { roots, problem: `CLAUDE_CONFIG_DIR (${env.CLAUDE_CONFIG_DIR}) names no folder with Claude Code logs` };
    return { roots: [...new Set(roots)] };
  }
  const candidates = [
    join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'claude', 'projects'),
    join(home, '.claude', 'projects'),
  ];
  return { roots: candidates.filter(isDir) };
}
