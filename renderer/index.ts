/**
 * The popover. It renders the SpendView main sends and calls window.spendbar for every action; it
 * holds no key: a key typed into the settings form goes to main once and the field is cleared.
 */
import type { SpendView } from '../app/engine/view-types.ts';
import type { KeyProvider, SetupState } from '../app/shared/ipc-contract.ts';
import { h } from './dom.ts';
import { ago } from './format.ts';
import { byModel, sources, type Breakdown } from './views/breakdown.ts';
import { priceFindings } from './views/price-findings.ts';
import { chart } from './views/chart.ts';
import { firstRun } from './views/first-run.ts';
import { readSettingsForm, settingsView, type SettingsMessages } from './views/settings.ts';
import { summary } from './views/summary.ts';

interface State {
  view: SpendView | undefined;
  setup: SetupState | undefined;
  screen: 'main' | 'settings';
  /** Which breakdown the spend section shows. */
  breakdown: Breakdown;
  messages: SettingsMessages;
  error: string | undefined;
}

const root = document.getElementById('app')!;
if (!window.spendbar) {
  // Opened outside the app (no preload): say so rather than fail silently.
  root.textContent = 'This page is Spendbar’s popover; open it from the Spendbar tray icon.';
  throw new Error('window.spendbar is missing: the preload did not run');
}
const api = window.spendbar;
const state: State = {
  view: undefined,
  setup: undefined,
  screen: 'main',
  breakdown: 'model',
  messages: {},
  error: undefined,
};

function header(view: SpendView): HTMLElement {
  return h(
    'header',
    {},
    h('span', { class: 'brand' }, 'Spendbar'),
    view.demo ? h('span', { class: 'demo-badge', 'data-testid': 'demo-badge' }, 'DEMO DATA') : null,
    h('span', { class: 'updated', 'data-testid': 'updated' }, `updated ${ago(view.asOf, Date.now())}`),
    h('button', { class: 'icon', 'data-action': 'refresh', 'aria-label': 'Refresh now', title: 'Refresh now' }, '↻'),
    h('button', { class: 'icon', 'data-action': 'open-settings', 'aria-label': 'Settings', title: 'Settings' }, '⚙'),
    closeButton(),
  );
}

/** Where focus never leaves (Wayland), blur cannot hide the popover: a visible close control. */
function closeButton(): HTMLElement {
  return h('button', { class: 'icon', 'data-action': 'close-popover', 'aria-label': 'Close', title: 'Close (Esc)' }, '×');
}

function render(): void {
  const { view, setup } = state;
  const children: Array<HTMLElement | null> = [];
  if (state.error) children.push(h('p', { class: 'warn', role: 'alert' }, state.error));
  // Settings reset, notifications failing: said on every screen, not only under the figures.
  for (const problem of setup?.problems ?? []) children.push(h('p', { class: 'warn', role: 'alert' }, problem));
  if (state.screen === 'settings' && setup) children.push(settingsView(setup, state.messages));
  else if (!view) children.push(h('p', { class: 'muted' }, 'Loading…'));
  else if (view.level === 'empty') children.push(firstRun(setup));
  else {
    // One line per kind of alert: the highest threshold crossed says all the lower ones. A sign of
    // something going wrong now (a new key spending, a spike) comes first; the rest follow the figures.
    const shown = view.alerts.filter((alert, i) => view.alerts.findIndex((a) => a.kind === alert.kind) === i);
    const line = (alert: (typeof shown)[number]) =>
      h('p', { class: `alert ${alert.severity}`, role: 'status', title: alert.body }, alert.title);
    const urgent = (alert: (typeof shown)[number]) => alert.kind === 'new-key' || alert.kind === 'spike';
    children.push(
      header(view),
      ...shown.filter(urgent).map(line),
      summary(view),
      chart(view),
      byModel(view, state.breakdown),
      priceFindings(view),
      sources(view, Date.now()),
    );
    children.push(...shown.filter((alert) => !urgent(alert)).map(line));
    for (const notice of view.notices.filter((n) => !setup?.problems.includes(n)))
      children.push(h('p', { class: 'muted small' }, notice));
  }
  const focused = focusKey(document.activeElement);
  root.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  if (focused) root.querySelectorAll<HTMLElement>(focused.selector)[focused.index]?.focus();
}

/**
 * What identifies the focused control across a re-render (every view update and every 30 s
 * rebuild the page): its id, or its action and source and which of those it is. Without this a
 * keyboard user's focus would fall back to the page each time.
 */
function focusKey(element: Element | null): { selector: string; index: number } | undefined {
  if (!(element instanceof HTMLElement) || !root.contains(element)) return undefined;
  const { action, source } = element.dataset;
  const selector = element.id
    ? `#${CSS.escape(element.id)}`
    : action
      ? `[data-action="${CSS.escape(action)}"]${source ? `[data-source="${CSS.escape(source)}"]` : ''}`
      : undefined;
  return selector ? { selector, index: [...root.querySelectorAll(selector)].indexOf(element) } : undefined;
}

