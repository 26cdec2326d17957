// One request of each kind under the single-request ceiling of slo.json; the measured times are
// annotations on the test, so they show in the HTML report.

import {
  checkLatency,
  LATENCY_TRIES,
  latencyRequests,
  SINGLE_REQUEST_CEILING_MILLISECONDS,
} from './checks/latency-checks.ts';
import { expectCheck, skipWhenBlocked, test } from './fixtures.ts';

test('single requests stay under the latency ceiling', async ({ probe, suite, blockedBy }) => {
  // Each request, tried up to LATENCY_TRIES times, may each time take a request timeout: the check's
  // own message, not Playwright's timeout, says what was slow.
  const requests = latencyRequests(suite);
  const tries = Object.keys(requests).length * LATENCY_TRIES;
  test.setTimeout(Math.max(60_000, tries * suite.requestTimeoutMilliseconds + 30_000));
  await skipWhenBlocked(blockedBy, suite.appointmentId);
  const result = await checkLatency(probe, requests);
  for (const { label, milliseconds } of result.measured)
    test.info().annotations.push({
      type: 'latency',
      description: `${label}, one request: ${milliseconds} ms, ceiling ${SINGLE_REQUEST_CEILING_MILLISECONDS} ms`,
    });
  expectCheck(result);
});
