// The e2e test API: `test` with the typed suite config and a `probe` built on Playwright's `request`
// fixture (token added per call, never logged), and `expect` with the suite's custom matchers.
import { test as base, expect as baseExpect } from '@playwright/test';
import { loadSuiteConfig } from '../config/load-suite-config.ts';
import type { SuiteConfig } from '../config/suite-config.ts';
import { createTokenProvider, type TokenProvider } from '../config/token-provider.ts';
import { type CheckResult, problemsOf } from './checks/check-result.ts';
import { TARGET_URL_VARIABLE } from './global-setup.ts';
import { createProbe, type Probe, redact } from './http-probe.ts';
import { toMatchSchema } from './matchers/to-match-schema.ts';

export const expect = baseExpect.extend({ toMatchSchema });

export const test = base.extend<{ probe: Probe }, { suite: SuiteConfig; tokens: TokenProvider; targetUrl: string }>({
  suite: [async ({}, use) => use(loadSuiteConfig()), { scope: 'worker' }],
  tokens: [async ({ suite }, use) => use(createTokenProvider(suite.auth)), { scope: 'worker' }],
  targetUrl: [
    async ({}, use) => {
      const url = process.env[TARGET_URL_VARIABLE];
      if (url === undefined)
        throw new Error(`${TARGET_URL_VARIABLE} is unset: run the e2e tests with npm run test:e2e`);
      await use(url);
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ targetUrl }, use) => use(targetUrl),
  probe: async ({ request, suite, tokens, targetUrl }, use, testInfo) => {
    const log: string[] = [];
    const probe = createProbe(
      { baseUrl: targetUrl, enterprise: suite.enterprise, getToken: () => tokens.getToken() },
      async (url, headers) => {
        const response = await request.get(url, {
          headers,
          failOnStatusCode: false,
          maxRedirects: 0,
          timeout: suite.requestTimeoutMilliseconds,
        });
        const shown = Object.entries(headers).map(
          ([name, value]) => `${name}: ${name === 'authorization' ? '[redacted]' : value}`,
        );
        log.push(`GET ${url} [${shown.join('; ')}] -> ${response.status()}`);
        return { status: response.status(), headers: response.headers(), text: await response.text() };
      },
    );
    await use(probe);
    if (testInfo.status !== testInfo.expectedStatus) {
      // Our own trace of the exchange: Playwright's would record the Authorization header.
      await testInfo.attach('http-log.txt', {
        body: redact(log.join('\n'), await tokens.getToken()),
        contentType: 'text/plain',
      });
    }
  },
});

/** Reports a check: a skip with its reason, or no problems expected. */
export function expectCheck(result: CheckResult): void {
  test.skip('skipped' in result, 'skipped' in result ? result.skipped : '');
  expect(problemsOf(result), 'problems found').toEqual([]);
}
