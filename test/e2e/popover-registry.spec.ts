/** A source added to the registry in a test reaches the popover with no other file touched (issue 14). */
import { expect, test } from '@playwright/test';
import { SOURCE_REGISTRY } from '../../app/sources/registry.ts';
import { acmeSource } from '../helpers/acme-source.ts';
import { openPopover, type Harness } from './popover-harness.ts';

let harness: Harness | undefined;
test.afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('a test source is listed, counted and broken down in the popover, and offered in Settings', async ({ page }) => {
  harness = await openPopover(page, {
    registry: [...SOURCE_REGISTRY, acmeSource],
    env: () => ({ SPENDBAR_ACME_KEY: 'acme-secret' }),
  });
  const view = await harness.settled();
  expect(view.spentUsd).toBe(25);
  await expect(page.getByTestId('source-acme-llm')).toContainText('Acme LLM');
  await expect(page.getByTestId('source-acme-llm')).toContainText('$25.00');
  await expect(page.getByRole('region', { name: 'Spend by model' })).toContainText('acme-1');
  await page.locator('header').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText('Acme LLM').first()).toBeVisible();
});
