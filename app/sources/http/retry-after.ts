/**
 * Retry-After, read defensively. The header is delay-seconds or an HTTP-date (RFC 9110 §10.2.3);
 * OpenAI documents "integer seconds, ≥1". A server may still send 0, a negative number, 1e9 or a
 * date in the past, and setTimeout fires at once for any delay above 2^31-1 ms, so the time is
 * clamped to a window: never sooner than a floor, never later than a ceiling.
 */

/** Never retry sooner than this after a 429, whatever the header says (OpenAI: "≥1" second). */
export const RETRY_FLOOR_MS = 1_000;
/** A few hours: later than that, a provider is better asked again than waited for. */
export const RETRY_CEILING_MS = 6 * 3_600_000;

export function clampRetryAt(retryAt: number, now: number, floorMs = RETRY_FLOOR_MS): number {
  if (!Number.isFinite(retryAt)) return now + RETRY_CEILING_MS;
  return Math.min(Math.max(retryAt, now + floorMs), now + RETRY_CEILING_MS);
}

/** When to retry, as epoch ms within the window, or undefined when there is no usable header. */
export function retryAtFrom(header: string | null, now: number): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return clampRetryAt(now + Number(text) * 1000, now);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : clampRetryAt(date, now);
}
