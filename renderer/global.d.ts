import type { SpendbarApi } from '../app/preload/index.ts';

declare global {
  interface Window {
    readonly spendbar: SpendbarApi;
  }
}
