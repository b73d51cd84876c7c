/** Checks on untrusted JSON: each names the path that was wrong, so the message can say so. */

export class ShapeError extends Error {}

export type Json = Record<string, unknown>;

export function asObject(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(`${path} is not an object`);
  return value as Json;
}

export function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${path} is not a list`);
  return value;
}

/** A token or request count: a whole number ≥ 0; absent or null counts as 0. */
export function asCount(value: unknown, path: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new ShapeError(`${path} is not a whole number ≥ 0`);
  return value;
}

export function asOptionalString(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ShapeError(`${path} is not a string`);
  return value;
}

export function asTime(value: unknown, path: string): number {
  if (typeof value === 'string') {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return time;
  }
  throw new ShapeError(`${path} is not a timestamp`);
}

export function asBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(`${path} is not true or false`);
  return value;
}
