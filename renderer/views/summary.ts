/** The glance: budget left, percent of cap, projected month-end with its range and cap-hit date. */
import type { SpendView } from '../../app/engine/view-types.ts';
import { h } from '../dom.ts';
import { money, shortDate } from '../format.ts';
import { noDataYet, spentNote } from './coverage.ts';

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
  const capHit = view.capHitDate
    ? view.spentUsd >= (view.capUsd ?? Infinity)
      ? `Cap reached on ${shortDate(view.capHitDate)}`
      : `At this pace the cap is reached on ${shortDate(view.capHitDate)}`
    : hasCap
      ? 'Under the cap at this pace'
      : '';
  return h(
    'section',
    { class: `summary level-${view.level}`, 'aria-label': 'Budget' },
    headline,
    note ? h('p', { class: 'data-note warn', 'data-testid': 'data-note' }, note) : null,
    capLine,
    ...view.providerLimits
      .filter((l) => l.enforcing)
      .map((l) =>
        h(
          'p',
          { class: 'provider-limit muted small', 'data-testid': 'provider-limit' },
          `${l.source === 'openai' ? 'OpenAI' : 'Anthropic'} ${l.scope === 'usage_tier' ? 'usage-tier' : l.scope} limit ${money(l.usd)} — requests fail beyond it`,
        ),
      ),
    bar,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Projected month-end'),
      h(
        'dd',
        { 'data-testid': 'projected' },
        money(view.projectedUsd),
        h('span', { class: 'range' }, ` ${money(view.projectedLowUsd)}–${money(view.projectedHighUsd)}`),
      ),
      h('dt', {}, 'Today'),
      h(
        'dd',
        { 'data-testid': 'today' },
        money(view.todayUsd),
        h('span', { class: 'range' }, ` · last hour ${money(view.hourlyRateUsd)}`),
      ),
    ),
    capHit ? h('p', { class: `cap-hit ${view.capHitDate ? 'warn' : ''}`, 'data-testid': 'cap-hit' }, capHit) : null,
    view.forecastConfidence === 'low' ? h('p', { class: 'muted small' }, view.forecastNote) : null,
  );
}
