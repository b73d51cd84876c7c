/** The only place that touches ipcMain: every invoke channel, sender-checked, forwarded to the AppService. */
import { ipcMain, type WebContents } from 'electron';
import type { SpendView } from '../engine/view-types.ts';
import { CHANNELS, type InvokeChannel } from '../shared/ipc-contract.ts';
import { fail } from '../shared/result.ts';
import type { AppService } from './app-service.ts';
import { isTrustedSender } from './ipc-sender.ts';

const INVOKE_CHANNELS = Object.values(CHANNELS).filter(
  (c): c is InvokeChannel => c !== CHANNELS.viewChanged && c !== CHANNELS.showSettings,
);

/** `popover` gives the popover's WebContents while its window lives (undefined once destroyed). */
export function registerIpc(service: AppService, popover: () => WebContents | undefined): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      isTrustedSender(event, popover()) ? service.handle(channel, payload) : fail(`refused ${channel} from an unknown page`),
    );
  }
}

export function sendView(contents: WebContents | undefined, view: SpendView): void {
  if (contents && !contents.isDestroyed()) contents.send(CHANNELS.viewChanged, view);
}

export function sendShowSettings(contents: WebContents | undefined): void {
  if (contents && !contents.isDestroyed()) contents.send(CHANNELS.showSettings, null);
}
