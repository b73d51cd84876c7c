/** Splits an exact amount over weights so the parts add up to the amount exactly (largest remainder). */
export function distribute(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) return distribute(-total, weights).map((part) => -part);
  const sum = weights.reduce((a, b) => a + (b > 0n ? b : 0n), 0n);
  if (weights.length === 0) return [];
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0n));
  const parts = weights.map((w) => (w > 0n ? (total * w) / sum : 0n));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ i, rest: w > 0n ? (total * w) % sum : -1n }))
    .sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}
