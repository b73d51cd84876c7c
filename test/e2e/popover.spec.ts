import { expect, test, type Page } from '@playwright/test';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEMO_ANTHROPIC_KEY, DEMO_OPENAI_KEY, type DemoServer } from '../../app/sources/demo/demo-server.ts';
import { openPopover, SHOTS, type Harness, type HarnessOptions } from './popover-harness.ts';

let harness: Harness | undefined;
test.afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const adminEnv = (demo: DemoServer) => ({
  SPENDBAR_ANTHROPIC_BASE_URL: demo.url,
  SPENDBAR_ANTHROPIC_ADMIN_KEY: DEMO_ANTHROPIC_KEY,
  SPENDBAR_OPENAI_BASE_URL: demo.url,
  SPENDBAR_OPENAI_ADMIN_KEY: DEMO_OPENAI_KEY,
});

async function open(page: Page, options: HarnessOptions) {
  harness = await openPopover(page, options);
  const view = await harness.settled();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  return view;
}

/** A port nothing listens on: bound, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function shot(page: Page, name: string) {
  // The window as the user sees it: the viewport takes the size main gives the popover window.
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('first run: lists every registered source as a way to get data and offers demo mode', async ({ page }) => {
  test.setTimeout(120_000);
  harness = await openPopover(page, {});
  await expect(page.getByRole('heading', { name: 'Track your LLM API spend' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add Anthropic key' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add OpenAI key' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add OpenRouter key' })).toBeVisible();
  await expect(page.getByText('No Claude Code logs found on this machine')).toBeVisible();
  await expect(page.getByText('No Codex CLI logs found on this machine')).toBeVisible();
  await shot(page, '01-first-run');
  await page.getByRole('button', { name: 'Try demo mode' }).click();
  await expect(page.getByTestId('demo-badge')).toHaveText('DEMO DATA');
  // The first sync fetches two months of hourly history: on a loaded 2-core machine that takes a while.
  for (const id of ['anthropic', 'openai', 'openrouter'])
    await expect(page.getByTestId(`source-${id}`)).toContainText('updated just now', { timeout: 45_000 });
  await expect(page.getByTestId('spent')).not.toHaveText('$0.00');
  await shot(page, '02-demo-mode');
  // No cap of one's own yet: a provider's limit is offered as the first one.
  const limit = page.getByTestId('provider-limit').first();
  await expect(limit).toContainText('requests fail beyond it');
  // Each provider's tightest limit, added up: the most the month can cost (Anthropic $6,000 + OpenAI $1,500 + OpenRouter $150).
  await limit.getByRole('button', { name: 'Use as my cap ($7,650' }).click();
  await expect(page.getByText(/of \$7,650(\.00)?$/)).toBeVisible();
  await expect(page.getByTestId('provider-limit').first().getByRole('button', { name: 'Use as my cap' })).toHaveCount(0);
  await shot(page, '03-demo-provider-limit-as-cap');
});

test('the built popover runs from file://, as Electron loads it, under its strict CSP', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  harness = await openPopover(page, { viaFile: true });
  await expect(page.getByRole('heading', { name: 'Track your LLM API spend' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('normal month: budget left, percent of cap, projection with range, chart, models, sources', async ({ page }) => {
  const view = await open(page, { settings: { capUsd: '5000' }, env: adminEnv });
  await expect(page.getByTestId('remaining')).toHaveText(`$${Math.round(view.remainingUsd!).toLocaleString('en-US')}`);
  await expect(page.getByTestId('percent')).toHaveText(`${Math.round(view.percentOfCap!)} %`);
  await expect(page.getByTestId('projected')).toContainText(`$${Math.round(view.projectedUsd).toLocaleString('en-US')}`);
  await expect(page.getByTestId('cap-hit')).toHaveText('Under the cap at this pace');
  await expect(page.getByRole('img', { name: /Daily spend this month/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Spend by model' })).toContainText('Claude Sonnet 4.5');
  await expect(page.getByTestId('source-anthropic')).toContainText('updated just now');
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  // The window grew to its content: every section shows without scrolling.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  expect(page.viewportSize()!.height).toBeGreaterThan(520);
  expect(harness!.window.size[1]).toBe(page.viewportSize()!.height);
  await expect(page.getByTestId('source-openai')).toBeInViewport();
  // Bars are drawn to scale (their widths are set through the CSSOM, which the CSP allows).
  const fraction = await page.evaluate(() => {
    const width = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().width;
    return width('.bar .fill') / width('.bar');
  });
  expect(fraction).toBeCloseTo(view.percentOfCap! / 100, 2);
  const meters = await page.locator('.models .meter').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(meters[meters.length - 1]!).toBeLessThan(meters[0]! * 0.9);
  await shot(page, '03-normal-month');
});

test('spend by workspace: a tab beside the models, Anthropic workspaces and OpenAI projects, the default one named', async ({
  page,
}) => {
  const view = await open(page, { settings: { capUsd: '5000' }, env: adminEnv });
  await page.getByRole('tab', { name: 'By workspace' }).click();
  const section = page.getByRole('region', { name: 'Spend by workspace' });
  await expect(section).toContainText('wrkspc_01DemoProduction');
  await expect(section).toContainText('Default workspace');
  await expect(section).toContainText('proj_DemoApp');
  const top = view.byWorkspace[0]!;
  const amount = top.usd >= 1000 ? Math.round(top.usd).toLocaleString('en-US') : top.usd.toFixed(2);
  await expect(section.locator('li').first()).toContainText(`$${amount}`);
  await expect(page.getByRole('tab', { name: 'By workspace' })).toHaveAttribute('aria-selected', 'true');
  await shot(page, '11-by-workspace');
  await page.getByRole('tab', { name: 'By model' }).click();
  await expect(page.getByRole('region', { name: 'Spend by model' })).toContainText('Claude Sonnet 4.5');
});

test('nearing the cap: the cap-hit date is shown and the figure turns amber', async ({ page }) => {
  const view = await open(page, { settings: { capUsd: '1950' }, env: adminEnv });
  expect(view.level).toBe('near');
  await expect(page.getByTestId('cap-hit')).toContainText('At this pace the cap is reached on Nov');
  await expect(page.locator('.summary.level-near')).toBeVisible();
  await shot(page, '04-nearing-cap');
});

test('over the cap: says by how much, and the alert is shown', async ({ page }) => {
  const view = await open(page, { settings: { capUsd: '1500' }, env: adminEnv });
  expect(view.level).toBe('over');
  await expect(page.getByText('Over the cap by')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Monthly cap reached' })).toBeVisible();
  await shot(page, '05-over-cap');
});

test('key rejected: the source says so and one click opens the key field', async ({ page }) => {
  await open(page, {
    settings: { capUsd: '3000' },
    env: (demo) => ({ ...adminEnv(demo), SPENDBAR_ANTHROPIC_ADMIN_KEY: 'sk-ant-admin01-revoked-key' }),
  });
  const anthropic = page.getByTestId('source-anthropic');
  await expect(anthropic).toContainText('Anthropic admin key rejected (401)');
  await shot(page, '06-key-rejected');
  await anthropic.getByRole('button', { name: 'Update key' }).click();
  await expect(page.getByLabel('Anthropic Admin key')).toBeFocused();
});

test('rate limited: the source shows when it retries, the last data stays on screen', async ({ page }) => {
  await open(page, {
    settings: { capUsd: '3000' },
    env: adminEnv,
    beforeStart: (demo) => demo.injectFault({ kind: 'rate-limit', provider: 'openai', retryAfterSeconds: 600, times: 5 }),
  });
  await expect(page.getByTestId('source-openai')).toContainText('rate limited, retrying at');
  await expect(page.getByTestId('remaining')).toBeVisible();
  await shot(page, '07-rate-limited');
});

test('offline: the source says the network is down and offers a retry', async ({ page }) => {
  const closedPort = await freePort();
  await open(page, {
    settings: { capUsd: '3000' },
    env: (demo) => ({ ...adminEnv(demo), SPENDBAR_OPENAI_BASE_URL: `http://127.0.0.1:${closedPort}` }),
  });
  const openai = page.getByTestId('source-openai');
  await expect(openai).toContainText('cannot reach OpenAI (ECONNREFUSED)');
  await expect(openai.getByRole('button', { name: 'Retry now' })).toBeVisible();
  await shot(page, '08-offline');
});

test('settings round trip: a key lands in the real keychain and never comes back to the page', async ({ page }) => {
  test.skip(
    !process.env.DBUS_SESSION_BUS_ADDRESS,
    'no D-Bus session with gnome-keyring: run through `npm test`, which starts one',
  );
  harness = await openPopover(page, {
    env: (demo) => ({ SPENDBAR_ANTHROPIC_BASE_URL: demo.url, SPENDBAR_OPENAI_BASE_URL: demo.url }),
  });
  await page.getByRole('button', { name: 'Add Anthropic key' }).click();
  const field = page.getByLabel('Anthropic Admin key');
  await field.fill(DEMO_ANTHROPIC_KEY);
  await page.locator('fieldset[data-provider="anthropic"]').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('key-message-anthropic')).toHaveText('Saved in the OS keychain.');
  await expect(page.getByTestId('key-status-anthropic')).toHaveText('Key set (in the OS keychain)');
  await expect(field).toHaveValue('');
  expect(await harness.secrets.get('anthropic')).toBe(DEMO_ANTHROPIC_KEY);
  await page.locator('fieldset[data-provider="anthropic"]').getByRole('button', { name: 'Test' }).click();
  await expect(page.getByTestId('key-message-anthropic')).toHaveText(
    'Key works: organization org_01DemoSpendbarOrganization on Anthropic.',
  );
  await field.fill('sk-ant-admin01-typo-in-the-key');
  await page.locator('fieldset[data-provider="anthropic"]').getByRole('button', { name: 'Test' }).click();
  await expect(page.getByTestId('key-message-anthropic')).toContainText('Anthropic admin key rejected (401)');

  await page.getByLabel('OpenAI Admin key').fill('sk-proj-not-an-admin-key');
  await page.locator('fieldset[data-provider="openai"]').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('key-message-openai')).toContainText('not an OpenAI Admin key');

  await page.getByLabel('Monthly cap (USD)').fill('1234');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-message')).toHaveText('Settings saved.');
  await shot(page, '09-settings');
  await page.getByRole('button', { name: '← Back' }).click();

  const html = await page.content();
  const state = await page.evaluate(() =>
    JSON.stringify({ storage: { ...localStorage }, session: { ...sessionStorage }, title: document.title }),
  );
  for (const text of [html, state, ...harness.sentToPage]) {
    expect(text).not.toContain(DEMO_ANTHROPIC_KEY);
    expect(text).not.toContain('sk-ant-admin01-typo-in-the-key');
  }
  expect(harness.sentToPage.some((t) => t.includes('"capUsd":"1234"'))).toBe(true);
});

test('dark theme follows the OS', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, { settings: { capUsd: '5000' }, env: adminEnv });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(28, 30, 35)');
  await shot(page, '10-dark');
});

test('keyboard reachable: every action is a focusable button in a sensible order', async ({ page }) => {
  await open(page, { settings: { capUsd: '5000' }, env: adminEnv });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Refresh now' })).toBeFocused();
  // A new view rebuilds the page; the focus stays where the user put it.
  const sent = harness!.sentToPage.length;
  await page.keyboard.press('Enter');
  await expect.poll(() => harness!.sentToPage.slice(sent).some((p) => p.includes('"asOf"'))).toBe(true);
  await expect(page.getByRole('button', { name: 'Refresh now' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('header').getByRole('button', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
