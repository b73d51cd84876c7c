import { describe, expect, it } from 'vitest';
import { Notifier } from '../../../app/main/notifier.ts';
import { TrayController } from '../../../app/main/tray-controller.ts';
import { trayMenuTemplate } from '../../../app/main/tray-menu.ts';
import type { SpendView } from '../../../app/engine/view-types.ts';
import { evaluateAlerts } from '../../../app/engine/alerts.ts';
import { usdToFemto } from '../../../app/engine/money.ts';
import { ringKey, type RingSpec } from '../../../app/main/tray-ring.ts';
import { FakeNotification, FakeTray, fakeIcon } from '../../helpers/electron-fake.ts';

const ringIcon = (spec: RingSpec) => fakeIcon(ringKey(spec));

function view(overrides: Partial<SpendView>): SpendView {
  return {
    asOf: '2026-11-25T12:30:00.000Z',
    timeZone: 'UTC',
    period: { start: '', end: '', startDate: '2026-11-01', endDate: '2026-11-30', days: 30, dayOfPeriod: 25 },
    level: 'ok',
    demo: false,
    spentUsd: 1816.4,
    spentComplete: true,
    providerLimits: [],
    capUsd: 3000,
    remainingUsd: 1183.6,
    percentOfCap: 60.5,
    projectedUsd: 2243,
    projectedLowUsd: 2200,
    projectedHighUsd: 2280,
    forecastConfidence: 'normal',
    forecastRoughReason: null,
    forecastNote: '',
    capOutlook: 'within',
    capHitDate: null,
    todayUsd: 16,
    hourlyRateUsd: 2,
    daily: [],
    byModel: [],
    byWorkspace: [],
    byKey: [],
    sources: [
      { id: 'anthropic', label: 'Anthropic', state: 'ok', counted: true, estimate: false, spentUsd: 1816.4, capUsd: null },
    ],
    unpriced: [],
    reconciliation: [],
    priceFindings: [],
    alerts: [],
    subscription: null,
    notices: [],
    ...overrides,
  };
}

describe('tray', () => {
  it('macOS: the chosen figure as the title in monospaced digits, the ring as a template icon', () => {
    const tray = new FakeTray();
    const controller = new TrayController(tray, ringIcon, 'darwin');
    controller.update(view({}), 'remaining');
    expect(tray.calls).toEqual([
      ['setImage', 'ok:0.6:t'],
      ['setTitle', { title: '$1,184 left', fontType: 'monospacedDigit' }],
      ['setToolTip', 'Spendbar — $1,184 left\nprojected $2,243 this month'],
    ]);
  });

  it('updates only what changed, and nothing when nothing did', () => {
    const tray = new FakeTray();
    const controller = new TrayController(tray, ringIcon, 'darwin');
    controller.update(view({}), 'percent');
    tray.calls.length = 0;
    controller.update(view({}), 'percent');
    expect(tray.calls).toEqual([]);
    controller.update(view({ level: 'near', percentOfCap: 91.2, remainingUsd: 264 }), 'percent');
    expect(tray.calls.map(([call, arg]) => [call, call === 'setTitle' ? (arg as { title: string }).title : arg])).toEqual([
      ['setImage', 'near:0.9:t'],
      ['setTitle', '91 %'],
      ['setToolTip', 'Spendbar — 91 %\nprojected $2,243 this month'],
    ]);
  });

  it('Windows and Linux: no title (they have none); the figure and broken sources go in the tooltip', () => {
    const tray = new FakeTray('win32');
    new TrayController(tray, ringIcon, 'win32').update(
      view({
        level: 'over',
        remainingUsd: -120,
        percentOfCap: 104,
        sources: [
          { id: 'openai', label: 'OpenAI', state: 'key-rejected', counted: true, estimate: false, spentUsd: 0, capUsd: null },
        ],
      }),
      'remaining',
    );
    expect(tray.calls).toEqual([
      ['setImage', 'over:1:c'],
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
    FakeNotification.reset();
    let opened = 0;
    const notifier = new Notifier({
      create: (options) => new FakeNotification(options),
      supported: () => true,
      openPopover: () => opened++,
    });
    const { due } = evaluateAlerts(
      {
        periodStart: '2026-11-01',
        now: 0,
        capFemto: usdToFemto('1000')!,
        spentFemto: usdToFemto('910')!,
        thresholds: [50, 75, 90, 100],
        forecast: { projectedUsd: 990, lowUsd: 950, highUsd: 999, capHitDate: null },
        lastHourUsd: 1,
        typicalHourUsd: 1,
        localDate: '2026-11-25',
      },
      undefined,
    );
    expect(notifier.show(due)).toBe(1);
    expect(FakeNotification.shown.map((n) => n.title)).toEqual(['90 % of your monthly cap used']);
    expect(FakeNotification.clickNewest()).toBe(true);
    expect(opened).toBe(1);
  });

  it('shows nothing where the system has no notifications', () => {
    FakeNotification.reset();
    const notifier = new Notifier({
      create: (options) => new FakeNotification(options),
      supported: () => false,
      openPopover: () => undefined,
    });
    expect(notifier.show([{ id: 'x', kind: 'spike', severity: 'warning', title: 't', body: 'b' }])).toBe(0);
    expect(FakeNotification.shown).toEqual([]);
  });
});
