/** What the tray shows: a state (icon) and the figure the user chose, formatted not to jitter. */
import type { SpendView } from '../engine/view-types.ts';
import type { TrayFigure } from '../shared/settings-schema.ts';

export type TrayState = 'ok' | 'near' | 'over' | 'error' | 'stale';

export function trayState(view: SpendView): TrayState {
  switch (view.level) {
    case 'near':
    case 'over':
    case 'error':
    case 'stale':
      return view.level;
    default:
      return 'ok';
  }
}

const whole = (usd: number) => `$${Math.round(Math.abs(usd)).toLocaleString('en-US')}`;

/** "$1,184 left", "$1,816", "36 %"; with no cap, spent is the only meaningful figure. */
export function trayFigureText(view: SpendView, figure: TrayFigure): string {
  if (view.level === 'empty') return '';
  if (view.capUsd === null || figure === 'spent') return whole(view.spentUsd);
  if (figure === 'percent') return `${Math.round(view.percentOfCap ?? 0)} %`;
  return view.remainingUsd! >= 0 ? `${whole(view.remainingUsd!)} left` : `${whole(view.remainingUsd!)} over`;
}

export function trayTooltip(view: SpendView, figure: TrayFigure): string {
  if (view.level === 'empty') return 'Spendbar — no source set up yet';
  const parts = [
    `Spendbar${view.demo ? ' (demo)' : ''} — ${trayFigureText(view, figure)}`,
    `projected ${whole(view.projectedUsd)} this month`,
  ];
  const broken = view.sources.filter((s) => s.counted && !['ok', 'loading', 'not-configured'].includes(s.state));
  if (broken.length) parts.push(broken.map((s) => `${s.label}: ${s.state}`).join(', '));
  return parts.join('\n');
}
