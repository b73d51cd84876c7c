/**
 * "New key spending": an API key with no spend in the 30 days before an hour that spends more than
 * a threshold in that one hour. It is the earliest sign of a leaked key (a key nobody used before,
 * suddenly busy), which a total-spend spike can miss in a large organization.
 *
 * On a first sync the history is not there yet, and every key would look new: a source is judged
 * only for hours with 30 days of key-recorded history before them (its first key-recorded hour at
 * least 30 days earlier). Only the last week's hours are looked at, so an old burst is not news.
 */
import type { Femto } from './money.ts';
import type { SpendCell } from './spend-series.ts';
import type { SourceKey } from './view-types.ts';

const HOUR = 3_600_000;
export const NEW_KEY_QUIET_MS = 30 * 24 * HOUR;
export const NEW_KEY_LOOKBACK_MS = 7 * 24 * HOUR;
/** Default threshold: $5 in one hour, well above a developer's key and well below a leaked key's burn. */
export const DEFAULT_NEW_KEY_HOURLY_USD = '5';

export interface NewKeySpend {
  readonly source: SourceKey;
  readonly keyId: string;
  /** The first hour over the threshold (epoch ms) and what the key spent in it. */
  readonly hour: number;
  readonly femto: Femto;
}

/** Per source and key (`source|key`), per hour: the spend of the keys `wanted` holds (cells of keys only; no-key usage is not a key). */
function hourlyByKey(
  cells: readonly SpendCell[],
  wanted: ReadonlyMap<SourceKey, ReadonlySet<string>>,
): Map<string, Map<number, Femto>> {
  const byKey = new Map<string, Map<number, Femto>>();
  for (const c of cells) {
    if (typeof c.apiKey !== 'string' || !wanted.get(c.source)?.has(c.apiKey)) continue;
    const id = `${c.source}|${c.apiKey}`;
    let hours = byKey.get(id);
    if (!hours) byKey.set(id, (hours = new Map<number, Femto>()));
    hours.set(c.hour, (hours.get(c.hour) ?? 0n) + c.femto);
  }
  return byKey;
}

/**
 * The keys that spent more than the threshold in some hour of the last week, per source: only they
 * can be news (an alert's hour is such an hour), so only their history is gathered. The period is
 * thousands of cells per key split, most of them keys that spend every day.
 */
function busyLastWeek(cells: readonly SpendCell[], now: number, thresholdFemto: Femto): Map<SourceKey, Set<string>> {
  const bySource = new Map<SourceKey, Map<string, Map<number, Femto>>>();
  for (const c of cells) {
    if (typeof c.apiKey !== 'string' || c.hour < now - NEW_KEY_LOOKBACK_MS || c.hour > now) continue;
    let keys = bySource.get(c.source);
    if (!keys) bySource.set(c.source, (keys = new Map()));
    let hours = keys.get(c.apiKey);
    if (!hours) keys.set(c.apiKey, (hours = new Map()));
    hours.set(c.hour, (hours.get(c.hour) ?? 0n) + c.femto);
  }
  const busy = new Map<SourceKey, Set<string>>();
  for (const [source, keys] of bySource)
    for (const [key, hours] of keys)
      for (const femto of hours.values())
        if (femto > thresholdFemto) {
          let set = busy.get(source);
          if (!set) busy.set(source, (set = new Set()));
          set.add(key);
          break;
        }
  return busy;
}

/** Some key spent more than the threshold in an hour of the last week: without one, newKeySpends finds none. */
export function anyBusyKey(cells: readonly SpendCell[], now: number, thresholdFemto: Femto): boolean {
  return busyLastWeek(cells, now, thresholdFemto).size > 0;
}

export function newKeySpends(cells: readonly SpendCell[], now: number, thresholdFemto: Femto): NewKeySpend[] {
  const busy = busyLastWeek(cells, now, thresholdFemto);
  if (busy.size === 0) return [];
  // Where each source's key-recorded history begins: no alert before 30 days of it.
  const recordedFrom = new Map<SourceKey, number>();
  for (const c of cells)
    if (c.apiKey !== undefined) {
      const from = recordedFrom.get(c.source);
      if (from === undefined || c.hour < from) recordedFrom.set(c.source, c.hour);
    }
  const found: NewKeySpend[] = [];
  for (const [id, hours] of hourlyByKey(cells, busy)) {
    const [source = '', keyId = ''] = [id.slice(0, id.indexOf('|')), id.slice(id.indexOf('|') + 1)];
    const spent = [...hours].filter(([, femto]) => femto > 0n).sort((a, b) => a[0] - b[0]);
    // The key's latest start after 30 quiet days: its first spend, or the first after such a gap.
    let start: number | undefined;
    let burst: [number, Femto] | undefined;
    spent.forEach(([hour, femto], i) => {
      const previous = i > 0 ? spent[i - 1]![0] : undefined;
      if (
        previous === undefined
          ? (recordedFrom.get(source) ?? Infinity) <= hour - NEW_KEY_QUIET_MS
          : hour - previous > NEW_KEY_QUIET_MS
      ) {
        start = hour;
        burst = undefined;
      } else if (previous === undefined) start = undefined;
      // A burst within a week of the key's start, and within the last week.
      if (start !== undefined && !burst && femto > thresholdFemto && hour - start <= NEW_KEY_LOOKBACK_MS) burst = [hour, femto];
    });
    if (!burst || burst[0] < now - NEW_KEY_LOOKBACK_MS || burst[0] > now) continue;
    const [hour, femto] = burst;
    found.push({ source, keyId, hour, femto });
  }
  return found.sort((a, b) => a.hour - b.hour);
}
