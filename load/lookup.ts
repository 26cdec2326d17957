// k6 script: repeated GET appointment-by-id, rotating ids and Accept-Language values, one check per
// lookup (failure reasons in lookup_problems), requests tagged by language, 429s failed, counted and
// backed off (at least as long as a Retry-After asks, up to a ceiling), and thresholds from slo.json. Run
// it with `npm run load -- --profile smoke`, or `k6 run load/lookup.ts` with ENGAGE_*.
// It imports nothing remote, so it runs offline, and it can be archived with an empty environment.

import { check, sleep } from 'k6';
import { SharedArray } from 'k6/data';
import encoding from 'k6/encoding';
import exec from 'k6/execution';
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter } from 'k6/metrics';
import {
  certificateRemedy,
  describeAnswer,
  type GivenCaFile,
  oauthErrorOf,
  REDIRECT_STATUSES,
  tokenRefusalSetting,
} from '../config/answer-remedy.ts';
import {
  appointmentPath,
  backoffSeconds,
  isJsonMediaType,
  retryAfterSeconds,
  tokenLifetimeSeconds,
} from '../config/api-facts.ts';
import { ConfigError } from '../config/config-error.ts';
import { handedReportsDirectory } from '../config/report-paths.ts';
import { settingValue } from '../config/setting-value.ts';
import {
  CLIENT_AUTHENTICATIONS,
  type ClientAuthentication,
  refusesTheAuthentication,
  reportedRefusal,
  TOKEN_RETRY_MILLISECONDS,
  tokenRedirect,
  tokenRequest,
  UNUSABLE_TOKEN_ANSWER,
  usableAccessToken,
} from '../config/token-request.ts';
import { appointmentBodyProblem } from './lib/appointment-body-check.ts';
import { rememberingGoodBodies } from './lib/known-good-bodies.ts';
import { buildLoadOptions, guardProblems, guardRefusal, SETUP_TIMEOUT_SECONDS } from './lib/load-options.ts';
import { appointmentIdsFromFile, type LoadSettings, readLoadSettings, readRunShape } from './lib/load-settings.ts';
import {
  BAD_BODY_METRIC,
  LOOKUP_PROBLEMS_METRIC,
  LOOKUP_TAG,
  RATE_LIMITED_PROBLEM,
  type Threshold,
  unjudgedThresholds,
} from './lib/load-thresholds.ts';
import { type Lookup, lookupAt, rotationLength } from './lib/lookup-rotation.ts';
import { type SummaryData, summaryOutputs } from './lib/summary-reports.ts';
import { type IssuedToken, issuedToken, lastingToken, tokenNeedsRefresh } from './lib/token-refresh.ts';

// A wrong or missing setting is reported by setup() in one line, before any load (k6 prints a stack
// trace for an error thrown here): `k6 archive` evaluates this file with an empty environment, and
// the archive takes its settings when it runs. Until setup() stops it, a refused run has smoke's options.
let settingsProblem: string | undefined;
function readOrReport<T>(read: () => T, fallback: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    settingsProblem ??= error.message;
    return fallback();
  }
}
const slo = JSON.parse(open('../slo.json'));
const shape = readOrReport(
  () => readRunShape(__ENV),
  () => readRunShape({}),
);
export const options = readOrReport(
  () => buildLoadOptions(shape, slo.lookup),
  () => buildLoadOptions(readRunShape({}), slo.lookup),
);
// k6 puts its own reading of `options` (no JavaScript arrays) in its place once it has read them:
// the summary learns which thresholds abort the run from the ones given here.
const givenThresholds = options.thresholds;
const settings = readOrReport<LoadSettings | undefined>(
  () => readLoadSettings(__ENV),
  () => undefined,
);

