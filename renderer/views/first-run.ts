/** Nothing configured yet: the three ways to get data, and demo mode to look around first. */
import type { SetupState } from '../../app/shared/ipc-contract.ts';
import { h } from '../dom.ts';

export function firstRun(setup: SetupState | undefined): HTMLElement {
  return h(
    'section',
    { class: 'first-run', 'aria-label': 'Get started' },
    h('h1', {}, 'Track your LLM API spend'),
    h('p', {}, 'Spendbar shows how much of this month’s budget is left and what the month will end at. Pick a source:'),
    h(
      'ol',
      { class: 'ways' },
      h(
        'li',
        {},
        h('strong', {}, 'Anthropic Admin key'),
        h('span', {}, 'Billed cost and usage for your organization (keys start with sk-ant-admin).'),
        h('button', { 'data-action': 'add-key', 'data-source': 'anthropic' }, 'Add Anthropic key'),
      ),
      h(
        'li',
        {},
        h('strong', {}, 'OpenAI Admin key'),
        h('span', {}, 'Organization usage and costs (keys start with sk-admin-).'),
        h('button', { 'data-action': 'add-key', 'data-source': 'openai' }, 'Add OpenAI key'),
      ),
      h(
        'li',
        {},
        h('strong', {}, 'Claude Code logs'),
        h(
          'span',
          {},
          setup?.claudeCodeFound
            ? 'Found on this machine: priced locally as an estimate, no key needed.'
            : 'No Claude Code logs found on this machine (~/.claude/projects).',
        ),
      ),
    ),
    h('p', { class: 'muted small' }, 'Keys stay in your OS keychain and never leave this computer except to call the provider.'),
    h('button', { class: 'primary', 'data-action': 'demo-on' }, 'Try demo mode'),
  );
}
