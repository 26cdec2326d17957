// Playwright's global setup: validates the configuration once, and starts the embedded sandbox when
// ENGAGE_BASE_URL is unset (with rate limiting on, as the sandbox does all four optional behaviours).
import { ConfigError } from '../config/config-error.ts';
import { readEnvironment } from '../config/environment-files.ts';
import { loadSuiteConfig } from '../config/load-suite-config.ts';
import { startEmbeddedSandbox } from '../sandbox/start-embedded-sandbox.ts';

export const TARGET_URL_VARIABLE = 'ENGAGE_E2E_TARGET_URL';

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  try {
    const config = loadSuiteConfig();
    if (config.target.kind === 'remote') {
      process.env[TARGET_URL_VARIABLE] = config.target.baseUrl;
      console.log(`e2e against ${config.target.baseUrl}`);
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
