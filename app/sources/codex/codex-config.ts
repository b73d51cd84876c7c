/**
 * Whether a Codex home bills at priority rates: `service_tier = "priority"` (or the legacy "fast")
 * in its config.toml (ccusage docs/guide/codex/index.md, "Speed pricing"). Logs do not record the
 * tier per turn, so this is the best evidence there is. Only that one top-level key is read: a
 * line-based look, not a TOML parser, because nothing else in the file matters here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function homeUsesPriority(home: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(home, 'config.toml'), 'utf8');
  } catch {
    return false;
  }
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line.startsWith('[')) return false; // top-level keys come before the first table
    const match = /^service_tier\s*=\s*["']?([A-Za-z]+)["']?$/.exec(line);
    if (match) return match[1] === 'priority' || match[1] === 'fast';
  }
  return false;
}
