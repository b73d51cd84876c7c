/** The engine's seeded PRNG (mulberry32), so generated data is the same on every run. */
export { seededRandom } from '../../app/engine/seeded-random.ts';

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
