/**
 * mulberry32: a small, fast, seedable generator of uniform numbers in [0, 1). The engine draws with
 * it where a figure must come out the same on every view (forecast-intermittent.ts); the tests and
 * benchmarks make their data with it so it is the same on every run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
