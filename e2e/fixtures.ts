// The e2e test API: `test` with the typed suite config and a `probe` built on Playwright's `request`
// fixture, `skipWhenBlocked` for checks that build on an appointment's first GET, and `expect` with the suite's
// custom matchers. Requests go through the token-injecting
// proxy, so Playwright, its traces and its reports only ever see a placeholder token.
import { existsSync } from 'node:fs';
import { test as base, expect as baseExpect } from '@playwright/test';
import { appointmentPath } from '../config/api-facts.ts';
import { exactTransport, type RawRequest, utf8Text } from '../config/exact-request.ts';
import { failureWithoutStack } from '../config/failure-without-stack.ts';
import { readHandoff } from '../config/handoffs.ts';
import { loadSuiteConfig } from '../config/load-suite-config.ts';
import type { SuiteConfig } from '../config/suite-config.ts';
import {
  PROXY_ERROR_HEADER,
  startTokenInjectingProxy,
  type TokenInjectingProxy,
} from '../config/token-injecting-proxy.ts';
import { createTokenProvider } from '../config/token-provider.ts';
import { blockingProblem, type FirstAnswer, type Needs } from './checks/blocking.ts';
import { type CheckResult, problemsOf } from './checks/check-result.ts';
import { checkBasicAppointment, checkOkJson, checkRequestedId, withRemedy } from './checks/response-checks.ts';
import { backingOffOnRateLimit, createProbe, type Probe } from './http-probe.ts';
import { toMatchSchema } from './matchers/to-match-schema.ts';
import { fileWaits, type RateLimitWaits } from './rate-limit-waits.ts';

export const expect = baseExpect.extend({ toMatchSchema });

/** The problems of appointment `id`'s first GET in this worker, which the checks built on it read. */
type BlockedBy = (id: string) => Promise<FirstAnswer>;

/** Where the probes send: the forwarder, with its placeholder token. */
const throughForwarder = (forwarder: TokenInjectingProxy) => ({
  baseUrl: forwarder.url,
  shownBaseUrl: forwarder.targetUrl,
  getToken: async () => forwarder.placeholder,
});

/** The forwarder's own failure (refused, or no answer from the target), raised as the error it is. */
const raisingForwarderErrors =
  (transport: RawRequest): RawRequest =>
  async (method, url, headers) => {
    const answer = await transport(method, url, headers);
    const proxyError = answer.headers[PROXY_ERROR_HEADER];
    if (proxyError !== undefined) throw failureWithoutStack(decodeURIComponent(proxyError));
    return answer;
  };

export const test = base.extend<
  { probe: Probe; burstProbe: Probe; exactProbe: Probe; targetAnswers: undefined },
  { suite: SuiteConfig; forwarder: TokenInjectingProxy; blockedBy: BlockedBy; rateLimitWaits: RateLimitWaits }
