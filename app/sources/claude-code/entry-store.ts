/**
 * Deduplicated Claude Code requests in compact columns (typed arrays, 80 bytes a request and no
 * object per request), so a gigabyte of logs fits in a menu-bar app's memory. One message id +
 * request id is one request, globally: Claude Code writes a line per content block, each
 * repeating the usage so far, and copies lines into resumed sessions. Ids are kept as hashes
 * (id-hash.ts). Losing candidates from other files are kept (not counted), so a truncated,
 * replaced or deleted file gives its requests back to the files that also hold them.
 */
import type { TokenCounts, UsageRow } from '../../engine/usage-row.ts';
import { beats, FAST, HAS_KEY, SIDECHAIN, type ParsedBatch } from './parsed-batch.ts';
import { hexOf } from './id-hash.ts';
import { IdTable } from './id-table.ts';

const HOUR_MS = 3_600_000;
/** In the flags column, beside SIDECHAIN, FAST and HAS_KEY: this candidate is its request's winner. */
const ALIVE = 8;
/** A slot freed by a removed file, to be reused. */
const FREE = 16;

/** The long-context rule of a model on a day: above threshold, the whole request costs more. */
export interface LongContextRule {
  readonly thresholdTokens: number;
  readonly contextWindowTokens: number;
}

export type LongContextRules = (model: string, day: string) => LongContextRule | undefined;