// Read once, by the first VU; a file that cannot be used is shared as its problem alone, so that
// every VU, setup()'s included, knows it (the callback runs in none of the others). The file is read
// whatever the other settings are: `k6 archive -e ENGAGE_APPOINTMENT_IDS_FILE=…` alone packs it.
const IDS_PROBLEM = '\u0000problem: ';
const appointmentIds = new SharedArray<string>('appointment ids', (): string[] => {
  const file = settingValue(__ENV, 'ENGAGE_APPOINTMENT_IDS_FILE');
  if (file === undefined) return settings?.appointmentIds ?? [];
  try {
    return appointmentIdsFromFile(file, (path) => open(path));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [`${IDS_PROBLEM}${error.message}`];
  }
});
if (appointmentIds[0]?.startsWith(IDS_PROBLEM)) settingsProblem ??= appointmentIds[0].slice(IDS_PROBLEM.length);

const rateLimitedResponses = new Counter('rate_limited_responses');
const tokenRefreshFailures = new Counter('token_refresh_failures');
// Only a 200 is expected: anything else, a 429 or a 404 from a wrong id list, counts in http_req_failed
// (whose lookups the thresholds judge).
http.setResponseCallback(http.expectedStatuses(200));
const tokenResponseCallback = http.expectedStatuses({ min: 200, max: 399 });
/** Answers that say "not now" rather than "wrong": setup()'s readiness GET asks again after one, backing off. */
const TRANSIENT_STATUSES = [429, 502, 503, 504];
const READINESS_TRIES = 3;
/** Kept free at the end of setup()'s time: the readiness GET asks no more when its answer could come later. */
const SETUP_TIMEOUT_MARGIN_SECONDS = 2;
const readinessResponseCallback = http.expectedStatuses(200, ...TRANSIENT_STATUSES);

// k6's JavaScript engine looks an imported binding up anew on each use, about 4 % of the script's CPU
// at full speed: the hot path calls module-level copies of the ones it uses on every lookup.
const httpGet = http.get;
// k6 also takes a check's outcome as a value, which spares it a call back into JavaScript and a test
// for an async function per lookup; its types only name functions.
const checkOutcome = check as unknown as (value: null, outcomes: Record<string, boolean>) => boolean;
const needsRefresh = tokenNeedsRefresh;
const clock = Date.now;

/** The CA file k6 was given (it reads the shell's SSL_CERT_FILE), for a refused certificate's remedy. */
const givenCaFile = (): GivenCaFile => ({ variable: 'SSL_CERT_FILE', file: __ENV.SSL_CERT_FILE });

/** Stops the whole run with one line (k6 exits 108): for problems no later iteration can get past. */
function stop(message: string): never {
  exec.test.abort(message);
  throw new Error(message);
}

/** The settings, known to be present: setup() has stopped the run otherwise. */
const ready = () => settings as LoadSettings;

/**
 * A token for the configured credentials, or why there is none, in one line: setup() stops the run
 * with it; a VU keeps its token and tries again later (token_refresh_failures counts it).
 */
