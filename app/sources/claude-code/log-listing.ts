/**
 * Every *.jsonl under the roots, folder by folder, so that one folder or entry that cannot be read
 * (permissions, a broken symlink, a symlink loop) is reported and passed over instead of making the
 * whole root look empty — what a single recursive readdir did. Symlinks are followed, as ccusage's
 * tinyglobby walk does (followSymbolicLinks defaults to true), with each real folder visited once so
 * a link back up the tree cannot loop.
 */
import { statSync, type Dirent, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface Unreadable {
  readonly path: string;
  readonly kind: 'file' | 'folder';
  /** The errno code (EACCES, ELOOP…), or NOTFILE for something that is neither a file nor a folder. */
  readonly code: string;
  /** The root it was found under, for grouping the message. */
  readonly root: string;
}

export interface Listing {
  readonly files: Array<{ readonly path: string; readonly root: string }>;
  readonly unreadable: Unreadable[];
}

export const errnoOf = (error: unknown): string =>
  typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'EIO';

const isLog = (name: string) => name.endsWith('.jsonl');

async function walk(root: string, listing: Listing, signal: AbortSignal | undefined): Promise<void> {
  const visited = new Set<string>();
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    signal?.throwIfAborted();
    let entries: Dirent[];
    try {
      const info = statSync(folder);
      const id = `${info.dev}:${info.ino}`;
      if (visited.has(id)) continue;
      visited.add(id);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      // Gone since its parent was listed (Claude Code removing an old session): nothing to say.
      if (errnoOf(error) === 'ENOENT' && folder !== root) continue;
      listing.unreadable.push({ path: folder, kind: 'folder', code: errnoOf(error), root });
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile()) {
        if (isLog(entry.name)) listing.files.push({ path, root });
      } else if (entry.isSymbolicLink()) followLink(path, entry.name, root, folders, listing);
      // A FIFO or socket under a log's name: reading it would block, so it is named instead.
      else if (isLog(entry.name)) listing.unreadable.push({ path, kind: 'file', code: 'NOTFILE', root });
    }
  }
}

function followLink(path: string, name: string, root: string, folders: string[], listing: Listing): void {
  let target: Stats;
  try {
    target = statSync(path);
  } catch (error) {
    // A broken link or a loop: under projects/ every entry is a project folder or a log.
    listing.unreadable.push({ path, kind: isLog(name) ? 'file' : 'folder', code: errnoOf(error), root });
    return;
  }
  if (target.isDirectory()) folders.push(path);
  else if (isLog(name)) listing.files.push({ path, root });
}

export async function listLogs(roots: readonly string[], signal?: AbortSignal): Promise<Listing> {
  const listing: Listing = { files: [], unreadable: [] };
  for (const root of roots) await walk(root, listing, signal);
  return listing;
}
