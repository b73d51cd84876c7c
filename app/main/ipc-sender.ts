/** Only our own popover page may call main: the sender's frame must be the renderer we loaded. */
import type { WebFrameMain } from 'electron';

export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> | null | undefined, rendererUrl: string): boolean {
  if (!frame) return false;
  try {
    const url = new URL(frame.url);
    const expected = new URL(rendererUrl);
    return url.protocol === expected.protocol && url.host === expected.host && url.pathname === expected.pathname;
  } catch {
    return false;
  }
}
