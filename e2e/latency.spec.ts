// One request of each kind under the single-request ceiling of slo.json; the measured times are
// annotations on the test, so they show in the HTML report.

import { randomUUID } from 'node:crypto';
import { appointmentPath } from '../config/api-facts.ts';
import { checkLatency, LATENCY_TRIES, SINGLE_REQUEST_CEILING_MILLISECONDS } from './checks/latency-checks.ts';
import { expectCheck, skipWhenBlocked, test } from './fixtures.ts';

test('single requests stay under the latency ceiling', async ({ probe, suite, blockedBy }) => {
  // Three requests, each tried up to LATENCY_TRIES times, may each take a request timeout: the check's
  // own message, not Playwright's timeout, says what was slow.
  test.setTimeout(Math.max(60_000, 3 * LATENCY_TRIES * suite.requestTimeoutMilliseconds + 30_000));
  await skipWhenBlocked(blockedBy, suite.appointmentId);
  const result = await checkLatency(probe, {
    'an existing appointment': { path: appointmentPath(suite.enterprise, suite.appointmentId), status: 200 },
    // As the docs' own request sends it: a provider slow to resolve a language is slow for its users.
    "an existing appointment, with the docs' headers": {
      path: appointmentPath(suite.enterprise, suite.appointmentId),
      status: 200,
      headers: () => ({ 'accept-language': 'en *', 'x-correlation-id': randomUUID() }),
    },
    'an unknown appointment': { path: appointmentPath(suite.enterprise, suite.missingAppointmentId), status: 404 },
  });
  for (const { label, milliseconds } of result.measured)
    test.info().annotations.push({
      type: 'latency',
      description: `${label}, one request: ${milliseconds} ms, ceiling ${SINGLE_REQUEST_CEILING_MILLISECONDS} ms`,
    });
  expectCheck(result);
});
