/** Settings: keys (set, test, remove — never shown back), budget, period, sources, polling, tray, prices. */
import type { SetupState, SourceSetup } from '../../app/shared/ipc-contract.ts';
import type { Settings } from '../../app/shared/settings-schema.ts';
import { h } from '../dom.ts';

/** One message per source id (the result of Save / Test / Remove) and one for the general form. */
export type SettingsMessages = Partial<Record<string, { text: string; ok: boolean }>>;

function keyRow(source: SourceSetup, setup: SetupState, messages: SettingsMessages): HTMLElement {
  const provider = source.id;
  const name = source.label;
  const set = source.keySet;
  const message = messages[provider];
  return h(
    'fieldset',
    { class: 'key', 'data-provider': provider },
    h('legend', {}, `${name} ${source.keyName ?? 'key'}`),
    h(
      'p',
      { class: 'small', 'data-testid': `key-status-${provider}` },
      set ? `Key set${setup.keychainPersistent ? ' (in the OS keychain)' : ' (this run only)'}` : 'No key set',
    ),
    h('input', {
      type: 'password',
      id: `key-${provider}`,
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: `${source.keyPrefix ?? ''}…`,
      'aria-label': `${name} ${source.keyName ?? 'key'}`,
    }),
    h(
      'div',
      { class: 'row' },
      h('button', { 'data-action': 'save-key', 'data-source': provider }, 'Save'),
      h('button', { 'data-action': 'test-key', 'data-source': provider }, 'Test'),
      set ? h('button', { 'data-action': 'remove-key', 'data-source': provider }, 'Remove') : null,
    ),
    message
      ? h(
          'p',
          { class: `small ${message.ok ? 'good' : 'warn'}`, role: 'status', 'data-testid': `key-message-${provider}` },
          message.text,
        )
      : null,
  );
}

function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), input, hint ? h('span', { class: 'muted small' }, hint) : null);
}