function requestToken(taken?: ClientAuthentication): IssuedToken | string {
  const { auth } = ready();
  if (auth.kind === 'static-token') return lastingToken(auth.token);
  // Each way of authenticating in turn, until one is not refused for how the client authenticated
  // (setup() finds it, and the VUs' refreshes use it alone).
  type Sent = { response: RefinedResponse<ResponseType>; how: ClientAuthentication; oauthError?: string };
  let answer: Sent | undefined;
  const refusals: Sent[] = [];
  for (const how of taken === undefined ? CLIENT_AUTHENTICATIONS : [taken]) {
    const response = sendTokenRequest(auth, how);
    if (typeof response === 'string') return response;
    const oauthError = oauthErrorOf(parseJson(response.body));
    // An answer other than a refusal of the authentication (a token, an invalid_scope, no answer) is final.
    if (!refusesTheAuthentication(response.status, oauthError)) {
      answer = { response, how };
      break;
    }
    refusals.push({ response, how, oauthError });
  }
  const { response, how } = answer ?? reportedRefusal(refusals as [Sent]);
  const body = parseJson(response.body) as { access_token?: unknown; expires_in?: unknown } | undefined;
  if (response.status === 0) {
    const certificate = certificateRemedy(response.error, 'token endpoint', givenCaFile());
    return `the token endpoint ${auth.tokenUrl} answered nothing (${response.error})${certificate === undefined ? '' : `; ${certificate}`}`;
  }
  if (response.status !== 200) {
    const oauthError = oauthErrorOf(body);
    return `the token endpoint ${auth.tokenUrl} answered HTTP ${response.status}${oauthError === undefined ? '' : ` ${oauthError}`}: check ${tokenRefusalSetting(response.status, oauthError)}`;
  }
  const lifetimeSeconds = tokenLifetimeSeconds(body?.expires_in);
  const token = usableAccessToken(body?.access_token);
  if (token === undefined || lifetimeSeconds === undefined)
    return `the token endpoint ${auth.tokenUrl} gave no token: ${UNUSABLE_TOKEN_ANSWER}`;
  return { ...issuedToken(token, lifetimeSeconds, Date.now()), clientAuthentication: how };
}

/**
 * One token request, the client authenticated `how`, redirects within the endpoint's own origin
 * followed (config/token-request.ts); their hops are no failed requests (http_req_failed counts every
 * request of the run). Or why it was not followed, in one line.
 */
function sendTokenRequest(
  auth: Extract<LoadSettings['auth'], { kind: 'client-credentials' }>,
  how: ClientAuthentication,
): RefinedResponse<ResponseType> | string {
  const { form, authorization } = tokenRequest(auth, how, (ascii) => encoding.b64encode(ascii));
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.Authorization = authorization;
  const params = {
    headers,
    tags: { name: 'token' },
    timeout: ready().requestTimeoutMilliseconds,
    redirects: 0,
    responseCallback: tokenResponseCallback,
  };
  for (let url = auth.tokenUrl, hops = 0; ; hops++) {
    const response = http.post(url, form, params);
    if (!REDIRECT_STATUSES.includes(response.status)) return response;
    const next = tokenRedirect(response.headers.Location, url, hops);
    if ('refuse' in next) return `the token endpoint ${auth.tokenUrl} gave no token: ${next.refuse}`;
    url = next.follow;
  }
}

/**
 * Correlation ids are unique in the run and short enough for the documented 36 characters: this
 * random prefix, one per VU (and one for setup()), then a counter, because a UUID per request costs
 * about 20 µs of a 150 µs iteration in k6.
 */
const correlationPrefix = (owner: string) => `${crypto.randomUUID().slice(0, 13)}-${owner}`;

interface LookupParams {
  headers: Record<string, string>;
  tags: Record<string, string>;
  timeout: number;
}
/**
 * One params object per language, reused by every request of the VU (its headers change per request).
 * The headers are the documented ones only: k6 spends about 2 % of a lookup on each header it sends
 * (counted with cachegrind), and a request without Accept accepts any media type (RFC 9110 §12.5.1); the
 * check still requires JSON.
 */
const paramsByLanguage = new Map<string, LookupParams>();
function paramsFor(language: string): LookupParams {
  let params = paramsByLanguage.get(language);
  if (params === undefined) {
    const headers: Record<string, string> = { Authorization: '', 'X-Correlation-Id': '' };
    if (language !== '') headers['Accept-Language'] = language;
    const tags = { name: LOOKUP_TAG, language: language || 'none' };
    params = { headers, tags, timeout: ready().requestTimeoutMilliseconds };
    paramsByLanguage.set(language, params);
  }
  return params;
}

/** One lookup of the rotation, planned once per VU so that the hot path encodes and allocates nothing. */
interface PlannedLookup extends Lookup {
  url: string;
  params: LookupParams;
  /** Where the body memo keeps this lookup's last good body. */
  slot: number;
}

