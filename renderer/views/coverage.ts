/**
 * How much of the period a source's figure stands on: "no data yet — <reason>" (never $0) or
 * "partial: through Nov 7". The same words in the source list and under the headline.
 */
import { localDate } from '../../app/engine/time-zone.ts';
import type { SourceView, SpendView } from '../../app/engine/view-types.ts';
import { shortDate } from '../format.ts';

function reason(source: SourceView): string {
  if (source.state === 'loading') return 'first sync in progress';
  if (source.state === 'ok' || source.state === 'stale') return 'the provider has sent nothing for this period yet';
  return source.message ?? source.state;
}

/** The words for a source whose data does not cover the period, or null when it does. */
export function coverageText(source: SourceView, timeZone: string): string | null {
  if (source.state === 'not-configured') return null;
  if (source.coverage === 'none') return `no data yet — ${reason(source)}`;
  if (source.coverage !== 'partial') return null;
  // dataThrough is the end of the last hour stored: the day it closes is the last one covered.
  if (!source.dataThrough) return 'partial: older days of the period still syncing';
  return `partial: through ${shortDate(localDate(Date.parse(source.dataThrough) - 1, timeZone))}`;
}

/** One line under the headline when the spent figure is not the whole period yet. */
export function spentNote(view: SpendView): string | null {
  if (view.spentComplete) return null;
  const notes = view.sources
    .filter((s) => s.counted)
    .map((s) => [s, coverageText(s, view.timeZone)] as const)
    .filter((entry): entry is readonly [SourceView, string] => entry[1] !== null)
    .map(([s, text]) => `${s.label}: ${text}`);
  return notes.length ? notes.join(' · ') : null;
}

/** Every counted source has nothing for the period: there is no figure to show, not $0. */
export function noDataYet(view: SpendView): boolean {
  const counted = view.sources.filter((s) => s.counted && s.state !== 'not-configured');
  return counted.length > 0 && counted.every((s) => s.coverage === 'none');
}
