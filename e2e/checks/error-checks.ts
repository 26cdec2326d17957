// The documented error behaviour: 404 for an unknown id, and no other appointment for an id one
// longer; an enterprise that does not exist refused (401, 403 or 404), never served another's
// appointment, for each configured id; 401 for a missing, malformed, unknown, forged or expired
// token and 403 for a token without the scope, each check of one path run for every configured id
// by checkEachAppointment; 405 for another method; the documented 4 requests at once answered; and
// 429 for a burst only under `rate-limit`.
import { randomUUID } from 'node:crypto';
import { appointmentPath, DOCUMENTED_RATE_LIMIT } from '../../config/api-facts.ts';
import type { Probe } from '../http-probe.ts';
import { type CheckResult, checked, problemsOf, skipped } from './check-result.ts';
import {
  checkAppointmentResponse,
  checkErrorResponse,
  checkRequestedId,
  checkStatusCodeIsStatus,
  show,
} from './response-checks.ts';

/** `id`, which no appointment of `enterprise` has, gets 404; named, so that one that exists (a wrong ENGAGE_MISSING_APPOINTMENT_ID) is seen. */
export async function checkUnknownId(probe: Probe, enterprise: string, id: string): Promise<CheckResult> {
  return checked(checkErrorResponse(await probe(appointmentPath(enterprise, id)), 404, `the unknown id ${show(id)}`));
}

/**
 * Each configured appointment asked for under an enterprise that does not exist, with the token of the
 * configured one: refused, with 401 or 403 (a token of another enterprise's realm; a gateway's own
 * authorizer may answer that, without the API's errors body, which the other error checks own) or 404
 * (an unknown path). A 2xx serves an appointment whatever enterprise the path names. Each id: a
 * provider may check the enterprise for some ids only (those it looks up one way).
 */
export async function checkOtherEnterprise(
  probe: Probe,
  enterprise: string,
  ids: readonly string[],
): Promise<CheckResult> {
  const problems: string[] = [];
  for (const id of ids)
    problems.push(
      ...problemsOf(
        await refusedNeverServed(
          probe,
          appointmentPath(enterprise, id),
          `appointment ${show(id)} under the enterprise ${enterprise}, which does not exist`,
          'the appointment served whatever enterprise the path names',
        ),
      ),
    );
  return checked(problems);
}

/**
 * Each configured id with an "x" after it, which a lookup by prefix, or one that reads an id's
 * leading digits as a number (`123x` as 123), answers with the configured appointment: another
 * appointment must not come back. 404 is the documented answer; another 4xx refuses it too (an id of
 * the wrong form), and a 2xx with that very id is an appointment that exists. A redirect (to the
 * configured appointment, say) or a 5xx is neither.
 */
export async function checkLongerIds(probe: Probe, enterprise: string, ids: readonly string[]): Promise<CheckResult> {
  const problems: string[] = [];
  for (const id of ids) {
    const longer = `${id}x`;
    const label = `the id ${show(longer)}, ${show(id)} and one character more`;
    const response = await probe(appointmentPath(enterprise, longer));
    const { status } = response;
    if (status >= 400 && status < 500) continue;
    if (status < 200 || status >= 300) {
      const to = response.headers.location === undefined ? '' : ` to ${show(response.headers.location)}`;
      problems.push(`${label}: HTTP ${status}${to}, expected 404 or another 4xx`);
      continue;
    }
    const served = (response.json as { data?: { id?: unknown } } | undefined)?.data?.id;
    const cause = served === id ? `, appointment ${show(id)}'s: a prefix or number match` : '';
    problems.push(...checkRequestedId(response.json, longer, label).map((problem) => `${problem}${cause}`));
  }
  return checked(problems);
}

/**
 * An appointment of another enterprise (ENGAGE_OTHER_TENANT_APPOINTMENT), asked for with this run's
 * token: refused, 401 or 403 (a token of another realm), or 404 (it hides that the appointment
 * exists). A 2xx serves one tenant's appointment to another's token.
 */
export async function checkOtherTenant(probe: Probe, enterprise: string, id: string): Promise<CheckResult> {
  return refusedNeverServed(
    probe,
    appointmentPath(enterprise, id),
    `appointment ${id} of the enterprise ${enterprise}, another tenant's, with this run's token`,
    "another tenant's appointment served to this run's token",
  );
}

/** 401, 403 or 404 for `path`; a 2xx is `served`, anything else what it is. */
async function refusedNeverServed(probe: Probe, path: string, label: string, served: string): Promise<CheckResult> {
  const { status } = await probe(path);
  if ([401, 403, 404].includes(status)) return checked([]);
  const leak = status >= 200 && status < 300 ? `, ${served}` : '';
  return checked([`${label}: HTTP ${status}${leak}; expected 401, 403 or 404`]);
}

/** Under `status-code`: the errors of a 404 and of a 401 each carry that status as their statusCode. */
export async function checkStatusCodes(probe: Probe, unknownIdPath: string, path: string): Promise<CheckResult> {
  return checked([
    ...checkStatusCodeIsStatus(await probe(unknownIdPath), 'an unknown id'),
    ...checkStatusCodeIsStatus(await probe(path, { authorization: null }), 'no Authorization header'),
  ]);
}

