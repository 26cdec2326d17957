// Playwright runs the e2e API tests (the `request` fixture only, no browser) against the configured
// target; global setup starts the embedded sandbox when ENGAGE_BASE_URL is unset.
import { defineConfig } from '@playwright/test';

const inCI = process.env.CI === 'true';
const reports = process.env.ENGAGE_REPORTS_DIR ?? 'reports';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // One worker: a real environment allows 4 concurrent requests per client, and a burst test needs them.
  workers: 1,
  forbidOnly: inCI,
  retries: inCI ? 1 : 0,
  timeout: 60_000,
  outputDir: `${reports}/e2e/test-results`,
  reporter: [
    ['list'],
    ['html', { outputFolder: `${reports}/e2e/html`, open: 'never' }],
    ['junit', { outputFile: `${reports}/e2e/junit.xml` }],
    // Machine-readable results for npm start's summary: counts, failure messages, skip reasons.
    ['json', { outputFile: `${reports}/e2e/results.json` }],
  ],
  use: {
    extraHTTPHeaders: { accept: 'application/json' },
    // Traces record request headers; the real token never appears in them because the e2e requests
    // carry a placeholder that the token-injecting proxy replaces (e2e/token-injecting-proxy.ts).
    trace: 'retain-on-failure',
  },
});
