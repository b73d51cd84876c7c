/**
 * Global deduplication of Claude Code usage, across every file and root. Claude Code writes one line
 * per content block, each repeating the message's usage, and copies lines into resumed sessions;
 * one message id + request id is one request. Candidates are kept per file so that a truncated,
 * replaced or deleted file gives its requests back to the other files that also hold them.
 */
import { totalTokens, type ClaudeEntry } from './claude-line.ts';

interface Candidate {
  readonly fileId: number;
  readonly entry: ClaudeEntry;
}

/** Which of two candidates for one request is the truer record (ccusage's current rules). */
function isBetter(challenger: ClaudeEntry, holder: ClaudeEntry): boolean {
  if (challenger.isSidechain !== holder.isSidechain) return !challenger.isSidechain;
  const a = totalTokens(challenger);
  const b = totalTokens(holder);
  if (a !== b) return a > b; // streaming snapshots are partial: the largest is the final one
  return challenger.speed !== undefined && holder.speed === undefined;
}

export class DedupIndex {
  private readonly byKey = new Map<string, Candidate[]>();
  private readonly keysByFile = new Map<number, Set<string>>();
  private readonly unkeyed = new Map<number, ClaudeEntry[]>();

  add(fileId: number, entry: ClaudeEntry): void {
    if (entry.key === undefined) {
      let list = this.unkeyed.get(fileId);
      if (!list) this.unkeyed.set(fileId, (list = []));
      list.push(entry);
      return;
    }
    let candidates = this.byKey.get(entry.key);
    if (!candidates) this.byKey.set(entry.key, (candidates = []));
    candidates.push({ fileId, entry });
    let keys = this.keysByFile.get(fileId);
    if (!keys) this.keysByFile.set(fileId, (keys = new Set()));
    keys.add(entry.key);
  }

  removeFile(fileId: number): void {
    for (const key of this.keysByFile.get(fileId) ?? []) {
      const remaining = (this.byKey.get(key) ?? []).filter((c) => c.fileId !== fileId);
      if (remaining.length) this.byKey.set(key, remaining);
      else this.byKey.delete(key);
    }
    this.keysByFile.delete(fileId);
    this.unkeyed.delete(fileId);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** One entry per request. A sidechain replay of a message already seen in the main chain is dropped. */
  winners(): ClaudeEntry[] {
    const chosen: ClaudeEntry[] = [];
    const mainChainMessages = new Set<string>();
    for (const candidates of this.byKey.values()) {
      let best = candidates[0]!.entry;
      for (let i = 1; i < candidates.length; i++) if (isBetter(candidates[i]!.entry, best)) best = candidates[i]!.entry;
      chosen.push(best);
      if (!best.isSidechain && best.messageId) mainChainMessages.add(best.messageId);
    }
    const result = chosen.filter((e) => !(e.isSidechain && e.messageId && mainChainMessages.has(e.messageId)));
    for (const list of this.unkeyed.values()) result.push(...list);
    return result;
  }
}
