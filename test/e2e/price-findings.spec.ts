import { expect, test } from '@playwright/test';
import { DEMO_ANTHROPIC_KEY, DEMO_OPENAI_KEY } from '../../app/sources/demo/demo-server.ts';
import { openPopover, SHOTS, type Harness } from './popover-harness.ts';

let harness: Harness | undefined;
test.afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('a bill that prices a model below our catalog: the popover says so and marks the model', async ({ page }) => {
  harness = await openPopover(page, {
    // The provider cuts Sonnet 5.5 input to $1.60/M on Nov 10; the catalog still says $2/M.
    demo: { priceChanges: [{ model: 'claude-sonnet-5-5', from: '2026-11-10', kind: 'input', usdPerMillion: '1.60' }] },
    env: (demo) => ({
      SPENDBAR_ANTHROPIC_BASE_URL: demo.url,
      SPENDBAR_ANTHROPIC_ADMIN_KEY: DEMO_ANTHROPIC_KEY,
      SPENDBAR_OPENAI_BASE_URL: demo.url,
      SPENDBAR_OPENAI_ADMIN_KEY: DEMO_OPENAI_KEY,
    }),
  });
  await harness.settled();
  const section = page.getByRole('region', { name: 'Prices from your bill' });
  await expect(section).toContainText(
    'Your bill prices claude-sonnet-5-5 input at $1.60/M since Nov 10; our catalog says $2.00/M',
  );
  await expect(section).toContainText('spendbar prices --check');
  await page.screenshot({ path: `${SHOTS}/price-findings.png`, fullPage: true });
});
