/**
 * Only our own popover page may call main. Identity, not URL strings: `pathToFileURL` and
 * Chromium's canonical file URL differ (Windows drive-letter case, `%` and other escapes in the
 * path), so a string comparison can refuse our own page or, with a loose one, accept another. The
 * event's `sender` must be the popover's WebContents and its `senderFrame` that contents' main
 * frame (not an iframe), the checks Electron's security guide recommends (docs/tutorial/security.md #17).
 */
export interface SenderEvent<C, F> {
  readonly sender: C;
  readonly senderFrame: F | null;
}

export function isTrustedSender<C extends { readonly mainFrame: F }, F>(
  event: SenderEvent<C, F>,
  popover: C | undefined,
): boolean {
  return (
    popover !== undefined && event.sender === popover && event.senderFrame !== null && event.senderFrame === popover.mainFrame
  );
}
