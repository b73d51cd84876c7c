/** Where the money goes: models, workspaces or API keys this period, and each source's state with its one-click fix. */
import type { SourceView, SpendView } from '../../app/engine/view-types.ts';
import { h } from '../dom.ts';
import { coverageText } from './coverage.ts';
import { ago, clock, money } from '../format.ts';

export type Breakdown = 'model' | 'workspace' | 'key';

interface Row {
  readonly name: string;
  readonly usd: number;
  readonly note?: string | undefined;
  /** A small tag after the name: "bill rate", "new", "est.", "archived", "not listed". */
  readonly tags: readonly string[];
}

/** A key's row: its name (or id), the provider's hint, and what is uncertain about it. */
function keyRow(k: SpendView['byKey'][number]): Row {
  const note = [
    k.keyId && k.kind === 'key' && k.label !== k.keyId ? k.keyId : null,
    k.estimate ? 'split by priced usage: the provider bills this source per day, not per key' : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    name: k.hint ? `${k.label} ${k.hint}` : k.label,
    usd: k.usd,
    note: note || undefined,
    tags: [...(k.newlySpending ? ['new'] : []), ...(k.status ? [k.status] : []), ...(k.estimate ? ['est.'] : [])],
  };
}

function workspaceName(w: SpendView['byWorkspace'][number]): string {
  if (w.workspace !== null) return w.workspace;
  return w.source === 'openai' ? 'Default project (OpenAI)' : 'Default workspace';
}

/** The breakdowns there is something to show for: models always, workspaces and keys when reported. */
function modes(view: SpendView): Breakdown[] {
  return [
    'model',
    ...(view.byWorkspace.length ? (['workspace'] as const) : []),
    ...(view.byKey.length ? (['key'] as const) : []),
  ];
}

const TAB_LABELS: Record<Breakdown, string> = { model: 'By model', workspace: 'By workspace', key: 'By key' };
const ARIA: Record<Breakdown, string> = { model: 'Spend by model', workspace: 'Spend by workspace', key: 'Spend by API key' };

/** "By model", or tabs for models, workspaces and keys when the sources report them. */
function heading(shown: Breakdown, available: readonly Breakdown[]): HTMLElement {
  if (available.length === 1) return h('h2', {}, 'By model');
  const tab = (mode: Breakdown) =>
    h(
      'button',
      { role: 'tab', class: 'tab', 'aria-selected': String(shown === mode), 'data-action': `show-${mode}` },
      TAB_LABELS[mode],
    );
  return h('div', { role: 'tablist', class: 'tabs' }, ...available.map(tab));
}

function rowsOf(view: SpendView, mode: Breakdown): Row[] {
  if (mode === 'key') return view.byKey.map(keyRow);
  if (mode === 'workspace') return view.byWorkspace.map((w) => ({ name: workspaceName(w), usd: w.usd, tags: [] }));
  return view.byModel.map((m) => ({ name: m.displayName, usd: m.usd, note: m.rateNote, tags: m.rateNote ? ['bill rate'] : [] }));
}

export function byModel(view: SpendView, shown: Breakdown = 'model'): HTMLElement | null {
  if (view.byModel.length === 0) return null;
  const available = modes(view);
  const mode = available.includes(shown) ? shown : 'model';
  const rows = rowsOf(view, mode);
  // Keys: a leaked one may be small next to the big ones, so more rows are shown.
  const top = rows.slice(0, mode === 'key' ? 6 : 4);
  const max = Math.max(...top.map((m) => m.usd), 0.01);
  return h(
    'section',
    { class: 'models', 'aria-label': ARIA[mode] },
    heading(mode, available),
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
            ...m.tags.map((t) => h('span', { class: 'tag' }, t)),
          ),
          h('span', { class: 'amount' }, money(m.usd)),
          h('span', { class: 'meter', style: `width: ${(100 * m.usd) / max}%` }),
        ),
      ),
    ),
    mode === 'key' && rows.length > top.length
      ? h('p', { class: 'small' }, `${rows.length - top.length} more keys: spendbar status shows all`)
      : null,
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
