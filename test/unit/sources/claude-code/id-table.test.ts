/**
 * The typed hash table behind request deduplication, against a Map: random inserts, updates and
 * deletes (deletion moves entries back, the error-prone part), with ids crowded onto few home
 * slots so that probe chains are long and wrap around the end of the table. As in the store, the
 * table holds entry numbers and reads each entry's id from an id column.
 */
import { describe, expect, it } from 'vitest';
import { hashId, idHashHex } from '../../../../app/sources/claude-code/id-hash.ts';
import { IdTable } from '../../../../app/sources/claude-code/id-table.ts';
import { seededRandom } from '../../../helpers/random.ts';

describe('IdTable', () => {
  it.each([
    ['spread ids', 1 << 30],
    ['ids crowded onto 8 home slots', 8],
  ])('agrees with a Map through 50,000 random sets and deletes (%s)', (_name, spreadOver) => {
    const random = seededRandom(5);
    const table = new IdTable(4, 4);
    const reference = new Map<number, number>();
    // The id column: entry e holds the id of number idNumber[e]; ids are derived from numbers.
    const stored = new Uint32Array(60_000 * 4);
    const probe = new Uint32Array(4);
    const writeId = (out: Uint32Array, at: number, n: number) => out.set([n % spreadOver, n * 7919, n * 104729, 0], at);
    for (let step = 0; step < 50_000; step++) {
      const n = Math.floor(random() * 3_000);
      writeId(probe, 0, n);
      if (random() < 0.4) {
        table.delete(probe, 0, stored);
        reference.delete(n);
      } else {
        // A new entry (step) takes over the id, as a better candidate does in the store.
        writeId(stored, step * 4, n);
        table.set(step, stored);
        reference.set(n, step);
      }
      if (step % 997 === 0) {
        for (let m = 0; m < 3_000; m++) {
          writeId(probe, 0, m);
          expect(table.get(probe, 0, stored)).toBe(reference.get(m) ?? -1);
        }
      }
    }
    expect(table.size).toBe(reference.size);
  });

  it('hashes an id the same from a decoded string whatever path read it, and different ids differently', () => {
    const words = new Uint32Array(2);
    hashId('msg_01XFDUDYJgAACzvnptvVoYEL', words, 0);
    expect(idHashHex('msg_01XFDUDYJgAACzvnptvVoYEL')).toBe(
      words[0]!.toString(16).padStart(8, '0') + words[1]!.toString(16).padStart(8, '0'),
    );
    const seen = new Set<string>();
    for (let n = 0; n < 200_000; n++) seen.add(idHashHex(`msg_${n.toString(36).padStart(10, '0')}`));
    expect(seen.size).toBe(200_000);
  });
});