export function settingsView(setup: SetupState, messages: SettingsMessages): HTMLElement {
  const s: Settings = setup.settings;
  const counted = s.countedSources === 'auto' ? 'auto' : s.countedSources.join(',');
  const billedIds = setup.sources.filter((x) => x.credential !== 'none').map((x) => x.id);
  return h(
    'section',
    { class: 'settings', 'aria-label': 'Settings' },
    h(
      'div',
      { class: 'top' },
      h('button', { class: 'link', 'data-action': 'close-settings' }, '← Back'),
      h('h1', {}, 'Settings'),
    ),
    setup.keychainProblem ? h('p', { class: 'warn small', 'data-testid': 'keychain-problem' }, setup.keychainProblem) : null,
    ...setup.sources.filter((source) => source.credential !== 'none').map((source) => keyRow(source, setup, messages)),
    h(
      'form',
      { id: 'settings-form', class: 'general' },
      field(
        'Monthly cap (USD)',
        h('input', { name: 'capUsd', inputmode: 'decimal', value: s.capUsd ?? '', placeholder: 'no cap' }),
      ),
      h('span', { class: 'muted small' }, 'Caps per source (optional), USD'),
      h(
        'div',
        { class: 'row caps' },
        ...setup.sources.map(({ id, label }) =>
          h('input', {
            name: `cap-${id}`,
            inputmode: 'decimal',
            value: s.sourceCaps[id] ?? '',
            placeholder: `${label.replace(/ \(.*\)$/, '')} cap`,
            'aria-label': `Monthly cap for ${label}`,
          }),
        ),
      ),
      field('Alert at (% of cap)', h('input', { name: 'thresholds', value: s.thresholds.join(', ') })),
      field('Time zone', h('input', { name: 'timeZone', value: s.timeZone }), 'Providers bill by the UTC month.'),
      field(
        'Period starts on day',
        h('input', { name: 'periodStartDay', type: 'number', min: 1, max: 28, value: s.periodStartDay }),
      ),
      field(
        'Count toward the budget',
        h(
          'select',
          { name: 'countedSources' },
          ...[
            ['auto', 'Automatic (no double counting)'],
            [billedIds.join(','), 'Billed sources only'],
            [setup.sources.map((x) => x.id).join(','), 'Everything (local logs too)'],
          ].map(([v, l]) => h('option', { value: v!, selected: v === counted }, l!)),
        ),
      ),
      field(
        'Claude Code plan price (USD, optional)',
        h('input', {
          name: 'claudeCodeSubscriptionUsd',
          inputmode: 'decimal',
          value: s.claudeCodeSubscriptionUsd ?? '',
          placeholder: 'pay as you go',
        }),
      ),
      field(
        'Refresh every (minutes)',
        h('input', { name: 'pollIntervalMinutes', type: 'number', min: 1, max: 1440, value: s.pollIntervalMinutes }),
      ),
      field(
        'Menu bar shows',
        h(
          'select',
          { name: 'trayFigure' },
          ...[
            ['remaining', 'Budget left'],
            ['spent', 'Spent'],
            ['percent', 'Percent of cap'],
          ].map(([v, l]) => h('option', { value: v!, selected: v === s.trayFigure }, l!)),
        ),
      ),
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', name: 'launchAtLogin', checked: s.launchAtLogin }),
        'Launch at login',
      ),
      h(
        'fieldset',
        { class: 'prices' },
        h('legend', {}, 'Your prices (USD per million tokens)'),
        ...s.priceOverrides.map((o) =>
          h('p', { class: 'small' }, `${o.model}: input ${o.rates.input}, output ${o.rates.output}`),
        ),
        h(
          'div',
          { class: 'row' },
          h('input', { name: 'overrideModel', placeholder: 'model id', 'aria-label': 'Model id' }),
          h('input', { name: 'overrideInput', placeholder: 'input', inputmode: 'decimal', 'aria-label': 'Input price' }),
          h('input', { name: 'overrideOutput', placeholder: 'output', inputmode: 'decimal', 'aria-label': 'Output price' }),
        ),
      ),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, 'Save settings'),
        setup.demo ? h('button', { type: 'button', 'data-action': 'demo-off' }, 'Leave demo mode') : null,
        h(
          'button',
          { type: 'button', 'data-action': 'export-csv', title: 'Every day of history, for a spreadsheet' },
          'Export CSV…',
        ),
      ),
      messages.general
        ? h(
            'p',
            { class: `small ${messages.general.ok ? 'good' : 'warn'}`, role: 'status', 'data-testid': 'settings-message' },
            messages.general.text,
          )
        : null,
    ),
  );
}

/** The form's values as a settings patch, or a message naming what is wrong. */
export function readSettingsForm(
  form: HTMLFormElement,
  current: Settings,
  sourceIds: readonly string[],
): Partial<Settings> | string {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const cap = text('capUsd').replace(/[$,\s]/g, '');
  const thresholds = text('thresholds')
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (thresholds.some((t) => !Number.isInteger(t) || t <= 0 || t > 1000))
    return 'Alert thresholds must be whole percentages, like 50, 75, 90, 100.';
  const counted = text('countedSources');
  const subscription = text('claudeCodeSubscriptionUsd').replace(/[$,\s]/g, '');
  const sourceCaps = Object.fromEntries(
    sourceIds.flatMap((id) => {
      const value = text(`cap-${id}`).replace(/[$,\s]/g, '');
      return value === '' ? [] : [[id, value]];
    }),
  );
  const model = text('overrideModel');
  const overrides = model
    ? {
        priceOverrides: [
          ...current.priceOverrides.filter((o) => o.model !== model),
          { model, rates: { input: text('overrideInput'), output: text('overrideOutput') } },
        ],
      }
    : {};
  return {
    ...overrides,
    capUsd: cap === '' ? null : cap,
    sourceCaps,
    thresholds,
    timeZone: text('timeZone'),
    periodStartDay: Number(text('periodStartDay')),
    countedSources: counted === 'auto' ? 'auto' : counted.split(','),
    claudeCodeSubscriptionUsd: subscription === '' ? null : subscription,
    pollIntervalMinutes: Number(text('pollIntervalMinutes')),
    trayFigure: text('trayFigure') as Settings['trayFigure'],
    launchAtLogin: data.get('launchAtLogin') !== null,
  };
}
