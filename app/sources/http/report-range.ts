/**
 * The range a report request asked for, read back from its own query parameters (Anthropic:
 * starting_at/ending_at RFC 3339; OpenAI: start_time/end_time Unix seconds), so pagination knows how
 * many buckets it can hold and which buckets of a response belong to it.
 */
import { asTime, ShapeError, type Json } from './json-shape.ts';

const WIDTH_MS: Record<string, number> = { '1m': 60_000, '1h': 3_600_000, '1d': 86_400_000 };

export interface AskedRange {
  /** How many buckets the range holds: no honest server needs more pages than this (+1). */
  readonly buckets: number;
  /** Whether a bucket starting at this time lies in the range. */
  holds(start: number): boolean;
}

function param(params: ReadonlyArray<[string, string]>, name: string): string | undefined {
  return params.find(([key]) => key === name)?.[1];
}

function timeParam(params: ReadonlyArray<[string, string]>, iso: string, unix: string): number | undefined {
  const text = param(params, iso);
  if (text !== undefined) return Date.parse(text);
  const seconds = param(params, unix);
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}

export function rangeOf(params: ReadonlyArray<[string, string]>, now: number): AskedRange {
  const width = WIDTH_MS[param(params, 'bucket_width') ?? '1d'] ?? WIDTH_MS['1d']!;
  // Providers snap the start to the bucket width ("snapped to the start of the minute/hour/day in UTC").
  const from = Math.floor((timeParam(params, 'starting_at', 'start_time') ?? 0) / width) * width;
  // With no end, the report runs to the bucket in progress, by the later of the two clocks we know.
  const to = timeParam(params, 'ending_at', 'end_time') ?? Math.max(now, Date.now()) + width;
  return {
    buckets: Math.max(1, Math.ceil((to - from) / width)),
    holds: (start) => start >= from && start < to,
  };
}

/** A bucket's start: Anthropic's starting_at (RFC 3339), OpenAI's start_time (Unix seconds). */
export function bucketStartOf(provider: 'Anthropic' | 'OpenAI'): (bucket: unknown, path: string) => number {
  return (bucket, path) => {
    if (typeof bucket !== 'object' || bucket === null) throw new ShapeError(`${path} is not an object`);
    const record = bucket as Json;
    if (provider === 'Anthropic') return asTime(record.starting_at, `${path}.starting_at`);
    const seconds = record.start_time;
    const time = typeof seconds === 'number' ? seconds * 1000 : Number.NaN;
    // new Date(time) must be representable (±8.64e15 ms), or every later toISOString throws.
    if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) throw new ShapeError(`${path}.start_time is not a Unix time`);
    return time;
  };
}