function planLookup(lookup: Lookup, slot: number): PlannedLookup {
  const { baseUrl, enterprise } = ready();
  const url = `${baseUrl}${appointmentPath(enterprise, lookup.id)}`;
  return { ...lookup, url, params: paramsFor(lookup.language), slot };
}

/** The Authorization header of a token, built once per token rather than per request. */
const bearer = (token: string) => `Bearer ${token}`;

/** The body as JSON, or undefined: a malformed body fails a check instead of throwing in every iteration. */
function parseJson(body: RefinedResponse<ResponseType>['body']): unknown {
  try {
    return typeof body === 'string' ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * setup()'s readiness GET, and the answers of its tries when there were more than one ("" if not).
 * Tagged apart from the lookups: it must not count as a lookup answered 200, nor bring its cold
 * connection into the latency thresholds. A 429 or 5xx now and then would not cross the thresholds,
 * so it must not stop the run here: one of those is asked again, backing off (as long as a
 * Retry-After asks), while another try can end within setup()'s time, and counts as no failed request.
 */
function readinessAnswer(
  token: string,
  setupStarted: number,
): { response: RefinedResponse<ResponseType>; tries: string } {
  const readiness = planLookup({ id: appointmentIds[0] as string, language: '' }, -1);
  const planned = {
    ...readiness,
    params: { ...readiness.params, tags: { name: 'readiness' }, responseCallback: readinessResponseCallback },
  };
  const { headers } = planned.params;
  headers.Authorization = bearer(token);
  const correlation = correlationPrefix('setup');
  const statuses: number[] = [];
  for (;;) {
    headers['X-Correlation-Id'] = `${correlation}-${statuses.length}`;
    const response = httpGet(planned.url, planned.params);
    statuses.push(response.status);
    const tries = (note = '') =>
      statuses.length === 1 && note === ''
        ? ''
        : ` (${statuses.length} ${statuses.length === 1 ? 'try' : 'tries'}: HTTP ${statuses.join(', ')}${note})`;
    if (!TRANSIENT_STATUSES.includes(response.status) || statuses.length === READINESS_TRIES)
      return { response, tries: tries() };
    const retryAfter = retryAfterSeconds(response.headers['Retry-After'], Date.now());
    const wait = backoffSeconds(statuses.length, retryAfter);
    const lastAnswerBy = setupStarted + (SETUP_TIMEOUT_SECONDS - SETUP_TIMEOUT_MARGIN_SECONDS) * 1000;
    if (Date.now() + wait * 1000 + ready().requestTimeoutMilliseconds > lastAnswerBy) {
      const asked = retryAfter >= wait ? `its Retry-After asks to wait ${Math.ceil(retryAfter)} s, and ` : '';
      return {
        response,
        tries: tries(`; ${asked}another try would not end within setup()'s ${SETUP_TIMEOUT_SECONDS} s`),
      };
    }
    sleep(wait);
  }
}

/**
 * Fails fast, before any load: missing settings, k6's HTTP debug output (which prints credentials),
 * a guard the real scenarios break, a target that is down.
 */
export function setup(): IssuedToken {
  const started = Date.now();
  if (settingsProblem !== undefined) stop(settingsProblem);
  const { httpDebug, maxRedirects } = exec.test.options as { httpDebug?: string | null; maxRedirects?: number | null };
  if (httpDebug)
    stop(
      `k6's HTTP debug output (--http-debug, K6_HTTP_DEBUG=${httpDebug}) would print every lookup's Authorization header and the client secret of each token request: run without it`,
    );
  // The shell's setting outranks the script's 0.
  if ((maxRedirects ?? 0) !== 0)
    stop(
      `k6 was told to follow redirects (--max-redirects, K6_MAX_REDIRECTS=${maxRedirects}): a lookup would follow one with its token, to http too, and pass on the page it ends at; run without it (a redirect is an answer the run reports)`,
    );
  // Thresholds from elsewhere (K6_THRESHOLDS, a config file) replace the script's: the run would be judged by them.
  const unjudged = unjudgedThresholds(
    givenThresholds,
    exec.test.options.thresholds as Record<string, Threshold[]> | undefined,
  );
  if (unjudged.length > 0)
    stop(
      `k6 was given thresholds in place of the load layer's (K6_THRESHOLDS, or a config file), so ${unjudged.length === 1 ? `${unjudged[0]} is` : `${unjudged.length} of them, ${unjudged[0]} first, are`} not judged: run without them`,
    );
  const problems = guardProblems(ready(), exec.test.options.scenarios as Record<string, { executor: string }>);
  if (problems.length > 0) stop(guardRefusal('the scenarios k6 was given', problems));
  const issued = requestToken();
  if (typeof issued === 'string') stop(issued);
  const { response, tries } = readinessAnswer(issued.token, started);
  if (response.status !== 200)
    stop(
      `the target ${ready().baseUrl} is not ready: ${describeAnswer(appointmentIds[0] as string, { status: response.status, error: response.error, location: response.headers.Location, url: response.url }, ready().auth.kind, parseJson(response.body) ?? null, givenCaFile())}${tries}`,
    );
  // A web page that answers every path (a base URL one level off) would fail every lookup's check.
  const contentType = response.headers['Content-Type'];
  if (!isJsonMediaType(contentType))
    stop(
      `the target ${ready().baseUrl} is not ready: GET appointment ${appointmentIds[0]} got HTTP 200 with ${contentType === undefined ? 'a body of no Content-Type' : `a ${contentType} body`}, not the API's JSON${tries}: check ENGAGE_BASE_URL`,
    );
  return issued;
}

const bodyProblem = rememberingGoodBodies((body, { id, language }) =>
  appointmentBodyProblem(parseJson(body), id, language),
);

// Per VU, built on its first iteration. Each slot of the id × language rotation is planned the first
// time it comes round, so that the hot path makes no SharedArray reads, URL encoding, tag or header
// objects of its own (see bench:load-script); past MAX_PLANNED slots they are planned per request,
// so that a long ids file does not cost each VU memory per id and language.
const MAX_PLANNED = 4096;
interface VuState {
  ids: string[];
  languages: string[];
  slots: number;
  plan: PlannedLookup[];
  /** The next position in the rotation; each VU starts where its first iteration falls. */
  position: number;
  token: IssuedToken;
  /** The token's Authorization header. */
  authorization: string;
  correlationPrefix: string;
  /** Requests sent, the counter of the correlation ids. */
  sent: number;
  consecutiveRateLimited: number;
}
let vu: VuState | undefined;

/**
 * One check per lookup: k6's check() costs about as much as the rest of an iteration, so the three
 * conditions share it, and a failure counts its reason in lookup_problems (free while all is well).
 */
const LOOKUP_CHECK = 'answered 200 with a JSON appointment body';
const lookupProblems = new Counter(LOOKUP_PROBLEMS_METRIC);
const badBodies = new Counter(BAD_BODY_METRIC);
/** The tags of each reason a lookup failed for, made once each: "HTTP 503", "200 body: <problem>". */
const problemTags = new Map<string, { problem: string }>();
function problemTag(problem: string): { problem: string } {
  let tags = problemTags.get(problem);
  if (tags === undefined) {
    tags = { problem };
    problemTags.set(problem, tags);
  }
  return tags;
}
/** k6's error code of a request that got no answer (status 0): 1050 is its own timeout. */
const noAnswer = (errorCode: number) =>
  errorCode === 1050 ? 'no answer: request timeout' : `no answer: k6 error code ${errorCode}`;

const lookupPassed = { [LOOKUP_CHECK]: true };
const lookupFailed = { [LOOKUP_CHECK]: false };

/** Whether the last Content-Type seen is JSON, remembered: a target sends the same one every time. */
let lastContentType: string | undefined;
let lastContentTypeIsJson = false;

function planSlot(state: VuState, slot: number): PlannedLookup {
  const planned = planLookup(lookupAt(slot, state.ids, state.languages), slot);
  if (slot < MAX_PLANNED) state.plan[slot] = planned;
  return planned;
}

/** A new token, or after a failed refresh the one held, with the next try a few seconds away (it may still be valid). */
function refreshed(token: IssuedToken): IssuedToken {
  const fresh = requestToken(token.clientAuthentication);
  if (typeof fresh !== 'string') return fresh;
  tokenRefreshFailures.add(1);
  // The next try tries each way of authenticating again, as the endpoint may have changed.
  return { ...token, refreshAtMilliseconds: Date.now() + TOKEN_RETRY_MILLISECONDS, clientAuthentication: undefined };
}

/**
 * One lookup. k6's engine pays for each JavaScript call (each is about 1 % of a lookup's instructions,
 * counted with cachegrind), so the hot path sends and judges in this one function.
 */
export default function (issued: IssuedToken): void {
  vu ??= {
    ids: Array.from(appointmentIds),
    languages: ready().languages,
    slots: rotationLength(appointmentIds, ready().languages),
    plan: [],
    // Unique across the instances of a distributed run, so that pods start at different lookups.
    position: exec.scenario.iterationInTest,
    token: issued,
    authorization: bearer(issued.token),
    correlationPrefix: correlationPrefix(String(exec.vu.idInTest)),
    sent: 0,
    consecutiveRateLimited: 0,
  };
  if (needsRefresh(vu.token, clock)) {
    vu.token = refreshed(vu.token);
    vu.authorization = bearer(vu.token.token);
  }
  const slot = vu.position++ % vu.slots;
  const planned = vu.plan[slot] ?? planSlot(vu, slot);
  const { headers } = planned.params;
  headers.Authorization = vu.authorization;
  headers['X-Correlation-Id'] = `${vu.correlationPrefix}-${vu.sent++}`;
  const response = httpGet(planned.url, planned.params);
  // Each read of a response field crosses from JavaScript into k6's Go: each is read once, and only
  // when the ones before it passed.
  const status = response.status;
  let problem: string | undefined;
  if (status === 429) problem = RATE_LIMITED_PROBLEM;
  else if (status === 0) problem = noAnswer(response.error_code);
  else if (status !== 200) problem = `HTTP ${status}`;
  else {
    const contentType = response.headers['Content-Type'];
    if (contentType !== lastContentType) {
      lastContentType = contentType;
      lastContentTypeIsJson = isJsonMediaType(contentType);
    }
    let wrong: string | undefined;
    if (!lastContentTypeIsJson) wrong = 'content type is not JSON';
    else {
      const body = response.body;
      wrong = typeof body === 'string' ? bodyProblem(body, planned, slot) : 'no body';
    }
    if (wrong !== undefined) {
      problem = `200 body: ${wrong}`;
      badBodies.add(1);
    }
  }
  if (problem !== undefined) lookupProblems.add(1, problemTag(problem));
  checkOutcome(null, problem === undefined ? lookupPassed : lookupFailed);
  if (status === 429) {
    rateLimitedResponses.add(1);
    vu.consecutiveRateLimited++;
    sleep(backoffSeconds(vu.consecutiveRateLimited, retryAfterSeconds(response.headers['Retry-After'], Date.now())));
  } else vu.consecutiveRateLimited = 0;
}

export function handleSummary(data: SummaryData): Record<string, string> {
  // Read apart from the settings, so that a run refused for its settings still writes where it was told.
  // The sandbox npm run load started is named so: its port is this run's alone.
  const url = settings?.baseUrl ?? '(no target)';
  const target = shape.targetIsSandbox ? `the embedded sandbox at ${url}` : url;
  const run = { profile: shape.profile, target, thresholds: givenThresholds };
  return summaryOutputs(data, run, handedReportsDirectory(__ENV));
}
