/** Statistics that a single spike day cannot drag around: medians, MAD, Theil–Sen slope. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation scaled to a normal standard deviation. */
export function robustSpread(values: readonly number[]): number {
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

/** The median of all pairwise slopes: a trend that ignores outliers. */
export function theilSenSlope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = xs[j]! - xs[i]!;
      if (dx !== 0) slopes.push((ys[j]! - ys[i]!) / dx);
    }
  }
  return slopes.length ? median(slopes) : 0;
}

/** Mean of the values left after dropping the top and bottom fifth: efficient, and blind to one spike. */
export function trimmedMean(values: readonly number[], trim = 0.2): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * trim);
  const kept = sorted.slice(cut, sorted.length - cut);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample variance (n − 1); 0 for fewer than two values. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
}

/** Ordinary least squares y = a + b·x, with the slope's standard error and the residual spread. */
export function leastSquares(
  xs: readonly number[],
  ys: readonly number[],
): { a: number; b: number; slopeError: number; residual: number } {
  const n = xs.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  const a = my - b * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i]! - a - b * xs[i]!) ** 2;
  const residual = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  return { a, b, slopeError: sxx > 0 ? residual / Math.sqrt(sxx) : Infinity, residual };
}

/**
 * The weighted count, mean and sum of squared deviations of any run ys[from, to), from prefix sums
 * built once (weights default to 1): split searches ask for hundreds of runs of the same days.
 */
export function segments(
  ys: readonly number[],
  ws?: readonly number[],
): (from: number, to: number) => { count: number; mean: number; sse: number } {
  const count = [0];
  const sum = [0];
  const squares = [0];
  ys.forEach((y, i) => {
    const w = ws?.[i] ?? 1;
    count.push(count[count.length - 1]! + w);
    sum.push(sum[sum.length - 1]! + w * y);
    squares.push(squares[squares.length - 1]! + w * y * y);
  });
  return (from, to) => {
    const n = count[to]! - count[from]!;
    const s = sum[to]! - sum[from]!;
    return { count: n, mean: s / n, sse: Math.max(0, squares[to]! - squares[from]! - (s * s) / n) };
  };
}