>({
  suite: [async ({}, use) => use(loadSuiteConfig()), { scope: 'worker' }],
  // What the run has left to wait for 429s, shared by every worker's probes: a target that answers
  // 429 to everything fails the checks within minutes, not a minute each.
  rateLimitWaits: [
    async ({}, use) => {
      const file = readHandoff(process.env, 'ENGAGE_E2E_WAITS_FILE');
      if (file === undefined || !existsSync(file))
        throw failureWithoutStack(
          `ENGAGE_E2E_WAITS_FILE ${file === undefined ? 'is unset' : `names ${file}, which is gone`}: run the e2e tests with npm run test:e2e, whose global setup makes it`,
        );
      await use(fileWaits(file));
    },
    { scope: 'worker' },
  ],
  forwarder: [
    async ({ suite }, use) => {
      const targetUrl = readHandoff(process.env, 'ENGAGE_E2E_TARGET_URL');
      if (targetUrl === undefined)
        throw new Error('ENGAGE_E2E_TARGET_URL is unset: run the e2e tests with npm run test:e2e');
      const timeout = { timeoutMilliseconds: suite.requestTimeoutMilliseconds };
      const other = suite.otherTenantAppointment;
      const tokens = createTokenProvider(suite.auth, timeout);
      const noScopeTokens = suite.noScopeAuth && createTokenProvider(suite.noScopeAuth, timeout);
      const proxy = await startTokenInjectingProxy(
        targetUrl,
        // The enterprises whose appointment paths get a token: another tenant's too, which must refuse it.
        [suite.enterprise, suite.otherEnterprise, ...(other === undefined ? [] : [other.enterprise])],
        () => tokens.getToken(),
        suite.requestTimeoutMilliseconds,
        { noScope: () => noScopeTokens?.getToken(), expired: () => suite.expiredToken?.reveal() },
      );
      await use(proxy);
      await proxy.close();
    },
    { scope: 'worker' },
  ],
  // One GET per appointment and worker, so that a broken basic 200, or another appointment than the
  // one asked for, is one failure, not one per check.
  blockedBy: [
    async ({ suite, forwarder, rateLimitWaits }, use) => {
      const probe = createProbe(throughForwarder(forwarder), exactTransport(suite.requestTimeoutMilliseconds));
      const found = new Map<string, Promise<FirstAnswer>>();
      await use((id) => {
        let answer = found.get(id);
        if (answer === undefined) {
          const label = `GET appointment ${id}`;
          // Each appointment's first GET has 60 s of back-off of its own, as a test has, within the run's.
          answer = backingOffOnRateLimit(
            probe,
            rateLimitWaits,
          )(appointmentPath(suite.enterprise, id)).then(
            (response): FirstAnswer => {
              const proxyError = response.headers[PROXY_ERROR_HEADER];
              if (proxyError !== undefined) return { okJson: decodeURIComponent(proxyError) };
              const [okJson] = checkOkJson(response, label);
              // The target's own URL for it, not the forwarder's: a relative Location is the target's.
              const sentTo = `${forwarder.targetUrl}${appointmentPath(suite.enterprise, id)}`;
              if (okJson !== undefined) return { okJson: withRemedy(okJson, response, suite.auth.kind, sentTo) };
              // The problem's first line and its first violation.
              const schema = checkBasicAppointment(response, label)[0]?.split('\n').slice(0, 2).join(' ');
              return schema !== undefined ? { schema } : { otherId: checkRequestedId(response.json, id, label)[0] };
            },
            (error: Error) => ({ okJson: `${label}: ${error.message}` }),
          );
          found.set(id, answer);
        }
        return answer;
      });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ forwarder }, use) => use(forwarder.url),
  // A target that did not answer blocks every check but the one that says so (z-target.spec.ts).
  targetAnswers: [
    async ({ forwarder }, use, testInfo) => {
      const down = readHandoff(process.env, 'ENGAGE_E2E_TARGET_DOWN') ?? forwarder.down();
      if (!testInfo.file.endsWith('z-target.spec.ts')) test.skip(down !== undefined, `blocked by: ${down}`);
      await use(undefined);
    },
    { auto: true },
  ],
  // Every check's requests back off on a 429 and send again (backingOffOnRateLimit), but the burst's.
  probe: async ({ burstProbe, rateLimitWaits }, use) => use(backingOffOnRateLimit(burstProbe, rateLimitWaits)),
  burstProbe: async ({ request, suite, forwarder }, use) => {
    const exact = exactTransport(suite.requestTimeoutMilliseconds);
    await use(
      createProbe(
        throughForwarder(forwarder),
        raisingForwarderErrors(async (method, url, headers) => {
          // Playwright sends one line per header name: repeated lines go out exactly, to the forwarder.
          if (Object.values(headers).some(Array.isArray)) return exact(method, url, headers);
          const response = await request.fetch(url, {
            method,
            headers: headers as Record<string, string>,
            failOnStatusCode: false,
            maxRedirects: 0,
            timeout: suite.requestTimeoutMilliseconds,
          });
          return { status: response.status(), headers: response.headers(), ...utf8Text(await response.body()) };
        }),
      ),
    );
  },
  // Requests sent exactly as given (node:http), not as Playwright API calls: for the fuzz, whose 300
  // odd requests must arrive byte for byte, and would each cost Playwright a step with a captured stack.
  exactProbe: async ({ suite, forwarder, rateLimitWaits }, use) =>
    use(
      backingOffOnRateLimit(
        createProbe(
          throughForwarder(forwarder),
          raisingForwarderErrors(exactTransport(suite.requestTimeoutMilliseconds)),
        ),
        rateLimitWaits,
      ),
    ),
});

/**
 * Skips a check that builds on the basic 200 of `id` when that failed, or, for a check that reads
 * the appointment's own data, when another appointment came; it names the problem: the checks of
 * the 200 itself fail once, and the run stays failed, quick and readable.
 */
export async function skipWhenBlocked(
  blockedBy: BlockedBy,
  id: string,
  { needs = 'the basic 200' }: { needs?: Needs } = {},
): Promise<void> {
  const problem = blockingProblem(await blockedBy(id), needs);
  test.skip(problem !== undefined, `blocked by: ${problem}`);
}

/** Reports a check: a skip with its reason, or no problems expected. */
export function expectCheck(result: CheckResult): void {
  test.skip('skipped' in result, 'skipped' in result ? result.skipped : '');
  const problems = problemsOf(result);
  // The problems themselves lead the message, so that reports and npm start's summary show them first.
  expect(problems, problems.join('\n')).toEqual([]);
}