async function loadSetup(): Promise<void> {
  const result = await api.getSetup();
  if (result.ok) state.setup = result.value;
}

async function keyAction(action: string, provider: KeyProvider): Promise<void> {
  const input = document.getElementById(`key-${provider}`) as HTMLInputElement | null;
  const typed = input?.value ?? '';
  if (input) input.value = ''; // the key does not stay in the page
  const result =
    action === 'save-key'
      ? await api.setKey(provider, typed)
      : action === 'test-key'
        ? await api.testKey(provider, typed || undefined)
        : await api.removeKey(provider);
  const text = result.ok
    ? action === 'save-key'
      ? (result.value as { persistent: boolean }).persistent
        ? 'Saved in the OS keychain.'
        : 'Saved for this run only: no keychain is available.'
      : action === 'test-key'
        ? (result.value as { message: string }).message
        : 'Key removed.'
    : result.error;
  state.messages = { ...state.messages, [provider]: { text, ok: result.ok } };
  await loadSetup();
  render();
}

/** Whether a source's definition asks for a key (local-log sources have nothing to set). */
const takesKey = (id: string) => state.setup?.sources.some((s) => s.id === id && s.credential !== 'none') ?? false;

async function onAction(action: string | undefined, source: string | undefined, data?: DOMStringMap): Promise<void> {
  switch (action) {
    case 'show-model':
    case 'show-workspace':
    case 'show-key':
      state.breakdown = action === 'show-model' ? 'model' : action === 'show-key' ? 'key' : 'workspace';
      render();
      return;
    case 'close-popover':
      await api.closePopover();
      return;
    case 'refresh':
    case 'retry':
      await api.refreshNow();
      return;
    case 'open-settings':
    case 'add-key':
    case 'update-key':
      await loadSetup();
      state.screen = 'settings';
      render();
      if (source && takesKey(source)) document.getElementById(`key-${source}`)?.focus();
      return;
    case 'close-settings':
      state.screen = 'main';
      state.messages = {};
      render();
      return;
    case 'use-limit-as-cap': {
      const usd = data?.usd;
      const result = usd ? await api.updateSettings({ capUsd: usd }) : undefined;
      if (result && !result.ok) state.error = result.error;
      const view = await api.getView();
      if (view.ok) state.view = view.value;
      render();
      return;
    }
    case 'demo-on':
    case 'demo-off': {
      const result = await api.setDemoMode(action === 'demo-on');
      state.error = result.ok ? undefined : result.error;
      state.screen = 'main';
      await loadSetup();
      const view = await api.getView();
      if (view.ok) state.view = view.value;
      render();
      return;
    }
    case 'export-csv': {
      const result = await api.exportCsv();
      if (result.ok && result.value === null) return; // the save dialog was cancelled
      const text = result.ok ? `Exported ${result.value!.rows} rows to ${result.value!.path}.` : `Export failed: ${result.error}`;
      state.messages = { ...state.messages, general: { text, ok: result.ok } };
      render();
      return;
    }
    case 'save-key':
    case 'test-key':
    case 'remove-key':
      if (source && takesKey(source)) await keyAction(action, source);
      return;
  }
}

root.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (target) void onAction(target.dataset.action, target.dataset.source, target.dataset);
});

// Esc closes the settings page, then the popover itself.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  void onAction(state.screen === 'settings' ? 'close-settings' : 'close-popover', undefined);
});

root.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  if (!state.setup) return;
  const patch = readSettingsForm(
    form,
    state.setup.settings,
    state.setup.sources.map((s) => s.id),
  );
  void (async () => {
    const result = typeof patch === 'string' ? { ok: false as const, error: patch } : await api.updateSettings(patch);
    state.messages = {
      ...state.messages,
      general: result.ok ? { text: 'Settings saved.', ok: true } : { text: result.error, ok: false },
    };
    await loadSetup();
    render();
  })();
});

api.onViewChanged((view) => {
  state.view = view;
  if (state.screen === 'main') render();
});
api.onShowSettings(() => void onAction('open-settings', undefined));

// The window takes the content's height (main keeps it within the screen), so a normal month
// shows every section without scrolling and a short page leaves no empty space.
let reportedHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === reportedHeight) return;
  reportedHeight = height;
  void api.fitHeight(height);
}).observe(root);

void (async () => {
  await loadSetup();
  const result = await api.getView();
  if (result.ok) state.view = result.value;
  else state.error = result.error;
  render();
})();

// "updated 2 min ago" stays true while the popover is open.
setInterval(() => {
  if (state.screen === 'main' && state.view) render();
}, 30_000);
