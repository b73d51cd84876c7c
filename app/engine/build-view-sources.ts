/** Step 6 of buildView: each source's state and spend, and the level the tray icon shows. */
import type { ViewInput } from './build-view-input.ts';
import { femtoToMicroUsd, femtoToUsdNumber, type Femto } from './money.ts';
import type { CellSums } from './cell-sums.ts';
import type { SourceKey, SourceView, ViewLevel } from './view-types.ts';

export function sourceViews(input: ViewInput, counted: ReadonlySet<SourceKey>, inPeriod: CellSums): SourceView[] {
  const spentBySource = inPeriod.bySource;
  return input.sources.map(({ configured: _configured, duplicates: _duplicates, subscription: _subscription, ...s }) => {
    const spent = spentBySource.get(s.id) ?? 0n;
    const sourceCap = input.sourceCaps[s.id];
    const stale =
      s.state === 'ok' && s.lastSuccessAt !== undefined && input.now - Date.parse(s.lastSuccessAt) > input.staleAfterMs;
    return {
      ...s,
      state: stale ? 'stale' : s.state,
      counted: counted.has(s.id),
      spentUsd: femtoToMicroUsd(spent),
      capUsd: sourceCap === undefined ? null : Number(sourceCap),
    };
  });
}

/** Near: 90 % of the cap used, or sure to pass it (the projection's low end does; a mere "may" is no alarm). */
export function levelOf(sources: readonly SourceView[], spent: Femto, cap: Femto | null, projectedLowUsd: number): ViewLevel {
  const active = sources.filter((s) => s.state !== 'not-configured');
  if (active.length === 0) return 'empty';
  if (cap !== null && spent >= cap) return 'over';
  if (cap !== null && (spent * 10n >= cap * 9n || projectedLowUsd > femtoToUsdNumber(cap))) return 'near';
  if (active.some((s) => s.counted && s.state !== 'ok' && s.state !== 'loading' && s.state !== 'stale')) return 'error';
  if (active.some((s) => s.counted && s.state === 'stale')) return 'stale';
  return 'ok';
}
