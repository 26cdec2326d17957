// Playwright's global setup: validates the configuration once, and starts the embedded sandbox when
// ENGAGE_BASE_URL is unset (with rate limiting on unless SANDBOX_RATE_LIMIT says otherwise, as the
// sandbox does every optional behaviour).
// A remote target gets one request first: when nothing answers, every test skips as blocked by that,
// and e2e/z-target.spec.ts fails once, so a dead target costs one request timeout, not one per test.
import { writeFileSync } from 'node:fs';
import { runMain } from '../config/entry-point.ts';
import { type Handoffs, handOff } from '../config/handoffs.ts';
import { loadSuite } from '../config/load-suite-config.ts';
import { inReports, REPORT_FILES, reportsDirectory } from '../config/report-paths.ts';
import { resolveTarget } from '../config/resolve-target.ts';
import { targetDownReason } from '../config/target-reachability.ts';

/** Hands values to the workers, which read the environment this setup leaves. */
const handToWorkers = (values: Partial<Handoffs>) => Object.assign(process.env, handOff(values));

export default function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  return runMain(
    async () => {
      // Warned once here when run alone (npm run test:e2e); npm start warns for its layers.
      const { environment, config } = loadSuite({ warnOfUnknownSettings: true });
      const target = await resolveTarget(config, environment, { rateLimitByDefault: true });
      // The run's 429 waits, which each worker (one after each failed test) adds to; in the reports
      // folder, which playwright.config.ts made, so that a run stopped at its timeout leaves nothing behind.
      const waits = inReports(reportsDirectory(environment), REPORT_FILES.e2eRateLimitWaits);
      writeFileSync(waits, '');
      handToWorkers({ ENGAGE_E2E_TARGET_URL: target.url, ENGAGE_E2E_WAITS_FILE: waits });
      console.log(`e2e against ${target.label}${target.sandbox === undefined ? '' : ` at ${target.url}`}`);
      if (target.sandbox === undefined) {
        const down = await targetDownReason(target.url, config.requestTimeoutMilliseconds);
        if (down !== undefined) {
          handToWorkers({ ENGAGE_E2E_TARGET_DOWN: down });
          console.error(`${down}: every check is blocked by that`);
        }
      }
      return () => target.close();
    },
    { exitNow: true },
  );
}
