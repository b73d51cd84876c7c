/**
 * Desktop notifications for due alerts; clicking one opens the popover.
 *
 * Electron holds a main-process Notification only weakly: once JavaScript drops it, V8 may collect
 * it and its click never arrives (electron/electron#16922, #12690). Each one is kept here until it
 * is clicked, closed or failed. `failed` (electron.d.ts: macOS and Windows) is what an unsigned
 * macOS build or a Windows install without a Start-menu shortcut gets; the user is told in the
 * popover and the tray instead of missing every alert in silence.
 */
import type { NotificationConstructorOptions } from 'electron';
import type { Alert } from '../engine/alerts.ts';

/** What we use of Electron's Notification (index.ts passes the real one, so the types are checked there). */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

export type NotificationFactory = (options: NotificationConstructorOptions) => NotificationLike;

export interface NotifierDeps {
  readonly create: NotificationFactory;
  readonly supported: () => boolean;
  readonly openPopover: () => void;
  /** A notification could not be shown: the reason, for the popover and the tray. */
  readonly onFailed?: (error: string) => void;
}

export class Notifier {
  /** Referenced until the user or the OS is done with them. */
  private readonly live = new Set<NotificationLike>();

  constructor(private readonly deps: NotifierDeps) {}

  get pending(): number {
    return this.live.size;
  }

  /** Due alerts come newest first and already collapsed; each is shown once. */
  show(due: readonly Alert[]): number {
    if (!this.deps.supported()) return 0;
    for (const alert of due) {
      const notification = this.deps.create({
        title: alert.title,
        body: alert.body,
        silent: alert.severity === 'info',
        urgency: alert.severity === 'critical' ? 'critical' : 'normal',
      });
      const release = () => this.live.delete(notification);
      notification.on('click', () => {
        release();
        this.deps.openPopover();
      });
      notification.on('close', release);
      notification.on('failed', (_event, error) => {
        release();
        this.deps.onFailed?.(error);
      });
      this.live.add(notification);
      notification.show();
    }
    return due.length;
  }
}