export const unauthorizedRequests: Record<string, string | null> = {
  'no Authorization header': null,
  'an Authorization that is not Bearer': `Basic ${Buffer.from('user:password').toString('base64')}`,
  'a bearer token that was never issued': `Bearer never-issued-${randomUUID()}`,
};

/**
 * A check of one appointment's path, run for each configured id (a provider may check the token for
 * some ids only); with more than one id, each problem names its appointment.
 */
export async function checkEachAppointment(
  enterprise: string,
  ids: readonly string[],
  check: (path: string) => Promise<CheckResult>,
): Promise<CheckResult> {
  const problems: string[] = [];
  for (const id of ids)
    for (const problem of problemsOf(await check(appointmentPath(enterprise, id))))
      problems.push(ids.length > 1 ? `appointment ${show(id)}: ${problem}` : problem);
  return checked(problems);
}

export async function checkUnauthorized(
  probe: Probe,
  path: string,
  authorization: string | null,
  label: string,
): Promise<CheckResult> {
  return checked(checkErrorResponse(await probe(path, { authorization }), 401, label));
}

/**
 * Each token forged from the run's own (config/forged-tokens.ts), by what it is, gets 401: a 2xx
 * means the API takes a token it never issued (of a JWT, claims whose signature it never verified).
 * None to send is a failure, not a pass.
 */
export async function checkForgedTokens(
  probe: Probe,
  path: string,
  forgedTokens: Record<string, string>,
): Promise<CheckResult> {
  if (Object.keys(forgedTokens).length === 0)
    return checked(["no token was forged from the run's own, so none was sent"]);
  const problems: string[] = [];
  for (const [forgery, token] of Object.entries(forgedTokens))
    problems.push(...problemsOf(await checkUnauthorized(probe, path, `Bearer ${token}`, forgery)));
  return checked(problems);
}

export async function checkForbidden(probe: Probe, path: string, noScopeToken: string): Promise<CheckResult> {
  const response = await probe(path, { authorization: `Bearer ${noScopeToken}` });
  const problems = checkErrorResponse(response, 403, 'a token without the appointments scope');
  // A 401 is the API's answer to a token it does not take: an expired ENGAGE_NO_SCOPE_TOKEN, another
  // API's client, or the API's own fault.
  if (response.status === 401)
    problems.push(
      "the 403 check's token (ENGAGE_NO_SCOPE_TOKEN, or ENGAGE_NO_SCOPE_CLIENT_ID's) got 401: if it has expired or is not a token of this API, renew it or check that client; a valid token without the scope gets 403",
    );
  return checked(problems);
}

/** The methods other than GET and HEAD that the 405 check tries. */
const OTHER_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Another method gets 405 with the errors envelope. A POST, PUT, PATCH or DELETE on a real
 * appointment could change it, so they carry a token that was never issued: that changes nothing,
 * and 401 is as right as 405 (which a provider checks first is not documented). A 404, 2xx or 5xx
 * is wrong either way. A provider that checks the token first answers 401 to all four: the 405 rule
 * cannot be seen there, and the check says so instead of passing.
 */
export async function checkMethodNotAllowed(probe: Probe, path: string): Promise<CheckResult> {
  const authorization = `Bearer never-issued-${randomUUID()}`;
  const problems: string[] = [];
  const statuses: number[] = [];
  for (const method of OTHER_METHODS) {
    const response = await probe(path, { authorization }, method);
    statuses.push(response.status);
    const label = `${method} with a token that was never issued`;
    problems.push(...checkErrorResponse(response, response.status === 401 ? 401 : 405, label));
  }
  if (problems.length === 0 && statuses.every((status) => status === 401))
    return skipped(
      `every other method got 401 for its unknown token (the target checks the token first), so 405 could not be seen`,
    );
  return checked(problems);
}

/**
 * As many requests at once as the documented limit lets a client send (4): each gets the appointment,
 * or a 429 with the errors envelope, as a lower limit for this endpoint answers (the docs allow one;
 * the probe backs off and asks again first, though waits side by side count in the run's budget one
 * by one). A gateway that fails under it (a 503 page) fails here.
 */
export async function checkConcurrentLookups(
  probe: Probe,
  path: string,
  id: string,
  concurrent = DOCUMENTED_RATE_LIMIT.concurrent,
): Promise<CheckResult> {
  const responses = await Promise.all(Array.from({ length: concurrent }, () => probe(path)));
  const problems = responses.flatMap((response, index) => {
    const label = `request ${index + 1} of ${concurrent} at once`;
    return response.status === 429
      ? checkErrorResponse(response, 429, label)
      : checkAppointmentResponse(response, id, label);
  });
  return checked(problems);
}

/**
 * More concurrent requests than the documented 4 per client: some must get 429 with the envelope.
 * Up to three bursts, since requests sent together can still reach the server spread out.
 */
export async function checkRateLimited(probe: Probe, path: string, burst = 24, bursts = 3): Promise<CheckResult> {
  const statuses = new Set<number>();
  for (let attempt = 0; attempt < bursts; attempt++) {
    const responses = await Promise.all(Array.from({ length: burst }, () => probe(path)));
    const limited = responses.find((response) => response.status === 429);
    if (limited !== undefined) return checked(checkErrorResponse(limited, 429, 'a rate-limited request'));
    for (const response of responses) statuses.add(response.status);
  }
  return checked([
    `${bursts} bursts of ${burst} concurrent requests: none was answered 429 (statuses ${[...statuses].join(', ')})`,
  ]);
}
