// X-Correlation-Id: accepted as a UUID, another short string and one character, refused with 400 when empty or
// longer than 36 characters; echoed only where `correlation-echo` is expected. Sent twice, it gets
// no 5xx where `malformed-headers` is expected.
import { appointmentPath, CORRELATION_ID_MAX_LENGTH } from '../config/api-facts.ts';
import {
  acceptedCorrelationIds,
  checkCorrelationIdAccepted,
  checkCorrelationIdRejected,
  checkRepeatedHeaderIsNoCrash,
} from './checks/header-checks.ts';
import { expectCheck, skipWhenBlocked, test } from './fixtures.ts';

test.describe('X-Correlation-Id', () => {
  for (const [label, value] of acceptedCorrelationIds()) {
    test(`is accepted as ${label}`, async ({ probe, suite, blockedBy }) => {
      await skipWhenBlocked(blockedBy, suite.appointmentId);
      const echo = suite.expectations.has('correlation-echo');
      expectCheck(
        await checkCorrelationIdAccepted(probe, appointmentPath(suite.enterprise, suite.appointmentId), value, echo),
      );
    });
  }
  for (const [label, value] of [
    ['empty', ''],
    [`longer than ${CORRELATION_ID_MAX_LENGTH} characters`, 'x'.repeat(CORRELATION_ID_MAX_LENGTH + 1)],
  ] as const) {
    test(`is refused with 400 and the errors envelope when ${label}`, async ({ probe, suite }) => {
      expectCheck(
        await checkCorrelationIdRejected(probe, appointmentPath(suite.enterprise, suite.appointmentId), value),
      );
    });
  }
  test('sent twice gets a 2xx or a 4xx with the errors envelope, never a 5xx', async ({ probe, suite }) => {
    test.skip(
      !suite.expectations.has('malformed-headers'),
      'malformed-headers is not expected of this target (ENGAGE_EXPECT): HTTP leaves a repeated header to the server',
    );
    expectCheck(await checkRepeatedHeaderIsNoCrash(probe, appointmentPath(suite.enterprise, suite.appointmentId)));
  });
});
