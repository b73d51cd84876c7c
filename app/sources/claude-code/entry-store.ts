/**
 * Deduplicated Claude Code requests in compact columns (typed arrays, ~40 bytes a request), so a
 * gigabyte of logs fits in a menu-bar app's memory. One message id + request id is one request,
 * globally: Claude Code writes a line per content block, each repeating the usage so far, and
 * copies lines into resumed sessions. Losing candidates from other files are kept (not counted),
 * so a truncated, replaced or deleted file gives its requests back to the files that also hold them.
 */
import type { TokenCounts, UsageRow } from '../../engine/usage-row.ts';
import { beats, FAST, SIDECHAIN, type ParsedBatch } from './parsed-batch.ts';

const HOUR_MS = 3_600_000;

/** The long-context rule of a model on a day: above threshold, the whole request costs more. */
export interface LongContextRule {
  readonly thresholdTokens: number;
  readonly contextWindowTokens: number;
}

export type LongContextRules = (model: string, day: string) => LongContextRule | undefined;

export interface StoredRequest extends TokenCounts {
  /** message id + ":" + request id, when the line had them. */
  readonly key: string | undefined;
  readonly hour: number;
  readonly model: string;
  readonly sidechain: boolean;
  readonly fast: boolean;
}

export class EntryStore {
  private size = 0;
  private capacity = 1024;
  private hour = new Int32Array(this.capacity);
  private model = new Uint16Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  private alive = new Uint8Array(this.capacity);
  private file = new Uint32Array(this.capacity);
  /** input, output, write5m, write1h, read, webSearch — six numbers per request. */
  private tokens = new Float64Array(this.capacity * 6);
  private keys: Array<string | undefined> = [];
  private readonly models: string[] = [];
  private readonly modelIndex = new Map<string, number>();
  /** The winning request for each key. */
  private readonly best = new Map<string, number>();
  /** Keys whose candidates are spread over several files, with every candidate. */
  private readonly spread = new Map<string, number[]>();
  private readonly byFile = new Map<number, number[]>();
  private free: number[] = [];

  private grow(): void {
    this.capacity *= 2;
    const resize = <T extends Int32Array | Uint16Array | Uint8Array | Uint32Array | Float64Array>(old: T, factor = 1): T => {
      const next = new (old.constructor as new (n: number) => T)(this.capacity * factor);
      next.set(old);
      return next;
    };
    this.hour = resize(this.hour);
    this.model = resize(this.model);
    this.flags = resize(this.flags);
    this.alive = resize(this.alive);
    this.file = resize(this.file);
    this.tokens = resize(this.tokens, 6);
  }

  private write(index: number, fileId: number, batch: ParsedBatch, row: number): void {
    const name = batch.models[batch.model[row]!]!;
    let m = this.modelIndex.get(name);
    if (m === undefined) {
      m = this.models.push(name) - 1;
      this.modelIndex.set(name, m);
    }
    this.hour[index] = batch.hour[row]!;
    this.model[index] = m;
    this.flags[index] = batch.flags[row]!;
    this.file[index] = fileId;
    this.tokens.set(batch.tokens.subarray(row * 6, row * 6 + 6), index * 6);
    this.keys[index] = batch.keys[row] ?? undefined;
  }

  private append(fileId: number, batch: ParsedBatch, row: number, alive: boolean): number {
    const index = this.free.pop() ?? this.size++;
    if (index >= this.capacity) this.grow();
    this.write(index, fileId, batch, row);
    this.alive[index] = alive ? 1 : 0;
    let list = this.byFile.get(fileId);
    if (!list) this.byFile.set(fileId, (list = []));
    list.push(index);
    return index;
  }

  private total(index: number): number {
    const t = index * 6;
    return this.tokens[t]! + this.tokens[t + 1]! + this.tokens[t + 2]! + this.tokens[t + 3]! + this.tokens[t + 4]!;
  }

  private summary(index: number) {
    return {
      sidechain: (this.flags[index]! & SIDECHAIN) !== 0,
      total: this.total(index),
      fast: (this.flags[index]! & FAST) !== 0,
    };
  }

  private static rowSummary(batch: ParsedBatch, row: number) {
    const t = row * 6;
    const total = batch.tokens[t]! + batch.tokens[t + 1]! + batch.tokens[t + 2]! + batch.tokens[t + 3]! + batch.tokens[t + 4]!;
    return { sidechain: (batch.flags[row]! & SIDECHAIN) !== 0, total, fast: (batch.flags[row]! & FAST) !== 0 };
  }

  /** Adds what one read of a file produced; the file's own duplicates are already folded. */
  addBatch(fileId: number, batch: ParsedBatch): void {
    for (let row = 0; row < batch.count; row++) this.add(fileId, batch, row);
  }

  private add(fileId: number, batch: ParsedBatch, row: number): void {
    const key = batch.keys[row];
    if (key === null || key === undefined) {
      this.append(fileId, batch, row, true);
      return;
    }
    const holder = this.best.get(key);
    if (holder === undefined) {
      this.best.set(key, this.append(fileId, batch, row, true));
      return;
    }
    const better = beats(EntryStore.rowSummary(batch, row), this.summary(holder));
    if (this.file[holder] === fileId && !this.spread.has(key)) {
      // Streaming snapshots within one file (read in two refreshes): keep only the better one, in place.
      if (better) this.write(holder, fileId, batch, row);
      return;
    }
    let candidates = this.spread.get(key);
    if (!candidates) this.spread.set(key, (candidates = [holder]));
    const index = this.append(fileId, batch, row, better);
    candidates.push(index);
    if (better) {
      this.alive[holder] = 0;
      this.best.set(key, index);
    }
  }

