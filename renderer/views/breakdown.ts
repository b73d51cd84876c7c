/** Where the money goes: models or workspaces this period, and each source's state with its one-click fix. */
import type { SourceView, SpendView } from '../../app/engine/view-types.ts';
import { h } from '../dom.ts';
import { coverageText } from './coverage.ts';
import { ago, clock, money } from '../format.ts';

export type Breakdown = 'model' | 'workspace';

function workspaceName(w: SpendView['byWorkspace'][number]): string {
  if (w.workspace !== null) return w.workspace;
  return w.source === 'openai' ? 'Default project (OpenAI)' : 'Default workspace';
}

/** "By model", or tabs for models and workspaces when spend is spread over several workspaces. */
function heading(view: SpendView, shown: Breakdown): HTMLElement {
  if (view.byWorkspace.length === 0) return h('h2', {}, 'By model');
  const tab = (mode: Breakdown, label: string) =>
    h('button', { role: 'tab', class: 'tab', 'aria-selected': String(shown === mode), 'data-action': `show-${mode}` }, label);
  return h('div', { role: 'tablist', class: 'tabs' }, tab('model', 'By model'), tab('workspace', 'By workspace'));
}

export function byModel(view: SpendView, shown: Breakdown = 'model'): HTMLElement | null {
  if (view.byModel.length === 0) return null;
  const mode = view.byWorkspace.length === 0 ? 'model' : shown;
  const rows =
    mode === 'model'
      ? view.byModel.map((m) => ({ name: m.displayName, usd: m.usd, note: m.rateNote }))
      : view.byWorkspace.map((w) => ({ name: workspaceName(w), usd: w.usd, note: undefined }));
  const top = rows.slice(0, 4);
  const max = Math.max(...top.map((m) => m.usd), 0.01);
  return h(
    'section',
    { class: 'models', 'aria-label': mode === 'model' ? 'Spend by model' : 'Spend by workspace' },
    heading(view, mode),
    h(
      'ul',
      {},
      ...top.map((m) =>
        h(
          'li',
          {},
          h(
            'span',
            { class: 'name', ...(m.note ? { title: m.note } : {}) },
            m.name,
            m.note ? h('span', { class: 'tag' }, 'bill rate') : null,
          ),
          h('span', { class: 'amount' }, money(m.usd)),
          h('span', { class: 'meter', style: `width: ${(100 * m.usd) / max}%` }),
        ),
      ),
    ),
    view.unpriced.length
      ? h(
          'p',
          { class: 'warn small', 'data-testid': 'unpriced' },
          `Not priced: ${view.unpriced.map((u) => u.model).join(', ')} — `,
          h('button', { class: 'link', 'data-action': 'open-settings' }, 'add a price'),
        )
      : null,
  );
}

const FIX_LABELS: Record<NonNullable<SourceView['fix']>, string> = {
  'update-key': 'Update key',
  'add-key': 'Add key',
  retry: 'Retry now',
  'open-settings': 'Settings',
};

function stateText(source: SourceView, now: number): string {
  switch (source.state) {
    case 'ok':
      return `updated ${ago(source.lastSuccessAt, now)}`;
    case 'loading':
      return 'loading…';
    case 'not-configured':
      // A source that takes a key offers to add one; a local-log source has no logs here.
      return source.fix === 'add-key' ? 'no key' : 'no logs found on this machine';
    case 'rate-limited':
      return source.retryAt ? `rate limited, retrying at ${clock(source.retryAt)}` : 'rate limited';
    case 'stale':
      return `stale since ${ago(source.lastSuccessAt, now)}`;
    default:
      return source.message ?? source.state;
  }
}

export function sources(view: SpendView, now: number): HTMLElement {
  return h(
    'section',
    { class: 'sources', 'aria-label': 'Sources' },
    h('h2', {}, 'Sources'),
    h(
      'ul',
      {},
      // A local-log source with no logs on this machine has nothing to offer here (first run and
      // Settings list it); a source that takes a key stays, with its "add key".
      ...view.sources
        .filter((s) => s.state !== 'not-configured' || s.fix === 'add-key')
        .map((s) =>
          h(
            'li',
            { class: `source state-${s.state}`, 'data-testid': `source-${s.id}` },
            h('span', { class: 'dot', 'aria-hidden': 'true' }),
            h(
              'span',
              { class: 'name' },
              s.label,
              s.estimate ? h('span', { class: 'tag' }, 'estimate') : null,
              !s.counted && s.state !== 'not-configured' ? h('span', { class: 'tag' }, 'not counted') : null,
            ),
            h(
              'span',
              { class: 'state' },
              stateText(s, now),
              s.state === 'not-configured'
                ? ''
                : s.coverage === 'none'
                  ? ` · ${coverageText(s, view.timeZone)!}`
                  : ` · ${money(s.spentUsd)}${s.capUsd !== null ? ` of ${money(s.capUsd)}` : ''}${s.coverage === 'partial' ? ` (${coverageText(s, view.timeZone)!})` : ''}`,
            ),
            s.fix ? h('button', { class: 'fix', 'data-action': s.fix, 'data-source': s.id }, FIX_LABELS[s.fix]) : null,
          ),
        ),
    ),
  );
}
