// Playwright's global setup: validates the configuration once, and starts the embedded sandbox when
// ENGAGE_BASE_URL is unset (with rate limiting on, as the sandbox does all four optional behaviours).
// A remote target gets one request first: when nothing answers, every test skips as blocked by that,
// and e2e/target.spec.ts fails once, so a dead target costs one request timeout, not one per test.
import { ConfigError } from '../config/config-error.ts';
import { readEnvironment } from '../config/environment-files.ts';
import { loadSuiteConfig } from '../config/load-suite-config.ts';
import { targetDownReason } from '../config/target-reachability.ts';
import { startEmbeddedSandbox } from '../sandbox/start-embedded-sandbox.ts';

export const TARGET_URL_VARIABLE = 'ENGAGE_E2E_TARGET_URL';
/** Set by this setup for the workers when the target did not answer: the reason, naming the target. */
export const TARGET_DOWN_VARIABLE = 'ENGAGE_E2E_TARGET_DOWN';

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  try {
    const config = loadSuiteConfig();
    if (config.target.kind === 'remote') {
      process.env[TARGET_URL_VARIABLE] = config.target.baseUrl;
      console.log(`e2e against ${config.target.baseUrl}`);
      const down = await targetDownReason(config.target.baseUrl, config.requestTimeoutMilliseconds);
      if (down !== undefined) {
        process.env[TARGET_DOWN_VARIABLE] = down;
        console.error(`${down}: every check is blocked by that`);
      }
      return undefined;
    }
    const sandbox = await startEmbeddedSandbox(readEnvironment(), { rateLimitByDefault: true });
    process.env[TARGET_URL_VARIABLE] = sandbox.url;
    console.log(`e2e against the embedded sandbox at ${sandbox.url}`);
    return () => sandbox.close();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`configuration error: ${error.message}`);
    process.exit(2);
  }
}
