/**
 * A hash set of entries of a columnar store, looked up by id: each entry's id is a few 32-bit
 * words (already hashes) at entry × stride in the store's own id column, so the table holds only
 * entry numbers — 4 bytes a slot, no copy of the ids and no object per entry. Open addressing
 * with linear probing; deletion shifts the following entries back, so there are no tombstones
 * and lookups stay short after files are removed.
 */
export class IdTable {
  private mask = 15;
  /** entry + 1 per slot; 0 is an empty slot. */
  private slots = new Int32Array(16);
  private count = 0;

  /** ids are the words [entry × stride, entry × stride + width) of the store's id column. */
  constructor(
    private readonly stride: number,
    private readonly width: number,
  ) {}

  get size(): number {
    return this.count;
  }

  private home(words: Uint32Array, at: number): number {
    // The words are hashes already; the last one mixes in the first for ids that share a prefix.
    return (words[at + this.width - 1]! ^ Math.imul(words[at]!, 0x9e3779b1)) & this.mask;
  }

  /** The slot holding the id at words[at…], or the empty slot where it would go. */
  private find(words: Uint32Array, at: number, stored: Uint32Array): number {
    next: for (let slot = this.home(words, at); ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]! - 1;
      if (entry === -1) return slot;
      const base = entry * this.stride;
      for (let w = 0; w < this.width; w++) if (stored[base + w] !== words[at + w]) continue next;
      return slot;
    }
  }

  /** The entry whose id is at words[at…], or -1; `stored` is the store's id column. */
  get(words: Uint32Array, at: number, stored: Uint32Array): number {
    return this.slots[this.find(words, at, stored)]! - 1;
  }

  /** Makes `entry` the one found for its id (replacing an entry with the same id). */
  set(entry: number, stored: Uint32Array): void {
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.grow(stored);
    const slot = this.find(stored, entry * this.stride, stored);
    if (this.slots[slot] === 0) this.count++;
    this.slots[slot] = entry + 1;
  }

  delete(words: Uint32Array, at: number, stored: Uint32Array): void {
    let hole = this.find(words, at, stored);
    if (this.slots[hole] === 0) return;
    this.count--;
    this.slots[hole] = 0;
    // Move back every following entry that a lookup would no longer reach past the hole.
    for (let slot = (hole + 1) & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const home = this.home(stored, (this.slots[slot]! - 1) * this.stride);
      const reachable = hole <= slot ? home > hole && home <= slot : home > hole || home <= slot;
      if (reachable) continue;
      this.slots[hole] = this.slots[slot]!;
      this.slots[slot] = 0;
      hole = slot;
    }
  }

  /** Room for `entries` without growing (a table rebuilt from a saved store knows its size). */
  reserve(entries: number): void {
    if (this.count > 0) return;
    let slots = 16;
    while (entries * 4 > slots * 3) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
  }

  private grow(stored: Uint32Array): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    this.count = 0;
    for (const entry of old) if (entry !== 0) this.set(entry - 1, stored);
  }
}
