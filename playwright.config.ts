// Browser tests in Chromium. Playwright's own browser download is not reachable on these machines, so the
// Debian package's /usr/bin/chromium is used when present; elsewhere, Playwright's installed browser.
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/browser';

// PRELABEL_E2E_PORT lets two checkouts run their browser tests at once without sharing one dev server.
const port = Number(process.env.PRELABEL_E2E_PORT ?? 4321);

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx vite --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
