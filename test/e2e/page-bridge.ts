/**
 * Bundled into the page as an init script: window.spendbar built by the same createBridge as the
 * preload, over a Playwright binding to the real main-side AppService instead of ipcRenderer.
 */
import { createBridge } from '../../app/preload/bridge.ts';

type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
const host = window as unknown as { __spendbarInvoke: Invoke; spendbar: unknown };

const api = createBridge({
  invoke: (channel, request) => host.__spendbarInvoke(channel, request) as never,
  subscribe: (channel, listener) => {
    const handler = (event: Event) => {
      const detail = (event as CustomEvent<{ channel: string; payload: unknown }>).detail;
      if (detail.channel === channel) listener(detail.payload as never);
    };
    window.addEventListener('spendbar-event', handler);
    return () => window.removeEventListener('spendbar-event', handler);
  },
});
Object.defineProperty(window, 'spendbar', { value: api, writable: false });
