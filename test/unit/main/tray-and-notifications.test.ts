import { describe, expect, it } from 'vitest';
import { Notifier } from '../../../app/main/notifier.ts';
import { TrayController } from '../../../app/main/tray-controller.ts';
import { trayMenuTemplate } from '../../../app/main/tray-menu.ts';
import type { SpendView } from '../../../app/engine/view-types.ts';
import { evaluateAlerts } from '../../../app/engine/alerts.ts';
import { usdToFemto } from '../../../app/engine/money.ts';
import { FakeNotification, FakeTray, fakeIcon } from '../../helpers/electron-fake.ts';

function view(overrides: Partial<SpendView>): SpendView {
  return {
    asOf: '2026-11-25T12:30:00.000Z',
    timeZone: 'UTC',
    period: { start: '', end: '', startDate: '2026-11-01', endDate: '2026-11-30', days: 30, dayOfPeriod: 25 },
    level: 'ok',
    demo: false,
    spentUsd: 1816.4,
    capUsd: 3000,
    remainingUsd: 1183.6,
    percentOfCap: 60.5,
    projectedUsd: 2243,
    projectedLowUsd: 2200,
    projectedHighUsd: 2280,
    forecastConfidence: 'normal',
    forecastNote: '',
    capHitDate: null,
    todayUsd: 16,
    hourlyRateUsd: 2,
    daily: [],
    byModel: [],
    byWorkspace: [],
    sources: [
      { id: 'anthropic', label: 'Anthropic', state: 'ok', counted: true, estimate: false, spentUsd: 1816.4, capUsd: null },
    ],
    unpriced: [],
    reconciliation: [],
    alerts: [],
    subscription: null,
    notices: [],
    ...overrides,
  };
}

describe('tray', () => {
  it('macOS: the chosen figure as the title in monospaced digits, the state as a template icon', () => {
    const tray = new FakeTray();
    const controller = new TrayController(tray, (state) => fakeIcon(`${state}Template`), 'darwin');
    controller.update(view({}), 'remaining');
    expect(tray.calls).toEqual([
      ['setImage', 'okTemplate'],
      ['setTitle', { title: '$1,184 left', fontType: 'monospacedDigit' }],
      ['setToolTip', 'Spendbar — $1,184 left\nprojected $2,243 this month'],
    ]);
  });

  it('updates only what changed, and nothing when nothing did', () => {
    const tray = new FakeTray();
    const controller = new TrayController(tray, fakeIcon, 'darwin');
    controller.update(view({}), 'percent');
    tray.calls.length = 0;
    controller.update(view({}), 'percent');
    expect(tray.calls).toEqual([]);
    controller.update(view({ level: 'near', percentOfCap: 91.2, remainingUsd: 264 }), 'percent');
    expect(tray.calls.map(([call, arg]) => [call, call === 'setTitle' ? (arg as { title: string }).title : arg])).toEqual([
      ['setImage', 'near'],
      ['setTitle', '91 %'],
      ['setToolTip', 'Spendbar — 91 %\nprojected $2,243 this month'],
    ]);
  });

  it('Windows and Linux: no title (they have none); the figure and broken sources go in the tooltip', () => {
    const tray = new FakeTray();
    new TrayController(tray, fakeIcon, 'win32').update(
      view({
        level: 'over',
        remainingUsd: -120,
        sources: [
          { id: 'openai', label: 'OpenAI', state: 'key-rejected', counted: true, estimate: false, spentUsd: 0, capUsd: null },
        ],
      }),
      'remaining',
    );
    expect(tray.calls).toEqual([
      ['setImage', 'over'],
      ['setToolTip', 'Spendbar — $120 over\nprojected $2,243 this month\nOpenAI: key-rejected'],
    ]);
  });

  it('the right-click menu offers every action', () => {
    const done: string[] = [];
    const template = trayMenuTemplate(
      { paused: false, launchAtLogin: true, demo: false },
      {
        open: () => done.push('open'),
        refresh: () => done.push('refresh'),
        settings: () => done.push('settings'),
        pause: (h) => done.push(`pause ${h}`),
        toggleLaunchAtLogin: (on) => done.push(`login ${on}`),
        quit: () => done.push('quit'),
      },
    );
    expect(template.map((i) => i.label ?? i.type)).toEqual([
      'Open Spendbar',
      'Refresh now',
      'Settings…',
      'separator',
      'Pause notifications',
      'Launch at login',
      'separator',
      'Quit Spendbar',
    ]);
    expect(template.find((i) => i.label === 'Launch at login')?.checked).toBe(true);
  });
});

describe('notifications', () => {
  it('a threshold crossing shows one notification; clicking it opens the popover', () => {
    FakeNotification.shown = [];
    let opened = 0;
    const notifier = new Notifier(
      (options) => new FakeNotification(options),
      () => true,
      () => opened++,
    );
    const { due } = evaluateAlerts(
      {
        periodStart: '2026-11-01',
        now: 0,
        capFemto: usdToFemto('1000')!,
        spentFemto: usdToFemto('910')!,
        thresholds: [50, 75, 90, 100],
        forecast: { projectedUsd: 990, confidence: 'normal', capHitDate: null },
        lastHourUsd: 1,
        typicalHourUsd: 1,
        localDate: '2026-11-25',
      },
      undefined,
    );
    expect(notifier.show(due)).toBe(1);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['90 % of your monthly cap used']);
    FakeNotification.shown[0]!.click();
    expect(opened).toBe(1);
  });

  it('shows nothing where the system has no notifications', () => {
    FakeNotification.shown = [];
    const notifier = new Notifier(
      (options) => new FakeNotification(options),
      () => false,
      () => undefined,
    );
    expect(notifier.show([{ id: 'x', kind: 'spike', severity: 'warning', title: 't', body: 'b' }])).toBe(0);
    expect(FakeNotification.shown).toEqual([]);
  });
});
