/** Deterministic noise: the same (seed, coordinates) always gives the same number, in any order. */

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A number in [0, 1) from a seed and integer coordinates. */
export function noise(seed: number, ...coordinates: number[]): number {
  let h = mix(seed ^ 0x9e3779b9);
  for (const c of coordinates) h = mix(h ^ Math.imul(c | 0, 0x27d4eb2d));
  return h / 4294967296;
}
