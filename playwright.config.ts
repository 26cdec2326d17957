// Playwright runs the e2e API tests (the `request` fixture only, no browser) against the configured
// target; global setup starts the embedded sandbox when ENGAGE_BASE_URL is unset.
import { defineConfig } from '@playwright/test';
import { runMain } from './config/entry-point.ts';
import { readEnvironmentAsFarAsItGoes } from './config/environment-files.ts';
import { inReports, REPORT_FILES, reportsDirectory } from './config/report-paths.ts';
import { makeReportsFolder } from './config/reports-folder.ts';

const inCI = process.env.CI === 'true';
// Read like every Node process of the suite reads it, .env files too; a bad ENGAGE_ENV is left to
// global setup, which reports it in one line.
const environment = readEnvironmentAsFarAsItGoes();
const reports = reportsDirectory(environment);
const at = (file: string) => inReports(reports, file);
// Made here, before Playwright's reporters make theirs: a path that cannot be the reports folder is
// one line and exit code 2, not their stack traces or a run that never ends.
await runMain(() => makeReportsFolder(at(REPORT_FILES.e2e), reports), { exitNow: true });

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // One worker: a real environment allows 4 concurrent requests per client, and a burst test needs them.
  workers: 1,
  forbidOnly: inCI,
  // A retry in CI tells a flaky check from a broken one; either fails the run (an API wrong one time
  // in two is broken), and the report names it flaky.
  retries: inCI ? 1 : 0,
  failOnFlakyTests: inCI,
  // A check and an appointment's first GET may each wait 60 s for 429s (e2e/http-probe.ts), and still
  // have their requests' time.
  timeout: 150_000,
  outputDir: at(REPORT_FILES.e2eArtifacts),
  reporter: [
    ['list'],
    ['html', { outputFolder: at(REPORT_FILES.e2eHtml), open: 'never' }],
    ['junit', { outputFile: at(REPORT_FILES.e2eJunit) }],
    // Machine-readable results for npm start's summary: counts, failure messages, skip reasons.
    ['json', { outputFile: at(REPORT_FILES.e2eResults) }],
  ],
  use: {
    extraHTTPHeaders: { accept: 'application/json' },
    // Traces record request headers; the real token never appears in them because the e2e requests
    // carry a placeholder that the token-injecting proxy replaces (config/token-injecting-proxy.ts).
    trace: 'retain-on-failure',
  },
});
