// X-Correlation-Id as documented: 1 to 36 characters, accepted as a UUID, another short string or one
// character, an empty or longer one refused with 400; the echo only under `correlation-echo`. And a
// header sent twice is a client's mistake at worst: a 2xx or a 4xx with the errors envelope, never a 5xx.

import { randomUUID } from 'node:crypto';
import { formatViolations, SchemaId, validateAgainstSchema } from '../../schemas/schema-registry.ts';
import type { Probe } from '../http-probe.ts';
import { type CheckResult, checked } from './check-result.ts';
import { checkErrorResponse, isJsonContentType, show } from './response-checks.ts';

/**
 * The X-Correlation-Ids a provider must take, of the documented 1 to 36 characters: a UUID (36, as
 * the docs' examples are), another short string, and one character, the shortest allowed.
 */
export const acceptedCorrelationIds = (): Array<[label: string, value: string]> => [
  ['a UUID', randomUUID()],
  ['another short string', 'e2e-check-42'],
  ['one character, the shortest allowed', '7'],
];

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

/** X-Correlation-Id on two lines: the docs allow one value, so 400 is fine; a crash (5xx) is not. */
export async function checkRepeatedHeaderIsNoCrash(probe: Probe, path: string): Promise<CheckResult> {
  const label = 'X-Correlation-Id sent twice';
  const response = await probe(path, { 'x-correlation-id': ['e2e-first', 'e2e-second'] });
  if (response.status >= 500) return checked([`${label}: HTTP ${response.status}, expected a 2xx or a 4xx`]);
  if (response.status < 400) return checked([]);
  const problems = isJsonContentType(response)
    ? []
    : [`${label}: Content-Type ${show(response.headers['content-type'])} is not JSON`];
  const result = validateAgainstSchema(SchemaId.errorResponse, response.json);
  if (!result.valid)
    problems.push(
      `${label}: HTTP ${response.status} without the errors envelope:\n${formatViolations(result.violations)}`,
    );
  return checked(problems);
}
