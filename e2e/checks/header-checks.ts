// X-Correlation-Id as documented: 1 to 36 characters, accepted as a UUID or another short string,
// an empty or longer one refused with 400; the echo only under `correlation-echo`.
import type { Probe } from '../http-probe.ts';
import { type CheckResult, checked } from './check-result.ts';
import { checkErrorResponse, show } from './response-checks.ts';

export async function checkCorrelationIdAccepted(
  probe: Probe,
  path: string,
  value: string,
  expectEcho: boolean,
): Promise<CheckResult> {
  const response = await probe(path, { 'x-correlation-id': value });
  const problems =
    response.status === 200 ? [] : [`X-Correlation-Id ${show(value)}: HTTP ${response.status}, expected 200`];
  if (expectEcho && response.headers['x-correlation-id'] !== value) {
    problems.push(
      `X-Correlation-Id ${show(value)}: the response carries ${show(response.headers['x-correlation-id'])}, expected the same value (correlation-echo)`,
    );
  }
  return checked(problems);
}

export async function checkCorrelationIdRejected(probe: Probe, path: string, value: string): Promise<CheckResult> {
  const response = await probe(path, { 'x-correlation-id': value });
  return checked(checkErrorResponse(response, 400, `X-Correlation-Id of ${value.length} characters`));
}
