/**
 * The tray icon and its figure. macOS shows the figure as the status-item title in monospaced
 * digits (so $1,184 → $1,179 does not jitter); Windows and Linux have no title, so it goes in the
 * tooltip. The tray is touched only when something it shows changes.
 */
import type { NativeImage, Tray } from 'electron';
import type { SpendView } from '../engine/view-types.ts';
import type { TrayFigure } from '../shared/settings-schema.ts';
import { trayFigureText, trayState, trayTooltip, type TrayState } from './tray-figure.ts';

export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle'>;

export class TrayController {
  private shown = { state: '', title: '', tooltip: '' };

  constructor(
    private readonly tray: TrayLike,
    private readonly icon: (state: TrayState) => NativeImage,
    private readonly platform: NodeJS.Platform,
  ) {}

  update(view: SpendView, figure: TrayFigure): void {
    const state = trayState(view);
    const title = trayFigureText(view, figure);
    const tooltip = trayTooltip(view, figure);
    if (state !== this.shown.state) this.tray.setImage(this.icon(state));
    if (this.platform === 'darwin' && title !== this.shown.title) this.tray.setTitle(title, { fontType: 'monospacedDigit' });
    if (tooltip !== this.shown.tooltip) this.tray.setToolTip(tooltip);
    this.shown = { state, title, tooltip };
  }
}
