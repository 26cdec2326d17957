// One request of each kind under the single-request ceiling of slo.json; the measured times are
// annotations on the test, so they show in the HTML report.
import { checkLatency } from './checks/latency-checks.ts';
import { expectCheck, test } from './fixtures.ts';
import { appointmentPath } from './http-probe.ts';

test('single requests stay under the latency ceiling', async ({ probe, suite }) => {
  const result = await checkLatency(probe, {
    'an existing appointment': appointmentPath(suite.enterprise, suite.appointmentId),
    'an unknown appointment': appointmentPath(suite.enterprise, suite.missingAppointmentId),
  });
  for (const { label, milliseconds } of result.measured)
    test.info().annotations.push({ type: 'latency', description: `${label}: ${milliseconds} ms` });
  expectCheck(result);
});
