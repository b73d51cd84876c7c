/**
 * Every IPC channel, typed once for main, preload and renderer. Adding a channel without its
 * contract, or a contract without a channel, fails to compile (AssertCoverage below).
 */
import type { SpendView } from '../engine/view-types.ts';
import type { Result } from './result.ts';
import type { Settings } from './settings-schema.ts';

/** The id of a source whose credential is a key (app/sources/registry.ts declares them). */
export type KeyProvider = string;

/** One source as the settings page lists it: what it needs, and whether a key is set (never the key). */
export interface SourceSetup {
  readonly id: string;
  readonly label: string;
  readonly credential: 'admin-key' | 'key' | 'none';
  /** "Admin key", "API key"; how a key begins, for the placeholder; where to create one. */
  readonly keyName?: string;
  readonly keyPrefix?: string;
  readonly whereToCreate?: string;
  readonly keySet: boolean;
  /** Running here: a key is set, or local logs were found. */
  readonly configured: boolean;
  readonly pollCost: string;
}

/** What the settings page needs to know; never a key, only whether one is set. */
export interface SetupState {
  readonly sources: readonly SourceSetup[];
  readonly keychainPersistent: boolean;
  readonly keychainProblem: string | null;
  readonly claudeCodeFound: boolean;
  readonly settings: Settings;
  readonly demo: boolean;
  /** What went wrong outside the sources (settings reset, notifications failing), in plain words. */
  readonly problems: readonly string[];
}

export const CHANNELS = {
  getView: 'spendbar:get-view',
  getSetup: 'spendbar:get-setup',
  refreshNow: 'spendbar:refresh-now',
  setKey: 'spendbar:set-key',
  removeKey: 'spendbar:remove-key',
  testKey: 'spendbar:test-key',
  updateSettings: 'spendbar:update-settings',
  setDemoMode: 'spendbar:set-demo-mode',
  snoozeAlert: 'spendbar:snooze-alert',
  fitHeight: 'spendbar:fit-height',
  closePopover: 'spendbar:close-popover',
  exportCsv: 'spendbar:export-csv',
  showSettings: 'spendbar:show-settings',
  viewChanged: 'spendbar:view-changed',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Request and result value of each invoke channel; `event` channels go from main to the renderer. */
export interface Contracts {
  'spendbar:get-view': { request: void; response: SpendView };
  'spendbar:get-setup': { request: void; response: SetupState };
  'spendbar:refresh-now': { request: void; response: null };
  'spendbar:set-key': { request: { provider: KeyProvider; key: string }; response: { persistent: boolean } };
  'spendbar:remove-key': { request: { provider: KeyProvider }; response: null };
  'spendbar:test-key': { request: { provider: KeyProvider; key?: string }; response: { message: string } };
  'spendbar:update-settings': { request: Partial<Settings>; response: Settings };
  'spendbar:set-demo-mode': { request: { enabled: boolean }; response: null };
  'spendbar:snooze-alert': { request: { id: string; minutes: number }; response: null };
  'spendbar:fit-height': { request: { height: number }; response: null };
  'spendbar:close-popover': { request: void; response: null };
  /** Asks where to save (a save dialog) and writes the history as CSV; null when the user cancelled. */
  'spendbar:export-csv': { request: void; response: { path: string; rows: number } | null };
  'spendbar:show-settings': { event: null };
  'spendbar:view-changed': { event: SpendView };
}

type AssertCoverage<T extends Record<Channel, unknown>> = Exclude<keyof T, Channel> extends never ? true : never;
export const CONTRACT_COVERAGE: AssertCoverage<Contracts> = true;

export type InvokeChannel = { [C in Channel]: Contracts[C] extends { request: unknown } ? C : never }[Channel];
export type EventChannel = Exclude<Channel, InvokeChannel>;
export type RequestOf<C extends InvokeChannel> = Contracts[C] extends { request: infer R } ? R : never;
export type ValueOf<C extends InvokeChannel> = Contracts[C] extends { response: infer R } ? R : never;
/** Every invoke answers with a Result: handlers return data, not exceptions, across IPC. */
export type ResponseOf<C extends InvokeChannel> = Result<ValueOf<C>>;
export type EventOf<C extends EventChannel> = Contracts[C] extends { event: infer E } ? E : never;

/** The bridge the preload exposes as window.spendbar: intent-named methods, one per channel. */
export interface SpendbarApi {
  getView(): Promise<ResponseOf<'spendbar:get-view'>>;
  getSetup(): Promise<ResponseOf<'spendbar:get-setup'>>;
  refreshNow(): Promise<ResponseOf<'spendbar:refresh-now'>>;
  setKey(provider: KeyProvider, key: string): Promise<ResponseOf<'spendbar:set-key'>>;
  removeKey(provider: KeyProvider): Promise<ResponseOf<'spendbar:remove-key'>>;
  testKey(provider: KeyProvider, key?: string): Promise<ResponseOf<'spendbar:test-key'>>;
  updateSettings(patch: Partial<Settings>): Promise<ResponseOf<'spendbar:update-settings'>>;
  setDemoMode(enabled: boolean): Promise<ResponseOf<'spendbar:set-demo-mode'>>;
  snoozeAlert(id: string, minutes: number): Promise<ResponseOf<'spendbar:snooze-alert'>>;
  /** The popover's content height in CSS pixels: main sizes the window to it, within the screen. */
  fitHeight(height: number): Promise<ResponseOf<'spendbar:fit-height'>>;
  /** Esc or the close control: hides the popover (Wayland never sends the blur that would). */
  closePopover(): Promise<ResponseOf<'spendbar:close-popover'>>;
  /** "Export CSV…": the whole history, saved where the user picks. */
  exportCsv(): Promise<ResponseOf<'spendbar:export-csv'>>;
  /** Returns a function that stops listening. */
  onViewChanged(listener: (view: SpendView) => void): () => void;
  onShowSettings(listener: () => void): () => void;
}
