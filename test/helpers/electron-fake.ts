/**
 * One typed fake of the Electron APIs the glue uses — the only fake in the suite, because Electron
 * cannot run here. Each class implements exactly the Electron type it stands for, so a change in
 * electron.d.ts that the glue depends on breaks compilation here.
 */
import { EventEmitter } from 'node:events';
import type { NativeImage, NotificationConstructorOptions, Point, Rectangle, Tray } from 'electron';
import type { NotificationLike } from '../../app/main/notifier.ts';
import type { DisplayArea } from '../../app/main/popover-position.ts';
import type { ScreenLike, WindowLike } from '../../app/main/popover-window.ts';
import type { ContentsLike } from '../../app/main/security.ts';
import type { PowerMonitorLike } from '../../app/main/system-events.ts';

export class FakeTray implements Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle'> {
  readonly calls: Array<[string, unknown]> = [];
  setImage(image: NativeImage | string): void {
    this.calls.push(['setImage', (image as unknown as { name: string }).name]);
  }
  setToolTip(toolTip: string): void {
    this.calls.push(['setToolTip', toolTip]);
  }
  setTitle(title: string, options?: { fontType?: 'monospaced' | 'monospacedDigit' }): void {
    this.calls.push(['setTitle', { title, fontType: options?.fontType }]);
  }
}

/** A stand-in image that says which icon it is. */
export const fakeIcon = (name: string) => ({ name }) as unknown as NativeImage;

export class FakeNotification implements NotificationLike {
  static shown: FakeNotification[] = [];
  private readonly emitter = new EventEmitter();
  constructor(readonly options: NotificationConstructorOptions) {}
  on(event: 'click', listener: () => void): this {
    this.emitter.on(event, listener);
    return this;
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
  click(): void {
    this.emitter.emit('click');
  }
}

export class FakePowerMonitor extends EventEmitter implements PowerMonitorLike {}

export class FakeWindow implements WindowLike {
  visible = false;
  position: [number, number] | undefined;
  size: [number, number] = [360, 520];
  private readonly emitter = new EventEmitter();
  isVisible(): boolean {
    return this.visible;
  }
  hide(): void {
    this.visible = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {}
  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }
  setSize(width: number, height: number): void {
    this.size = [width, height];
  }
  on(event: 'blur', listener: () => void): this {
    this.emitter.on(event, listener);
    return this;
  }
  blur(): void {
    this.emitter.emit('blur');
  }
}

export class FakeScreen implements ScreenLike {
  constructor(
    private readonly displays: DisplayArea[],
    public cursor: Point = { x: 0, y: 0 },
  ) {}
  private contains(d: DisplayArea, p: Point): boolean {
    return p.x >= d.bounds.x && p.x < d.bounds.x + d.bounds.width && p.y >= d.bounds.y && p.y < d.bounds.y + d.bounds.height;
  }
  getDisplayMatching(rect: Rectangle): DisplayArea {
    return (
      this.displays.find((d) => this.contains(d, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 })) ??
      this.displays[0]!
    );
  }
  getDisplayNearestPoint(point: Point): DisplayArea {
    return this.displays.find((d) => this.contains(d, point)) ?? this.displays[0]!;
  }
  getCursorScreenPoint(): Point {
    return this.cursor;
  }
}

export class FakeContents extends EventEmitter implements ContentsLike {
  openHandler: (() => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits a navigation-like event and says whether it was prevented. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview'): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) });
    return prevented;
  }
}
