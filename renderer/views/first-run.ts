/** Nothing configured yet: every way to get data (one per registered source), and demo mode to look around first. */
import type { SetupState, SourceSetup } from '../../app/shared/ipc-contract.ts';
import { h } from '../dom.ts';

function way(source: SourceSetup): HTMLElement {
  if (source.credential === 'none')
    return h(
      'li',
      {},
      h('strong', {}, source.label),
      h(
        'span',
        {},
        source.configured
          ? 'Found on this machine: priced locally as an estimate, no key needed.'
          : `No ${source.label.replace(/ \(.*\)$/, '')} logs found on this machine.`,
      ),
    );
  const name = source.label;
  return h(
    'li',
    {},
    h('strong', {}, `${name} ${source.keyName ?? 'key'}`),
    h('span', {}, `Keys start with ${source.keyPrefix ?? '…'}. ${source.whereToCreate ?? ''}`),
    h('button', { 'data-action': 'add-key', 'data-source': source.id }, `Add ${name} key`),
  );
}

export function firstRun(setup: SetupState | undefined): HTMLElement {
  return h(
    'section',
    { class: 'first-run', 'aria-label': 'Get started' },
    h('h1', {}, 'Track your LLM API spend'),
    h('p', {}, 'Spendbar shows how much of this month’s budget is left and what the month will end at. Pick a source:'),
    h('ol', { class: 'ways' }, ...(setup?.sources ?? []).map(way)),
    h('p', { class: 'muted small' }, 'Keys stay in your OS keychain and never leave this computer except to call the provider.'),
    h('button', { class: 'primary', 'data-action': 'demo-on' }, 'Try demo mode'),
  );
}
