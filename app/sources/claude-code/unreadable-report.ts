/**
 * What could not be read, as notices a user can act on: counted by kind and errno per project
 * folder — "2 files could not be read (EACCES) under ~/.claude/projects/x — check permissions".
 */
import { homedir } from 'node:os';
import { relative, sep } from 'node:path';
import type { Unreadable } from './log-listing.ts';

const ADVICE: Record<string, string> = {
  EACCES: 'check permissions',
  EPERM: 'check permissions',
  ELOOP: 'a symlink points back at itself',
  ENOENT: 'a symlink points at nothing',
  ENOTDIR: 'a symlink points at nothing',
  EISDIR: 'a folder named like a log file',
  NOTFILE: 'not a regular file',
};

/** The path as the user knows it: ~ for the home folder. */
export function shownPath(path: string, home = homedir()): string {
  return home && (path === home || path.startsWith(home + sep)) ? `~${path.slice(home.length)}` : path;
}

/** The project folder a path is in: the first folder under its root (or the root itself). */
function projectOf(item: Unreadable): string {
  const inside = relative(item.root, item.path).split(sep);
  return inside.length > 1 ? `${item.root}${sep}${inside[0]}` : item.root;
}

export function unreadableNotices(items: readonly Unreadable[], home?: string): string[] {
  const groups = new Map<string, { item: Unreadable; count: number; where: string }>();
  for (const item of items) {
    const where = item.kind === 'folder' ? item.path : projectOf(item);
    const key = `${item.kind}\u0000${item.code}\u0000${where}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { item, count: 1, where });
  }
  return [...groups.values()].map(({ item, count, where }) => {
    const noun = `${count} ${item.kind}${count === 1 ? '' : 's'}`;
    const advice = ADVICE[item.code] ?? 'check the disk';
    const place = item.kind === 'folder' && count === 1 ? `: ${shownPath(where, home)}` : ` under ${shownPath(where, home)}`;
    return `${noun} could not be read (${item.code})${place} — ${advice}`;
  });
}