export interface StoredRequest extends TokenCounts {
  /** The hash of the message id (16 hex digits), when the line had one. */
  readonly messageHash: string | undefined;
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
  private file = new Uint32Array(this.capacity);
  /** input, output, write5m, write1h, read, webSearch — six numbers per request. */
  private tokens = new Float64Array(this.capacity * 6);
  /** Message id hash (2 words) then request id hash (2 words), as in ParsedBatch. */
  private ids = new Uint32Array(this.capacity * 4);
  private readonly models: string[] = [];
  private readonly modelIndex = new Map<string, number>();
  /** The winning candidate for each message id + request id. */
  private readonly best = new IdTable(4, 4);
  /**
   * Requests with candidates in several files (resumed sessions), by the index of any one of
   * them, with every candidate. Rare, so a plain map.
   */
  private readonly spread = new Map<number, number[]>();
  private readonly spreadOf = new IdTable(4, 4);
  private free: number[] = [];

  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.5);
    const resize = <T extends Int32Array | Uint16Array | Uint8Array | Uint32Array | Float64Array>(old: T, factor = 1): T => {
      const next = new (old.constructor as new (n: number) => T)(this.capacity * factor);
      next.set(old);
      return next;
    };
    this.hour = resize(this.hour);
    this.model = resize(this.model);
    this.flags = resize(this.flags);
    this.file = resize(this.file);
    this.tokens = resize(this.tokens, 6);
    this.ids = resize(this.ids, 4);
  }

  private modelNumber(name: string): number {
    let m = this.modelIndex.get(name);
    if (m === undefined) {
      m = this.models.push(name) - 1;
      this.modelIndex.set(name, m);
    }
    return m;
  }

  private write(index: number, fileId: number, batch: ParsedBatch, row: number, alive: boolean): void {
    this.hour[index] = batch.hour[row]!;
    this.model[index] = this.modelNumber(batch.models[batch.model[row]!]!);
    this.flags[index] = batch.flags[row]! | (alive ? ALIVE : 0);
    this.file[index] = fileId;
    this.tokens.set(batch.tokens.subarray(row * 6, row * 6 + 6), index * 6);
    this.ids.set(batch.ids.subarray(row * 4, row * 4 + 4), index * 4);
  }

  private append(fileId: number, batch: ParsedBatch, row: number, alive: boolean): number {
    const index = this.free.pop() ?? this.size++;
    if (index >= this.capacity) this.grow();
    this.write(index, fileId, batch, row, alive);
    return index;
  }

  private summary(tokens: Float64Array, at: number, flags: number) {
    const t = at * 6;
    return {
      sidechain: (flags & SIDECHAIN) !== 0,
      total: tokens[t]! + tokens[t + 1]! + tokens[t + 2]! + tokens[t + 3]! + tokens[t + 4]!,
      fast: (flags & FAST) !== 0,
    };
  }

  private stored(index: number) {
    return this.summary(this.tokens, index, this.flags[index]!);
  }

  /** Adds what one read of a file produced; the file's own duplicates are already folded. */
  addBatch(fileId: number, batch: ParsedBatch): void {
    for (let row = 0; row < batch.count; row++) this.add(fileId, batch, row);
  }

  private add(fileId: number, batch: ParsedBatch, row: number): void {
    if (!(batch.flags[row]! & HAS_KEY)) {
      this.append(fileId, batch, row, true);
      return;
    }
    const holder = this.best.get(batch.ids, row * 4, this.ids);
    if (holder === -1) {
      this.best.set(this.append(fileId, batch, row, true), this.ids);
      return;
    }
    const incoming = this.summary(batch.tokens, row, batch.flags[row]!);
    const better = beats(incoming, this.stored(holder));
    const group = this.spreadOf.get(this.ids, holder * 4, this.ids);
    if (this.file[holder] === fileId && group === -1) {
      // Streaming snapshots within one file (read in two refreshes): the later one replaces the
      // earlier in place unless the earlier is strictly better, as within one read (parsed-batch.ts).
      if (!beats(this.stored(holder), incoming)) this.write(holder, fileId, batch, row, true);
      return;
    }
    let candidates = this.spread.get(group);
    if (!candidates) {
      this.spread.set(holder, (candidates = [holder]));
      this.spreadOf.set(holder, this.ids);
    }
    const index = this.append(fileId, batch, row, better);
    candidates.push(index);
    if (better) {
      this.flags[holder]! &= ~ALIVE;
      this.best.set(index, this.ids);
    }
  }

  /** Forgets files' requests; a request one of them won falls to its best candidate in another file. */
  removeFiles(fileIds: ReadonlySet<number>): void {
    if (fileIds.size === 0) return;
    for (let index = 0; index < this.size; index++) {
      if (!fileIds.has(this.file[index]!) || this.flags[index]! & FREE) continue;
      const wasAlive = (this.flags[index]! & ALIVE) !== 0;
      const hasKey = (this.flags[index]! & HAS_KEY) !== 0;
      this.flags[index] = FREE;
      this.free.push(index);
      if (!hasKey) continue;
      // The freed entry keeps its ids until reused, so the tables can still find what points to it.
      const group = this.spreadOf.get(this.ids, index * 4, this.ids);
      if (group === -1) {
        if (this.best.get(this.ids, index * 4, this.ids) === index) this.best.delete(this.ids, index * 4, this.ids);
        continue;
      }
      const remaining = this.spread.get(group)!.filter((i) => i !== index);
      this.spread.delete(group);
      if (remaining.length === 0) {
        this.spreadOf.delete(this.ids, index * 4, this.ids);
        this.best.delete(this.ids, index * 4, this.ids);
        continue;
      }
      this.spread.set(remaining[0]!, remaining);
      this.spreadOf.set(remaining[0]!, this.ids);
      if (wasAlive) this.promote(remaining);
    }
  }

  private promote(candidates: number[]): void {
    let winner = candidates[0]!;
    for (const i of candidates.slice(1)) if (beats(this.stored(i), this.stored(winner))) winner = i;
    this.flags[winner]! |= ALIVE;
    this.best.set(winner, this.ids);
  }

  get requests(): number {
    let count = 0;
    for (let i = 0; i < this.size; i++) if (this.flags[i]! & ALIVE) count++;
    return count;
  }

  /**
   * Which requests count: alive ones, except sidechain replays — of a message already in the
   * main chain, or of another sidechain row of the same message under a new request id. Sidechain
   * requests are few, so their message ids are indexed (not the main chain's): one pass over the
   * main chain marks the ones it replays.
   */
  private countedFilter(): (i: number) => boolean {
    const sidechainMessages = new IdTable(4, 2);
    // A bitmap of the sidechain messages' hashes lets most main-chain requests skip the lookup.
    const maybeSidechain = new Uint8Array(1 << 17);
    const bit = (i: number) => this.ids[i * 4 + 1]! & 0xfffff;
    const isSidechainWithKey = (flags: number) => (flags & (ALIVE | HAS_KEY | SIDECHAIN)) === (ALIVE | HAS_KEY | SIDECHAIN);
    for (let i = 0; i < this.size; i++) {
      if (!isSidechainWithKey(this.flags[i]!)) continue;
      // Sidechain rows of one message under several request ids are replays too: the best counts.
      const held = sidechainMessages.get(this.ids, i * 4, this.ids);
      if (held === -1 || beats(this.stored(i), this.stored(held))) sidechainMessages.set(i, this.ids);
      maybeSidechain[bit(i) >> 3]! |= 1 << (bit(i) & 7);
    }
    const replayed = new Set<number>();
    if (sidechainMessages.size > 0) {
      for (let i = 0; i < this.size; i++) {
        if ((this.flags[i]! & (ALIVE | HAS_KEY | SIDECHAIN)) !== (ALIVE | HAS_KEY)) continue;
        if (!(maybeSidechain[bit(i) >> 3]! & (1 << (bit(i) & 7)))) continue;
        const sidechain = sidechainMessages.get(this.ids, i * 4, this.ids);
        if (sidechain !== -1) replayed.add(sidechain);
      }
    }
    return (i) => {
      const flags = this.flags[i]!;
      if (!(flags & ALIVE)) return false;
      if (!isSidechainWithKey(flags)) return true;
      const counted = sidechainMessages.get(this.ids, i * 4, this.ids);
      return counted === i && !replayed.has(counted);
    };
  }

  /** Every counted request, one object each (tests and diagnostics; the app uses usageRows). */
  *counted(): Generator<StoredRequest> {
    const counts = this.countedFilter();
    for (let i = 0; i < this.size; i++) {
      if (!counts(i)) continue;
      const t = i * 6;
      yield {
        messageHash: this.flags[i]! & HAS_KEY ? hexOf(this.ids, i * 4) : undefined,
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
    const counts = this.countedFilter();
    const cellsPerHour = this.models.length * 4;
    // Per hour, six sums per model × speed × context window; per day, each model's long-context
    // rule. Requests come in file order, one hour after another, so both are looked up once per
    // run of requests rather than once per request.
    const hours = new Map<number, Float64Array>();
    const rulesByDay = new Map<number, Array<LongContextRule | null | undefined>>();
    let lastHour = NaN;
    let cells: Float64Array = new Float64Array(0);
    let dayRules: Array<LongContextRule | null | undefined> = [];
    for (let i = 0; i < this.size; i++) {
      if (!counts(i)) continue;
      const t = i * 6;
      const hour = this.hour[i]!;
      const model = this.model[i]!;
      if (hour !== lastHour) {
        lastHour = hour;
        cells = hours.get(hour) ?? new Float64Array(cellsPerHour * 6);
        hours.set(hour, cells);
        const day = Math.floor(hour / 24);
        dayRules = rulesByDay.get(day) ?? [];
        rulesByDay.set(day, dayRules);
      }
      let rule = dayRules[model];
      if (rule === undefined) {
        rule = rules(this.models[model]!, new Date(hour * HOUR_MS).toISOString().slice(0, 10)) ?? null;
        dayRules[model] = rule;
      }
      const prompt = this.tokens[t]! + this.tokens[t + 2]! + this.tokens[t + 3]! + this.tokens[t + 4]!;
      const long = rule !== null && prompt > rule.thresholdTokens && prompt + this.tokens[t + 1]! <= rule.contextWindowTokens;
      const cell = (model * 4 + (this.flags[i]! & FAST ? 2 : 0) + (long ? 1 : 0)) * 6;
      for (let k = 0; k < 6; k++) cells[cell + k]! += this.tokens[t + k]!;
    }
    const rows: UsageRow[] = [];
    for (const [hour, sums] of hours) {
      const start = new Date(hour * HOUR_MS).toISOString();
      for (let cell = 0; cell < cellsPerHour; cell++) {
        const at = cell * 6;
        if (sums.subarray(at, at + 6).every((v) => v === 0)) continue;
        rows.push({
          start,
          source: 'claude-code',
          model: this.models[cell >> 2]!,
          speed: cell & 2 ? 'fast' : undefined,
          contextWindow: cell & 1 ? '200k-1M' : '0-200k',
          inputTokens: sums[at]!,
          outputTokens: sums[at + 1]!,
          cacheWrite5mTokens: sums[at + 2]!,
          cacheWrite1hTokens: sums[at + 3]!,
          cacheReadTokens: sums[at + 4]!,
          webSearchRequests: sums[at + 5]!,
        });
      }
    }
    return rows;
  }
}
