// The documented errors: 404 for an unknown id, 401 for missing, malformed or unknown tokens, 403 for
// a token without the scope (ENGAGE_NO_SCOPE_TOKEN), 405 for another method, and 429 for a burst
// only under `rate-limit`.

import { appointmentPath } from '../config/appointment-path.ts';
import {
  checkForbidden,
  checkMethodNotAllowed,
  checkRateLimited,
  checkUnauthorized,
  checkUnknownId,
  unauthorizedRequests,
} from './checks/error-checks.ts';
import { expectCheck, test } from './fixtures.ts';

test.describe('errors', () => {
  test('an unknown id gets 404 with the errors envelope and statusCode "404"', async ({ probe, suite }) => {
    expectCheck(await checkUnknownId(probe, appointmentPath(suite.enterprise, suite.missingAppointmentId)));
  });

  test('another method (a POST with no body) gets 405 with the errors envelope', async ({ probe, suite }) => {
    expectCheck(await checkMethodNotAllowed(probe, appointmentPath(suite.enterprise, suite.appointmentId)));
  });

  for (const [label, authorization] of Object.entries(unauthorizedRequests)) {
    test(`${label} gets 401 with the errors envelope`, async ({ probe, suite }) => {
      expectCheck(
        await checkUnauthorized(probe, appointmentPath(suite.enterprise, suite.appointmentId), authorization, label),
      );
    });
  }

  test('a token without the appointments scope gets 403 with the errors envelope', async ({ probe, suite }) => {
    test.skip(suite.noScopeToken === undefined, 'ENGAGE_NO_SCOPE_TOKEN is not set');
    expectCheck(
      await checkForbidden(
        probe,
        appointmentPath(suite.enterprise, suite.appointmentId),
        suite.noScopeToken?.reveal() ?? '',
      ),
    );
  });

  test('a burst above the documented concurrency gets 429 with the errors envelope', async ({ probe, suite }) => {
    test.skip(!suite.expectations.has('rate-limit'), 'rate-limit is not expected of this target (ENGAGE_EXPECT)');
    expectCheck(await checkRateLimited(probe, appointmentPath(suite.enterprise, suite.appointmentId)));
  });
});
