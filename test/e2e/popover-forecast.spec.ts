/**
 * The forecast as the popover shows it, on spending the demo organization does not make: a sparse
 * month and a month with a launch that tripled spend, both from real Claude Code transcripts on
 * disk read by the real scanner, through the real AppService.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { tempDir } from '../helpers/claude-logs.ts';
import { writeSparseMonth, writeStepUpMonth } from '../helpers/claude-month.ts';
import { writeCodexTree } from '../helpers/codex-logs.ts';
import { openPopover, SHOTS, type Harness } from './popover-harness.ts';

let harness: Harness | undefined;
test.afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function openWithLogs(page: Page, write: (root: string) => void, capUsd: string, env: Record<string, string> = {}) {
  const root = join(tempDir(), 'claude');
  write(root);
  harness = await openPopover(page, { settings: { capUsd }, env: () => ({ CLAUDE_CONFIG_DIR: root, ...env }) });
  const view = await harness.settled();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  return view;
}

/** As the popover writes a range's ends: cents under $100, whole dollars above. */
const brief = (usd: number) => (usd >= 100 ? `$${Math.round(usd).toLocaleString('en-US')}` : `$${usd.toFixed(2)}`);

test('sparse month: the projection shows its range and says it is rough, and why', async ({ page }) => {
  const view = await openWithLogs(page, writeSparseMonth, '150');
  expect(view.forecastRoughReason).toBe('spending on few days — rough estimate');
  await expect(page.getByTestId('projected-range')).toHaveText(
    ` likely ${brief(view.projectedLowUsd)}–${brief(view.projectedHighUsd)}`,
  );
  await expect(page.getByTestId('forecast-rough')).toHaveText('Spending on few days — rough estimate');
  // Days without spend count: the month is projected near what was spent, not four times it.
  expect(view.projectedUsd).toBeLessThan(view.spentUsd * 1.5);
  await expect(page.getByTestId('cap-hit')).toHaveText('Under the cap at this pace');
  await page.screenshot({ path: `${SHOTS}/20-forecast-sparse-month.png` });
});

test('step-up month: the tripled spend is followed at once, and the cap-hit date is shown', async ({ page }) => {
  const view = await openWithLogs(page, writeStepUpMonth, '800');
  // $20 a weekday before the 20th, $60 since: the rest of the month is projected at the new level.
  expect(view.projectedUsd - view.spentUsd).toBeGreaterThan(0.75 * (60 * 4 + 24 + 30));
  // Over the cap at the new level: certain or possible depending on the range's low end.
  expect(['will-exceed', 'may-exceed']).toContain(view.capOutlook);
  await expect(page.getByTestId('projected-range')).toHaveText(
    ` likely ${brief(view.projectedLowUsd)}–${brief(view.projectedHighUsd)}`,
  );
  // The whole projection line stays on one line at the popover's width.
  const lines = await page
    .getByTestId('projected')
    .evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBe(1);
  await expect(page.getByTestId('cap-hit')).toHaveText(
    /^(At this pace the cap is reached on Nov \d+|May reach the cap by Nov \d+ \(top of the range\))$/,
  );
  await expect(page.getByTestId('forecast-rough')).toHaveText('Spending changed recently — rough estimate');
  await page.screenshot({ path: `${SHOTS}/21-forecast-step-up-month.png` });
});

test('a tool first used lately: its days are projected on their own, and the popover says which tool is new', async ({ page }) => {
  // Codex sessions every day from the 20th, next to two months of Claude Code.
  const codex = join(tempDir(), 'codex');
  writeCodexTree(codex, { seed: 3, sessions: 60, start: Date.parse('2026-11-20T08:00:00Z'), days: 5 });
  const view = await openWithLogs(page, writeStepUpMonth, '800', { CODEX_HOME: codex });
  expect(view.forecastRoughReason).toBe('Codex CLI (local logs) began spending 5 days ago — rough estimate');
  await expect(page.getByTestId('forecast-rough')).toHaveText('Codex CLI (local logs) began spending 5 days ago — rough estimate');
  await expect(page.getByTestId('projected-range')).toHaveText(
    ` likely ${brief(view.projectedLowUsd)}–${brief(view.projectedHighUsd)}`,
  );
  await page.screenshot({ path: `${SHOTS}/22-forecast-new-source.png` });
});
