/**
 * Builds the window.spendbar API from two transport functions. The preload passes ipcRenderer's;
 * the renderer tests pass a Playwright binding to the same main-side service: only the transport differs.
 */
import {
  CHANNELS,
  type EventChannel,
  type EventOf,
  type InvokeChannel,
  type RequestOf,
  type ResponseOf,
  type SpendbarApi,
} from '../shared/ipc-contract.ts';

export interface Transport {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventOf<C>) => void): () => void;
}

export function createBridge(transport: Transport): SpendbarApi {
  return Object.freeze({
    getView: () => transport.invoke(CHANNELS.getView, undefined),
    getSetup: () => transport.invoke(CHANNELS.getSetup, undefined),
    refreshNow: () => transport.invoke(CHANNELS.refreshNow, undefined),
    setKey: (provider, key) => transport.invoke(CHANNELS.setKey, { provider, key }),
    removeKey: (provider) => transport.invoke(CHANNELS.removeKey, { provider }),
    testKey: (provider, key) => transport.invoke(CHANNELS.testKey, key === undefined ? { provider } : { provider, key }),
    updateSettings: (patch) => transport.invoke(CHANNELS.updateSettings, patch),
    setDemoMode: (enabled) => transport.invoke(CHANNELS.setDemoMode, { enabled }),
    snoozeAlert: (id, minutes) => transport.invoke(CHANNELS.snoozeAlert, { id, minutes }),
    fitHeight: (height) => transport.invoke(CHANNELS.fitHeight, { height }),
    closePopover: () => transport.invoke(CHANNELS.closePopover, undefined),
    exportCsv: () => transport.invoke(CHANNELS.exportCsv, undefined),
    onViewChanged: (listener) => transport.subscribe(CHANNELS.viewChanged, listener),
    onShowSettings: (listener) => transport.subscribe(CHANNELS.showSettings, () => listener()),
  } satisfies SpendbarApi);
}
