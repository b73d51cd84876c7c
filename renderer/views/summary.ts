/** The glance: budget left, percent of cap, projected month-end with its range and cap-hit date. */
import type { SpendView } from '../../app/engine/view-types.ts';
import { h } from '../dom.ts';
import { money, moneyBrief, shortDate } from '../format.ts';
import { noDataYet, spentNote } from './coverage.ts';

/**
 * The tightest provider limit is the one that binds first: it is shown, the others counted, so the
 * glance stays one line. While no cap is set, the provider limits are offered as the cap: each
 * provider's tightest limit, added up, is the most the month can cost (requests fail beyond them).
 */
function providerLimitLines(view: SpendView): HTMLElement[] {
  const limits = view.providerLimits.filter((l) => l.enforcing).sort((a, b) => a.usd - b.usd);
  const tightest = limits[0];
  if (!tightest) return [];
  const label = view.sources.find((s) => s.id === tightest.source)?.label ?? tightest.source;
  const scope = tightest.scope === 'usage_tier' ? 'usage-tier' : tightest.scope;
  const perSource = new Map<string, number>();
  for (const l of limits) if (!perSource.has(l.source)) perSource.set(l.source, l.usd);
  const counted = view.sources.filter((s) => s.counted).map((s) => s.id);
  // Only when every counted source has a limit: otherwise spend beyond them is possible.
  const offer = counted.length > 0 && counted.every((id) => perSource.has(id));
  const total = counted.reduce((sum, id) => sum + (perSource.get(id) ?? 0), 0);
  return [
    h(
      'p',
      { class: 'provider-limit muted small', 'data-testid': 'provider-limit' },
      `${label} ${scope} limit ${money(tightest.usd)} — requests fail beyond it`,
      limits.length > 1 ? ` (+${limits.length - 1} other limit${limits.length > 2 ? 's' : ''})` : '',
      view.capUsd === null && offer
        ? h(
            'button',
            { class: 'link', 'data-action': 'use-limit-as-cap', 'data-usd': String(Math.round(total * 100) / 100) },
            counted.length > 1 ? ` · Use as my cap (${money(total)}, all providers' limits)` : ' · Use as my cap',
          )
        : null,
    ),
  ];
}

export function summary(view: SpendView): HTMLElement {
  const hasCap = view.capUsd !== null;
  const percent = view.percentOfCap ?? 0;
  const headline = hasCap
    ? h(
        'div',
        { class: 'headline' },
        h('span', { class: 'label' }, view.remainingUsd! >= 0 ? 'Budget left this month' : 'Over the cap by'),
        h('span', { class: 'figure', 'data-testid': 'remaining' }, money(Math.abs(view.remainingUsd!))),
      )
    : h(
        'div',
        { class: 'headline' },
        h('span', { class: 'label' }, 'Spent this month'),
        h('span', { class: 'figure', 'data-testid': 'spent' }, noDataYet(view) ? 'no data yet' : money(view.spentUsd)),
      );
  const note = spentNote(view);
  const capLine = hasCap
    ? h(
        'div',
        { class: 'cap-line' },
        h('span', {}, `${money(view.spentUsd)} of ${money(view.capUsd!)}`),
        h('span', { class: 'percent', 'data-testid': 'percent' }, `${percent.toFixed(percent < 10 ? 1 : 0)} %`),
      )
    : h(
        'div',
        { class: 'cap-line muted' },
        'No monthly cap set — ',
        h('button', { class: 'link', 'data-action': 'open-settings' }, 'set one'),
      );
  const bar = hasCap
    ? h(
        'div',
        {
          class: 'bar',
          role: 'progressbar',
          'aria-valuemin': 0,
          'aria-valuemax': 100,
          'aria-valuenow': Math.round(percent),
          'aria-label': 'Share of the monthly cap used',
        },
        h('div', { class: 'fill', style: `width: ${Math.min(100, percent)}%` }),
      )
    : null;
  const capHit = capHitLine(view);
  return h(
    'section',
    { class: `summary level-${view.level}`, 'aria-label': 'Budget' },
    headline,
    note ? h('p', { class: 'data-note warn', 'data-testid': 'data-note' }, note) : null,
    capLine,
    ...providerLimitLines(view),
    bar,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Projected month-end'),
      h(
        'dd',
        { 'data-testid': 'projected' },
        money(view.projectedUsd),
        h(
          'span',
          { class: 'range', 'data-testid': 'projected-range' },
          ` likely ${moneyBrief(view.projectedLowUsd)}–${moneyBrief(view.projectedHighUsd)}`,
        ),
      ),
      h('dt', {}, 'Today'),
      h(
        'dd',
        { 'data-testid': 'today' },
        money(view.todayUsd),
        h('span', { class: 'range' }, ` · last hour ${money(view.hourlyRateUsd)}`),
      ),
    ),
    capHit ? h('p', { class: `cap-hit ${capHit.tone}`, 'data-testid': 'cap-hit' }, capHit.text) : null,
    view.forecastRoughReason
      ? h(
          'p',
          { class: 'muted small', 'data-testid': 'forecast-rough', title: view.forecastNote },
          roughText(view.forecastRoughReason),
        )
      : null,
  );
}

/** "Few days of data — rough estimate": the reason, as a sentence. */
const roughText = (reason: string) => reason.charAt(0).toUpperCase() + reason.slice(1);

/**
 * The cap against the projection's range: sure (the low end passes it) reads as a warning with its
 * date; possible (only the high end passes it) reads as a "may", never as an alarm.
 */
function capHitLine(view: SpendView): { text: string; tone: string } | null {
  const date = view.capHitDate ? shortDate(view.capHitDate) : '';
  switch (view.capOutlook) {
    case 'over':
      return { text: `Cap reached on ${date}`, tone: 'warn' };
    case 'will-exceed':
      return {
        text: date ? `At this pace the cap is reached on ${date}` : 'At this pace the cap is passed this month',
        tone: 'warn',
      };
    case 'may-exceed':
      return { text: `May reach the cap${date ? ` by ${date}` : ''} (top of the range)`, tone: 'maybe' };
    case 'within':
      return { text: 'Under the cap at this pace', tone: '' };
    default:
      return null;
  }
}
