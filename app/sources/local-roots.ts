/**
 * Folder lookups shared by the local-log sources (Claude Code, Codex CLI): both read an environment
 * variable that may list several comma-separated roots, with `~` meaning the user's home, the way the
 * tools themselves read it (../shared/reference/claude-code-logs.md; sources-2026-11.md, "Codex CLI logs").
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function expandHome(path: string, home: string): string {
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** The absolute, de-duplicated folders a comma-separated variable names; empty when unset or blank. */
export function listedRoots(value: string | undefined, home: string): string[] {
  const listed = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return [...new Set(listed.map((p) => resolve(expandHome(p, home))))];
}
