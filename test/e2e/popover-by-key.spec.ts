/** Four sources in the popover, and the By key tab with the leaked key's alert (issue 14's screenshots). */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ANTHROPIC_KEY, DEMO_OPENAI_KEY } from '../../app/sources/demo/demo-server.ts';
import { DEMO_OPENROUTER_KEY } from '../../app/sources/demo/demo-openrouter.ts';
import { assistantLine, tempDir, writeLines } from '../helpers/claude-logs.ts';
import { NOW, openPopover, SHOTS, type Harness } from './popover-harness.ts';

let harness: Harness | undefined;
test.afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Anthropic, OpenAI and OpenRouter against the demo, and Claude Code logs from this morning. */
async function fourSources(page: Page) {
  const claude = tempDir('spendbar-e2e-claude-');
  const ts = new Date(NOW - 2 * 3_600_000).toISOString();
  writeLines(join(claude, 'projects', 'app', 'session.jsonl'), [
    assistantLine({ id: 'msg_a', model: 'claude-sonnet-4-5-20250929', input: 20_000, output: 4_000, ts }),
    assistantLine({ id: 'msg_b', model: 'claude-sonnet-4-5-20250929', input: 30_000, output: 6_000, ts }),
  ]);
  harness = await openPopover(page, {
    // The demo's leaked CI key spends two days before now: the new-key alert's story.
    demo: { leakedKey: true },
    env: (demo) => ({
      SPENDBAR_ANTHROPIC_BASE_URL: demo.url,
      SPENDBAR_ANTHROPIC_ADMIN_KEY: DEMO_ANTHROPIC_KEY,
      SPENDBAR_OPENAI_BASE_URL: demo.url,
      SPENDBAR_OPENAI_ADMIN_KEY: DEMO_OPENAI_KEY,
      SPENDBAR_OPENROUTER_BASE_URL: demo.url,
      SPENDBAR_OPENROUTER_KEY: DEMO_OPENROUTER_KEY,
      CLAUDE_CONFIG_DIR: claude,
    }),
  });
  const view = await harness.settled();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  return view;
}

test('four sources: Anthropic, OpenAI and OpenRouter billed, Claude Code logs beside them', async ({ page }) => {
  const view = await fourSources(page);
  for (const id of ['anthropic', 'openai', 'openrouter', 'claude-code'])
    await expect(page.getByTestId(`source-${id}`)).toBeVisible();
  expect(view.sources.filter((s) => s.state === 'ok').map((s) => s.id)).toEqual(
    expect.arrayContaining(['anthropic', 'openai', 'openrouter', 'claude-code']),
  );
  // The popover scrolls past its 760 px cap here: the whole page, so all four sources are in the shot.
  await page.screenshot({ path: `${SHOTS}/four-sources.png`, fullPage: true });
});

test('By key: named keys, Workbench usage as its own row, and the new key that spends fast', async ({ page }) => {
  const view = await fourSources(page);
  await page.getByRole('tab', { name: 'By key' }).click();
  const section = page.getByRole('region', { name: 'Spend by API key' });
  await expect(section).toBeVisible();
  await expect(section.getByText('production-backend')).toBeVisible();
  // The leaked key's alert is in the popover, above the figures, where it is seen without scrolling.
  expect(view.alerts.some((a) => a.kind === 'new-key' && a.title.includes('ci-deploy'))).toBe(true);
  const alert = page.getByText('New key spending: ci-deploy (OpenAI)');
  await expect(alert).toBeInViewport();
  const alertBox = (await alert.boundingBox())!;
  const figureBox = (await page.getByRole('region', { name: 'Budget' }).boundingBox())!;
  expect(alertBox.y).toBeLessThan(figureBox.y);
  // A leaked key is small beside the big ones: it is listed first, tagged "new", not lost under "more keys".
  const firstKey = section.getByRole('listitem').first();
  await expect(firstKey).toContainText('ci-deploy');
  await expect(firstKey.locator('.tag', { hasText: /^new$/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/by-key.png` });
});
