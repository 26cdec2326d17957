// k6 script: repeated GET appointment-by-id, rotating ids and Accept-Language values, with checks,
// a lookup Trend tagged by language and outcome, 429s counted and backed off, and thresholds from
// slo.json. Run it with `npm run load -- --profile smoke`, or `k6 run load/lookup.ts` with ENGAGE_*.
// It imports nothing remote, so it runs offline, and it can be archived with an empty environment.

import { check, sleep } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import { appointmentBodyProblem } from './lib/appointment-body-check.ts';
import { buildLoadOptions, guardProblems } from './lib/load-options.ts';
import { type LoadSettings, LoadSettingsError, readLoadSettings, readRunShape } from './lib/load-settings.ts';
import { LOOKUP_TAG } from './lib/load-thresholds.ts';
import { backoffSeconds, lookupFor } from './lib/lookup-rotation.ts';
import { type SummaryData, summaryOutputs } from './lib/summary-reports.ts';
import { type IssuedToken, issuedToken, lastingToken, tokenNeedsRefresh } from './lib/token-refresh.ts';

const shape = readRunShape(__ENV);
const slo = JSON.parse(open('../slo.json'));
export const options = buildLoadOptions(shape, slo.lookup);

// A missing setting is reported by setup(), before any load: `k6 archive` evaluates this file with
// an empty environment, and the archive takes its settings when it runs.
let settingsProblem: string | undefined;
const settings = ((): LoadSettings | undefined => {
  try {
    return readLoadSettings(__ENV);
  } catch (error) {
    if (!(error instanceof LoadSettingsError)) throw error;
    settingsProblem = error.message;
    return undefined;
  }
})();

const appointmentIds = new SharedArray<string>('appointment ids', (): string[] =>
  settings?.appointmentIdsFile === undefined
    ? (settings?.appointmentIds ?? [])
    : JSON.parse(open(settings.appointmentIdsFile)),
);

const lookupDuration = new Trend('lookup_duration', true);
const rateLimitedResponses = new Counter('rate_limited_responses');
const rateLimited = new Rate('rate_limited');
// 404 would be a wrong id list and 429 has its own metric and threshold: neither is a failed request.
http.setResponseCallback(http.expectedStatuses(200, 429));

/** Stops the whole run with one line (k6 exits 108): for problems no later iteration can get past. */
function stop(message: string): never {
  exec.test.abort(message);
  throw new Error(message);
}

/** The settings, known to be present: setup() has stopped the run otherwise. */
const ready = () => settings as LoadSettings;

function requestToken(): IssuedToken {
  const { auth } = ready();
  if (auth.kind === 'static-token') return lastingToken(auth.token);
  const form: Record<string, string> = {
    grant_type: 'client_credentials',
    client_id: auth.clientId,
    client_secret: auth.clientSecret,
  };
  if (auth.scope !== undefined) form.scope = auth.scope;
  const response = http.post(auth.tokenUrl, form, { tags: { name: 'token' }, timeout: ready().requestTimeout });
  const body = (response.status === 200 ? parseJson(response.body) : undefined) as
    | { access_token?: unknown; expires_in?: unknown }
    | undefined;
  if (typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number') {
    stop(
      `the token endpoint ${auth.tokenUrl} answered ${response.status === 0 ? `nothing (${response.error})` : `HTTP ${response.status}`}: check ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID, ENGAGE_CLIENT_SECRET and ENGAGE_SCOPE`,
    );
  }
  return issuedToken(body?.access_token as string, body?.expires_in as number, Date.now());
}

const languageTag = (language: string) => language || 'none';

function lookup(id: string, language: string, token: string): RefinedResponse<ResponseType> {
  const { baseUrl, enterprise, requestTimeout } = ready();
  const url = `${baseUrl}/enterprises/${encodeURIComponent(enterprise)}/appointments/${encodeURIComponent(id)}`;
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    'X-Correlation-Id': crypto.randomUUID(),
    Accept: 'application/json',
  };
  if (language !== '') headers['Accept-Language'] = language;
  return http.get(url, {
    headers,
    tags: { name: LOOKUP_TAG, language: languageTag(language) },
    timeout: requestTimeout,
  });
}

/** The body as JSON, or undefined: a malformed body fails a check instead of throwing in every iteration. */
function parseJson(body: RefinedResponse<ResponseType>['body']): unknown {
  try {
    return typeof body === 'string' ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}

/** Fails fast, before any load: missing settings, a guard the real scenarios break, a target that is down. */
export function setup(): IssuedToken {
  if (settingsProblem !== undefined) stop(settingsProblem);
  const problems = guardProblems(ready(), exec.test.options.scenarios as Record<string, { executor: string }>);
  if (problems.length > 0) stop(problems.join('; '));
  if (appointmentIds.length === 0) stop(`${ready().appointmentIdsFile} holds no appointment ids`);
  const issued = requestToken();
  const response = lookup(appointmentIds[0] as string, '', issued.token);
  if (response.status !== 200) {
    const answer = response.status === 0 ? `no answer (${response.error})` : `HTTP ${response.status}`;
    stop(`the target ${ready().baseUrl} is not ready: GET appointment ${appointmentIds[0]} got ${answer}`);
  }
  return issued;
}

let current: IssuedToken | undefined;
let consecutiveRateLimited = 0;

export default function (issued: IssuedToken): void {
  current ??= issued;
  if (tokenNeedsRefresh(current, Date.now())) current = requestToken();
  const { id, language } = lookupFor(exec.scenario.iterationInTest, appointmentIds, ready().languages);
  const response = lookup(id, language, current.token);
  const outcome =
    response.status === 200
      ? 'ok'
      : response.status === 429
        ? 'rate-limited'
        : response.status === 0
          ? 'no-response'
          : `http-${response.status}`;
  lookupDuration.add(response.timings.duration, { language: languageTag(language), outcome });
  rateLimited.add(response.status === 429);
  if (response.status === 429) {
    rateLimitedResponses.add(1);
    consecutiveRateLimited++;
    sleep(backoffSeconds(consecutiveRateLimited));
    return;
  }
  consecutiveRateLimited = 0;
  check(
    response,
    {
      'status is 200': (r) => r.status === 200,
      'content type is JSON': (r) => /^application\/(.+\+)?json/i.test(String(r.headers['Content-Type'] ?? '')),
      'body has the appointment fields': (r) =>
        r.status === 200 && appointmentBodyProblem(parseJson(r.body), id) === undefined,
    },
    { language: languageTag(language) },
  );
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryOutputs(data, shape.profile, settings?.baseUrl ?? '(no target)', settings?.reportsDirectory);
}
