/**
 * Deduplicated Claude Code requests in compact columns (typed arrays, 80 bytes a request and no
 * object per request), so a gigabyte of logs fits in a menu-bar app's memory. One message id +
 * request id is one request, globally: Claude Code writes a line per content block, each
 * repeating the usage so far, and copies lines into resumed sessions. Ids are kept as hashes
 * (id-hash.ts). Losing candidates from other files are kept (not counted), so a truncated,
 * replaced or deleted file gives its requests back to the files that also hold them.
 */
import type { TokenCounts, UsageRow } from '../../engine/usage-row.ts';
import { cellIsFast, cellIsLong, cellOf, CELLS_PER_MODEL, countsAt, promptAt, TOKEN_SLOTS } from '../../engine/token-slots.ts';
import { beats, type ParsedBatch } from './parsed-batch.ts';
import { hexOf } from './id-hash.ts';
import { IdTable } from './id-table.ts';
import {
  ALIVE,
  candidateAt,
  FAST,
  FREE,
  HAS_KEY,
  ID_WORDS,
  idsAt,
  MESSAGE_ID_WORDS,
  outputAt,
  SIDECHAIN,
  tokensAt,
} from './request-columns.ts';

const HOUR_MS = 3_600_000;

/** The store's columns, trimmed to the entries in use: what the saved scan state holds. */
export interface StoreColumns {
  readonly count: number;
  readonly models: readonly string[];
  /** Each exactly count (× width) long. */
  readonly hour: Int32Array<ArrayBuffer>;
  readonly model: Uint32Array<ArrayBuffer>;
  readonly flags: Uint8Array<ArrayBuffer>;
  readonly file: Uint32Array<ArrayBuffer>;
  readonly tokens: Float64Array<ArrayBuffer>;
  readonly ids: Uint32Array<ArrayBuffer>;
}

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
  /** 32 bits: more than 65,535 model names must not wrap onto another model. */
  private model = new Uint32Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  private file = new Uint32Array(this.capacity);
  /** TOKEN_SLOTS numbers per request (token-slots.ts). */
  private tokens = new Float64Array(this.capacity * TOKEN_SLOTS);
  /** ID_WORDS per request, as in ParsedBatch. */
  private ids = new Uint32Array(this.capacity * ID_WORDS);
  private readonly models: string[] = [];
  private readonly modelIndex = new Map<string, number>();
  /** The winning candidate for each message id + request id. */
  private readonly best = new IdTable(ID_WORDS, ID_WORDS);
  /**
   * Requests with candidates in several files (resumed sessions), by the index of any one of
   * them, with every candidate. Rare, so a plain map.
   */
  private readonly spread = new Map<number, number[]>();
  private readonly spreadOf = new IdTable(ID_WORDS, ID_WORDS);
  private free: number[] = [];

  /** The columns as they are now: views, valid until the store next changes (a save is synchronous). */
  toColumns(): StoreColumns {
    const n = this.size;
    return {
      count: n,
      models: this.models,
      hour: this.hour.subarray(0, n),
      model: this.model.subarray(0, n),
      flags: this.flags.subarray(0, n),
      file: this.file.subarray(0, n),
      tokens: this.tokens.subarray(0, tokensAt(n)),
      ids: this.ids.subarray(0, idsAt(n)),
    };
  }

  /**
   * A store from saved columns. The lookup tables are not saved: they follow from the columns
   * (entries sharing an id are one request's candidates; the ALIVE one is its winner).
   */
  static fromColumns(c: StoreColumns): EntryStore {
    const store = new EntryStore();
    store.size = c.count;
    if (c.count > 0) {
      // The loaded columns are taken as they are (no second copy of a large state); the first
      // request added grows them as usual.
      store.capacity = c.count;
      store.hour = c.hour;
      store.model = c.model;
      store.flags = c.flags;
      store.file = c.file;
      store.tokens = c.tokens;
      store.ids = c.ids;
    }
    c.models.forEach((name) => store.modelNumber(name));
    store.best.reserve(c.count);
    for (let i = 0; i < c.count; i++) {
      const flags = store.flags[i]!;
      if (flags & FREE) store.free.push(i);
      else if (flags & HAS_KEY) store.relink(i);
    }
    return store;
  }

  /** Puts a loaded entry back in the lookup tables. */
  private relink(index: number): void {
    const at = idsAt(index);
    const holder = this.best.get(this.ids, at, this.ids);
    if (holder === -1) {
      this.best.set(index, this.ids);
      return;
    }
    const group = this.spreadOf.get(this.ids, at, this.ids);
    let candidates = this.spread.get(group);
    if (!candidates) {
      this.spread.set(holder, (candidates = [holder]));
      this.spreadOf.set(holder, this.ids);
    }
    candidates.push(index);
    if (this.flags[index]! & ALIVE) this.best.set(index, this.ids);
  }

  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.5);
    const resize = <T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(old: T, factor = 1): T => {
      const next = new (old.constructor as new (n: number) => T)(this.capacity * factor);
      next.set(old);
      return next;
    };
    this.hour = resize(this.hour);
    this.model = resize(this.model);
    this.flags = resize(this.flags);
    this.file = resize(this.file);
    this.tokens = resize(this.tokens, TOKEN_SLOTS);
    this.ids = resize(this.ids, ID_WORDS);
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
    this.tokens.set(batch.tokens.subarray(tokensAt(row), tokensAt(row + 1)), tokensAt(index));
    this.ids.set(batch.ids.subarray(idsAt(row), idsAt(row + 1)), idsAt(index));
  }

  private append(fileId: number, batch: ParsedBatch, row: number, alive: boolean): number {
    const index = this.free.pop() ?? this.size++;
    if (index >= this.capacity) this.grow();
    this.write(index, fileId, batch, row, alive);
    return index;
  }

  private stored(index: number) {
    return candidateAt(this.tokens, index, this.flags[index]!);
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
    const holder = this.best.get(batch.ids, idsAt(row), this.ids);
    if (holder === -1) {
      this.best.set(this.append(fileId, batch, row, true), this.ids);
      return;
    }
    const incoming = candidateAt(batch.tokens, row, batch.flags[row]!);
    const better = beats(incoming, this.stored(holder));
    const group = this.spreadOf.get(this.ids, idsAt(holder), this.ids);
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
      const at = idsAt(index);
      const group = this.spreadOf.get(this.ids, at, this.ids);
      if (group === -1) {
        if (this.best.get(this.ids, at, this.ids) === index) this.best.delete(this.ids, at, this.ids);
        continue;
      }
      const remaining = this.spread.get(group)!.filter((i) => i !== index);
      this.spread.delete(group);
      if (remaining.length === 0) {
        this.spreadOf.delete(this.ids, at, this.ids);
        this.best.delete(this.ids, at, this.ids);
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
    const sidechainMessages = new IdTable(ID_WORDS, MESSAGE_ID_WORDS);
    // A bitmap of the sidechain messages' hashes lets most main-chain requests skip the lookup.
    const maybeSidechain = new Uint8Array(1 << 17);
    const bit = (i: number) => this.ids[idsAt(i) + 1]! & 0xfffff;
    const isSidechainWithKey = (flags: number) => (flags & (ALIVE | HAS_KEY | SIDECHAIN)) === (ALIVE | HAS_KEY | SIDECHAIN);
    for (let i = 0; i < this.size; i++) {
      if (!isSidechainWithKey(this.flags[i]!)) continue;
      // Sidechain rows of one message under several request ids are replays too: the best counts.
      const held = sidechainMessages.get(this.ids, idsAt(i), this.ids);
      if (held === -1 || beats(this.stored(i), this.stored(held))) sidechainMessages.set(i, this.ids);
      maybeSidechain[bit(i) >> 3]! |= 1 << (bit(i) & 7);
    }
    const replayed = new Set<number>();
    if (sidechainMessages.size > 0) {
      for (let i = 0; i < this.size; i++) {
        if ((this.flags[i]! & (ALIVE | HAS_KEY | SIDECHAIN)) !== (ALIVE | HAS_KEY)) continue;
        if (!(maybeSidechain[bit(i) >> 3]! & (1 << (bit(i) & 7)))) continue;
        const sidechain = sidechainMessages.get(this.ids, idsAt(i), this.ids);
        if (sidechain !== -1) replayed.add(sidechain);
      }
    }
    return (i) => {
      const flags = this.flags[i]!;
      if (!(flags & ALIVE)) return false;
      if (!isSidechainWithKey(flags)) return true;
      const counted = sidechainMessages.get(this.ids, idsAt(i), this.ids);
      return counted === i && !replayed.has(counted);
    };
  }

  /** Every counted request, one object each (tests and diagnostics; the app uses usageRows). */
  *counted(): Generator<StoredRequest> {
    const counts = this.countedFilter();
    for (let i = 0; i < this.size; i++) {
      if (!counts(i)) continue;
      yield {
        messageHash: this.flags[i]! & HAS_KEY ? hexOf(this.ids, idsAt(i)) : undefined,
        hour: this.hour[i]!,
        model: this.models[this.model[i]!]!,
        sidechain: (this.flags[i]! & SIDECHAIN) !== 0,
        fast: (this.flags[i]! & FAST) !== 0,
        ...countsAt(this.tokens, tokensAt(i)),
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
    // Per hour, each model's cells (token-slots.ts), allocated for the models the hour has: a
    // sparse array, so thousands of model names cost only the ones used. Per day, each model's
    // long-context rule. Requests come in file order, one hour after another, so both are looked
    // up once per run of requests rather than once per request.
    const hours = new Map<number, Array<Float64Array | undefined>>();
    const rulesByDay = new Map<number, Array<LongContextRule | null | undefined>>();
    let lastHour = NaN;
    let blocks: Array<Float64Array | undefined> = [];
    let dayRules: Array<LongContextRule | null | undefined> = [];
    for (let i = 0; i < this.size; i++) {
      if (!counts(i)) continue;
      const t = tokensAt(i);
      const hour = this.hour[i]!;
      const model = this.model[i]!;
      if (hour !== lastHour) {
        lastHour = hour;
        blocks = hours.get(hour) ?? [];
        hours.set(hour, blocks);
        const day = Math.floor(hour / 24);
        dayRules = rulesByDay.get(day) ?? [];
        rulesByDay.set(day, dayRules);
      }
      let rule = dayRules[model];
      if (rule === undefined) {
        rule = rules(this.models[model]!, new Date(hour * HOUR_MS).toISOString().slice(0, 10)) ?? null;
        dayRules[model] = rule;
      }
      const prompt = promptAt(this.tokens, t);
      const long =
        rule !== null && prompt > rule.thresholdTokens && prompt + outputAt(this.tokens, i) <= rule.contextWindowTokens;
      let block = blocks[model];
      if (!block) blocks[model] = block = new Float64Array(CELLS_PER_MODEL * TOKEN_SLOTS);
      const cell = cellOf((this.flags[i]! & FAST) !== 0, long) * TOKEN_SLOTS;
      for (let k = 0; k < TOKEN_SLOTS; k++) block[cell + k]! += this.tokens[t + k]!;
    }
    const rows: UsageRow[] = [];
    for (const [hour, hourBlocks] of hours) {
      const start = new Date(hour * HOUR_MS).toISOString();
      // forEach passes over the holes of the sparse array.
      hourBlocks.forEach((block, model) => {
        if (!block) return;
        for (let cell = 0; cell < CELLS_PER_MODEL; cell++) {
          const at = cell * TOKEN_SLOTS;
          if (block.subarray(at, at + TOKEN_SLOTS).every((v) => v === 0)) continue;
          rows.push({
            start,
            source: 'claude-code',
            model: this.models[model]!,
            speed: cellIsFast(cell) ? 'fast' : undefined,
            contextWindow: cellIsLong(cell) ? '200k-1M' : '0-200k',
            ...countsAt(block, at),
          });
        }
      });
    }
    return rows;
  }
}
