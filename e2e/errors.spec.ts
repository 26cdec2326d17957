// The documented errors: 404 for an unknown id, the appointment refused under an enterprise that
// does not exist (never served whatever the path names), another tenant's appointment refused to
// this run's token (ENGAGE_OTHER_TENANT_APPOINTMENT), 401 for missing, malformed, unknown, forged
// (from the run's own token) or expired tokens (ENGAGE_EXPIRED_TOKEN), 403 for a token without the
// scope (ENGAGE_NO_SCOPE_TOKEN or ENGAGE_NO_SCOPE_CLIENT_ID's), all but the forged for each configured
// id, 405 for another method, the documented 4 requests at once served, and only when asked, 429 for
// a burst (`rate-limit`) and the HTTP status as statusCode (`status-code`).

import { appointmentPath } from '../config/api-facts.ts';
import {
  checkConcurrentLookups,
  checkEachAppointment,
  checkForbidden,
  checkForgedTokens,
  checkLongerIds,
  checkMethodNotAllowed,
  checkOtherEnterprise,
  checkOtherTenant,
  checkRateLimited,
  checkStatusCodes,
  checkUnauthorized,
  checkUnknownId,
  unauthorizedRequests,
} from './checks/error-checks.ts';
import { expectCheck, skipWhenBlocked, test } from './fixtures.ts';

test.describe('errors', () => {
  test('an unknown id gets 404 with the errors envelope', async ({ probe, suite }) => {
    expectCheck(await checkUnknownId(probe, suite.enterprise, suite.missingAppointmentId));
  });

  test('the appointment under an enterprise that does not exist is refused, never served', async ({ probe, suite }) => {
    expectCheck(await checkOtherEnterprise(probe, suite.otherEnterprise, suite.appointmentIds));
  });

  test('an id one character longer than a configured one is no other appointment', async ({ probe, suite }) => {
    expectCheck(await checkLongerIds(probe, suite.enterprise, suite.appointmentIds));
  });

  test("an appointment of another tenant is refused to this run's token, never served", async ({ probe, suite }) => {
    const other = suite.otherTenantAppointment;
    test.skip(
      other === undefined,
      "no appointment of another enterprise to ask for: set ENGAGE_OTHER_TENANT_APPOINTMENT=<enterprise>/<id>, one that exists, to check that this run's token cannot read it",
    );
    if (other !== undefined) expectCheck(await checkOtherTenant(probe, other.enterprise, other.id));
  });

  test('errors carry their HTTP status as statusCode', async ({ probe, suite }) => {
    test.skip(!suite.expectations.has('status-code'), 'status-code is not expected of this target (ENGAGE_EXPECT)');
    const { enterprise, missingAppointmentId, appointmentId } = suite;
    expectCheck(
      await checkStatusCodes(
        probe,
        appointmentPath(enterprise, missingAppointmentId),
        appointmentPath(enterprise, appointmentId),
      ),
    );
  });

  test('another method (POST, PUT, PATCH, DELETE) gets 405, or 401 for its unknown token', async ({ probe, suite }) => {
    expectCheck(await checkMethodNotAllowed(probe, appointmentPath(suite.enterprise, suite.appointmentId)));
  });

  // The token checks ask for each configured id: a provider may check the token for some ids only.
  for (const [label, authorization] of Object.entries(unauthorizedRequests)) {
    test(`${label} gets 401 with the errors envelope`, async ({ probe, suite }) => {
      expectCheck(
        await checkEachAppointment(suite.enterprise, suite.appointmentIds, (path) =>
          checkUnauthorized(probe, path, authorization, label),
        ),
      );
    });
  }

  test("a token forged from the run's own gets 401 with the errors envelope", async ({ probe, suite, forwarder }) => {
    expectCheck(
      // Forged at the forwarder from the run's current token: Playwright only ever sees their placeholders.
      await checkForgedTokens(
        probe,
        appointmentPath(suite.enterprise, suite.appointmentId),
        await forwarder.forgedPlaceholders(),
      ),
    );
  });

  test('a token without the appointments scope gets 403 with the errors envelope', async ({
    probe,
    suite,
    forwarder,
  }) => {
    test.skip(suite.noScopeAuth === undefined, 'neither ENGAGE_NO_SCOPE_TOKEN nor ENGAGE_NO_SCOPE_CLIENT_ID is set');
    expectCheck(
      // The no-scope token goes in at the forwarder too: Playwright only ever sees its placeholder.
      await checkEachAppointment(suite.enterprise, suite.appointmentIds, (path) =>
        checkForbidden(probe, path, forwarder.noScopePlaceholder),
      ),
    );
  });

  test('an expired token gets 401 with the errors envelope', async ({ probe, suite, forwarder }) => {
    test.skip(suite.expiredToken === undefined, 'ENGAGE_EXPIRED_TOKEN is not set');
    expectCheck(
      // The expired token goes in at the forwarder too: Playwright only ever sees its placeholder.
      await checkEachAppointment(suite.enterprise, suite.appointmentIds, (path) =>
        checkUnauthorized(probe, path, `Bearer ${forwarder.expiredPlaceholder}`, 'an expired token'),
      ),
    );
  });

  test('the documented 4 requests at once each get the appointment, or a 429 with the errors envelope', async ({
    probe,
    suite,
    blockedBy,
  }) => {
    // Each answer must be the appointment asked for: another one is the id check's failure, not this one's.
    await skipWhenBlocked(blockedBy, suite.appointmentId, { needs: 'the requested appointment' });
    expectCheck(
      await checkConcurrentLookups(probe, appointmentPath(suite.enterprise, suite.appointmentId), suite.appointmentId),
    );
  });

  test('a burst above the documented concurrency gets 429 with the errors envelope', async ({ burstProbe, suite }) => {
    test.skip(!suite.expectations.has('rate-limit'), 'rate-limit is not expected of this target (ENGAGE_EXPECT)');
    // The one check that must see 429s: its requests do not back off.
    expectCheck(await checkRateLimited(burstProbe, appointmentPath(suite.enterprise, suite.appointmentId)));
  });
});
