/**
 * The tray icon and its figure. The icon is a ring drawn from the figure (tray-ring.ts); macOS
 * also shows the figure as the status-item title in monospaced digits (so $1,184 → $1,179 does
 * not jitter); Windows and Linux have no title, so the text goes in the tooltip too. The tray is
 * touched only when something it shows changes.
 */
import type { NativeImage, Tray } from 'electron';
import type { SpendView } from '../engine/view-types.ts';
import type { TrayFigure } from '../shared/settings-schema.ts';
import { trayFigureText, trayState, trayTooltip } from './tray-figure.ts';
import { ringKey, ringSpec, type RingSpec } from './tray-ring.ts';

export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle'>;

export class TrayController {
  private shown = { icon: '', title: '', tooltip: '' };
  private readonly warnings: string[] = [];
  private last: { view: SpendView; figure: TrayFigure } | undefined;

  constructor(
    private readonly tray: TrayLike,
    private readonly icon: (spec: RingSpec) => NativeImage,
    private readonly platform: NodeJS.Platform,
  ) {}

  /** A problem the tooltip keeps saying (notifications cannot be shown). */
  warn(text: string): void {
    if (this.warnings.includes(text)) return;
    this.warnings.push(text);
    if (this.last) this.update(this.last.view, this.last.figure);
  }

  update(view: SpendView, figure: TrayFigure): void {
    this.last = { view, figure };
    const spec = ringSpec(view, trayState(view), this.platform === 'darwin');
    const title = trayFigureText(view, figure);
    const tooltip = [trayTooltip(view, figure), ...this.warnings.map((w) => `⚠ ${w}`)].join('\n');
    const icon = ringKey(spec);
    if (icon !== this.shown.icon) this.tray.setImage(this.icon(spec));
    if (this.platform === 'darwin' && title !== this.shown.title) this.tray.setTitle(title, { fontType: 'monospacedDigit' });
    if (tooltip !== this.shown.tooltip) this.tray.setToolTip(tooltip);
    this.shown = { icon, title, tooltip };
  }
}
