/** Desktop notifications for due alerts; clicking one opens the popover. */
import type { NotificationConstructorOptions } from 'electron';
import type { Alert } from '../engine/alerts.ts';

/** What we use of Electron's Notification (index.ts passes the real one, so the types are checked there). */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export type NotificationFactory = (options: NotificationConstructorOptions) => NotificationLike;

export class Notifier {
  constructor(
    private readonly create: NotificationFactory,
    private readonly supported: () => boolean,
    private readonly openPopover: () => void,
  ) {}

  /** Due alerts come newest first and already collapsed; each is shown once. */
  show(due: readonly Alert[]): number {
    if (!this.supported()) return 0;
    for (const alert of due) {
      const notification = this.create({
        title: alert.title,
        body: alert.body,
        silent: alert.severity === 'info',
        urgency: alert.severity === 'critical' ? 'critical' : 'normal',
      });
      notification.on('click', () => this.openPopover());
      notification.show();
    }
    return due.length;
  }
}
