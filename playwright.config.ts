import { defineConfig } from '@playwright/test';

// Debian's Chromium, not a downloaded browser; the popover is served by the test's own harness.
export default defineConfig({
  testDir: './test/e2e',
  testMatch: /.*\.spec\.ts$/,
  // Builds out/ first, so `npx playwright test` works on a fresh checkout.
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: './test-results/playwright',
  timeout: 30_000,
  workers: 1,
  reporter: 'list',
  use: {
    headless: true,
    colorScheme: 'light',
    launchOptions: {
      executablePath: process.env.SPENDBAR_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