  removeFile(fileId: number): void {
    const indices = this.byFile.get(fileId) ?? [];
    this.byFile.delete(fileId);
    for (const index of indices) {
      const key = this.keys[index];
      const wasAlive = this.alive[index] === 1;
      this.alive[index] = 0;
      this.keys[index] = undefined;
      this.free.push(index);
      if (key === undefined) continue;
      const candidates = this.spread.get(key);
      if (!candidates) {
        if (this.best.get(key) === index) this.best.delete(key);
        continue;
      }
      const remaining = candidates.filter((i) => i !== index);
      if (remaining.length === 0) {
        this.spread.delete(key);
        this.best.delete(key);
        continue;
      }
      this.spread.set(key, remaining);
      if (wasAlive) this.promote(key, remaining);
    }
  }

  private promote(key: string, candidates: number[]): void {
    let winner = candidates[0]!;
    for (const i of candidates.slice(1)) if (beats(this.summary(i), this.summary(winner))) winner = i;
    this.alive[winner] = 1;
    this.best.set(key, winner);
  }

  get requests(): number {
    return this.best.size;
  }

  /** Whether request i counts: a sidechain replay of a message already in the main chain does not. */
  private counts(i: number, mainChain: () => Set<string>): boolean {
    if (this.alive[i] !== 1) return false;
    if (!(this.flags[i]! & SIDECHAIN)) return true;
    const key = this.keys[i];
    return key === undefined || !mainChain().has(key.slice(0, key.indexOf(':')));
  }

  private lazyMainChain(): () => Set<string> {
    let ids: Set<string> | undefined;
    return () => (ids ??= this.mainChainMessages());
  }

  /** Every counted request, one object each (tests and diagnostics; the app uses usageRows). */
  *counted(): Generator<StoredRequest> {
    const mainChain = this.lazyMainChain();
    for (let i = 0; i < this.size; i++) {
      if (!this.counts(i, mainChain)) continue;
      const t = i * 6;
      yield {
        key: this.keys[i],
        hour: this.hour[i]!,
        model: this.models[this.model[i]!]!,
        sidechain: (this.flags[i]! & SIDECHAIN) !== 0,
        fast: (this.flags[i]! & FAST) !== 0,
        inputTokens: this.tokens[t]!,
        outputTokens: this.tokens[t + 1]!,
        cacheWrite5mTokens: this.tokens[t + 2]!,
        cacheWrite1hTokens: this.tokens[t + 3]!,
        cacheReadTokens: this.tokens[t + 4]!,
        webSearchRequests: this.tokens[t + 5]!,
      };
    }
  }

  /**
   * Counted requests summed per hour, model, speed and context window, straight from the columns.
   * Long context is judged per request (the only place the prompt size is known) and carried in
   * the row's context-window bucket, so summing requests never changes their price.
   */
  usageRows(rules: LongContextRules): UsageRow[] {
    const mainChain = this.lazyMainChain();
    const ruleCache = new Map<number, LongContextRule | null>();
    const sums = new Map<number, Float64Array>();
    for (let i = 0; i < this.size; i++) {
      if (!this.counts(i, mainChain)) continue;
      const t = i * 6;
      const hour = this.hour[i]!;
      const model = this.model[i]!;
      const ruleKey = Math.floor(hour / 24) * 65536 + model;
      let rule = ruleCache.get(ruleKey);
      if (rule === undefined) {
        rule = rules(this.models[model]!, new Date(hour * HOUR_MS).toISOString().slice(0, 10)) ?? null;
        ruleCache.set(ruleKey, rule);
      }
      const prompt = this.tokens[t]! + this.tokens[t + 2]! + this.tokens[t + 3]! + this.tokens[t + 4]!;
      const long = rule !== null && prompt > rule.thresholdTokens && prompt + this.tokens[t + 1]! <= rule.contextWindowTokens;
      const key = ((hour * 65536 + model) * 2 + (this.flags[i]! & FAST ? 1 : 0)) * 2 + (long ? 1 : 0);
      let row = sums.get(key);
      if (!row) sums.set(key, (row = new Float64Array(6)));
      for (let k = 0; k < 6; k++) row[k]! += this.tokens[t + k]!;
    }
    return [...sums].map(([key, row]) => {
      const long = key % 2 === 1;
      const fast = Math.floor(key / 2) % 2 === 1;
      const hourModel = Math.floor(key / 4);
      return {
        start: new Date(Math.floor(hourModel / 65536) * HOUR_MS).toISOString(),
        source: 'claude-code',
        model: this.models[hourModel % 65536]!,
        speed: fast ? 'fast' : undefined,
        contextWindow: long ? '200k-1M' : '0-200k',
        inputTokens: row[0]!,
        outputTokens: row[1]!,
        cacheWrite5mTokens: row[2]!,
        cacheWrite1hTokens: row[3]!,
        cacheReadTokens: row[4]!,
        webSearchRequests: row[5]!,
      } satisfies UsageRow;
    });
  }

  private mainChainMessages(): Set<string> {
    const ids = new Set<string>();
    for (let i = 0; i < this.size; i++) {
      const key = this.keys[i];
      if (this.alive[i] === 1 && key !== undefined && !(this.flags[i]! & SIDECHAIN)) ids.add(key.slice(0, key.indexOf(':')));
    }
    return ids;
  }
}
