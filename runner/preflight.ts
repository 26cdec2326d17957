// Before any layer of `npm start` against a remote target: one token request and one GET of each
// configured appointment, so that a wrong secret, token, URL or id is one line naming the variable
// to fix (exit 2), not dozens of failures across the layers. A broken answer (5xx, a wrong body) is
// left to the layers, which report it.
import { randomUUID } from 'node:crypto';
import {
  answerRemedy,
  hasErrorsEnvelope,
  SUITE_CLIENT,
  tokenEndpointFailed,
  tokenRefusalSetting,
} from '../config/answer-remedy.ts';
import { appointmentPath, READ_SCOPES, SUITE_USER_AGENT } from '../config/api-facts.ts';
import { type ExactAnswer, readableText, sendExactRequest } from '../config/exact-request.ts';
import { tokenScopes } from '../config/jwt-claims.ts';
import { withoutPiecesOf } from '../config/secret-settings.ts';
import type { AuthConfig, SuiteConfig } from '../config/suite-config.ts';
import { describeNoAnswer } from '../config/target-reachability.ts';
import { type NamedToken, tokenExpiryNotes } from '../config/token-expiry.ts';
import { createTokenProvider, TokenRequestError } from '../config/token-provider.ts';
import { warn } from '../config/warnings.ts';
import { LAYER_NAMES } from './layers.ts';

/** The preflight waits this long at most, whatever ENGAGE_REQUEST_TIMEOUT_MS allows a layer. */
const PREFLIGHT_TIMEOUT_MILLISECONDS = 15_000;

/**
 * What is wrong with the settings, found with a token request and a GET per configured id; none means
 * the layers may run. `layers`: the layers that will run (the no-scope and expired tokens are e2e's alone);
 * `runSeconds`: their time limits, within which a static token should not expire (a warning).
 */
export async function preflightProblems(
  config: SuiteConfig,
  { layers = LAYER_NAMES, runSeconds = 0 }: { layers?: readonly string[]; runSeconds?: number } = {},
): Promise<string[]> {
  if (config.target.kind !== 'remote') return [];
  const { baseUrl } = config.target;
  const { auth, enterprise, appointmentId } = config;
  const timeout = Math.min(config.requestTimeoutMilliseconds, PREFLIGHT_TIMEOUT_MILLISECONDS);
  // A static token past its own expiry would fail checks of a healthy API: a setting to renew; so would
  // an ENGAGE_EXPIRED_TOKEN still valid. The e2e tokens only where e2e, their one user, runs.
  const noScopeAuth = layers.includes('e2e') ? config.noScopeAuth : undefined;
  const tokens: NamedToken[] = [
    {
      variable: 'ENGAGE_TOKEN',
      token: auth.kind === 'static-token' ? auth.token.reveal() : undefined,
      remedy: 'renew it, or use client credentials (ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID, ENGAGE_CLIENT_SECRET)',
    },
    {
      variable: 'ENGAGE_NO_SCOPE_TOKEN',
      token: noScopeAuth?.kind === 'static-token' ? noScopeAuth.token.reveal() : undefined,
      remedy: 'renew it, or unset it to skip the 403 check',
    },
    {
      variable: 'ENGAGE_EXPIRED_TOKEN',
      token: layers.includes('e2e') ? config.expiredToken?.reveal() : undefined,
      remedy: 'a healthy API would take it: give one that has, or unset it to skip the expired-token check',
      mustHaveExpired: true,
    },
  ];
  const expiry = tokenExpiryNotes(tokens, runSeconds);
  if (expiry.problems.length > 0) return expiry.problems;
  for (const warning of expiry.warnings) warn(warning);
  let token: string;
  try {
    token = await createTokenProvider(auth, { timeoutMilliseconds: timeout }).getToken();
  } catch (error) {
    if (!(error instanceof TokenRequestError) || auth.kind !== 'client-credentials') throw error;
    return [tokenProblem(error, auth, timeout)];
  }
  // The whole URL: a base URL with a path of its own (…/v1) is part of what may be wrong.
  const url = `${baseUrl}${appointmentPath(enterprise, appointmentId)}`;
  const headers = ['Authorization', `Bearer ${token}`, 'Accept', 'application/json', 'User-Agent', SUITE_USER_AGENT];
  let answer: ExactAnswer;
  try {
    answer = await sendExactRequest('GET', url, headers, timeout);
  } catch (error) {
    return [`ENGAGE_BASE_URL: ${describeNoAnswer(baseUrl, error, timeout)}`];
  }
  const { status } = answer;
  const body = parsedOrNull(readableText(answer.body, answer.headers['content-encoding']) ?? '');
  const envelope = hasErrorsEnvelope(body);
  // Worded as k6's setup() and e2e word them (config/answer-remedy.ts); a 404 of a known API names its variable.
  const remedy = answerRemedy(status, auth.kind, envelope, { location: answer.headers.location, from: url });
  if (remedy !== undefined && !(status === 404 && envelope)) return [`GET ${url} answered HTTP ${status}; ${remedy}`];
  // The API's 404 is the same for an unknown path: its own words and the base URL's path are named too.
  if (status === 404)
    return [
      `ENGAGE_APPOINTMENT_ID ${appointmentId} was not found in ENGAGE_ENTERPRISE ${enterprise}: GET ${url} answered HTTP 404${firstErrorMessage(body, token)}; if both are right, check the path of ENGAGE_BASE_URL`,
    ];
  // The 403 check's client, fetched as e2e will: a token it cannot get would fail that check.
  let noScopeToken = noScopeAuth?.kind === 'static-token' ? noScopeAuth.token.reveal() : undefined;
  if (noScopeAuth?.kind === 'client-credentials') {
    try {
      noScopeToken = await createTokenProvider(noScopeAuth, { timeoutMilliseconds: timeout }).getToken();
    } catch (error) {
      if (!(error instanceof TokenRequestError)) throw error;
      // Refused credentials (400 or 401, RFC 6749 §5.2) are a setting to fix; the endpoint's own
      // failure may pass before e2e asks, and would fail the 403 check alone.
      if (error.status === 400 || error.status === 401) return [tokenProblem(error, noScopeAuth, timeout)];
      warn(`preflight: warning: ${tokenProblem(error, noScopeAuth, timeout)}; the 403 check will ask again`);
    }
  }
  const noScopeProblem = noScopeToken === undefined ? undefined : scopedNoScopeToken(noScopeToken, token, noScopeAuth);
  if (noScopeProblem !== undefined) return [noScopeProblem];
  /** The status a GET of appointment `id` got, or undefined for no answer (which the layers report). */
  const statusOf = async (id: string) =>
    (
      await sendExactRequest('GET', `${baseUrl}${appointmentPath(enterprise, id)}`, headers, timeout).catch(
        () => undefined,
      )
    )?.status;
  // The other ids of ENGAGE_APPOINTMENT_IDS, one GET each, in turn (the documented limit allows 4 at once).
  const notFound: string[] = [];
  for (const id of config.appointmentIds.filter((other) => other !== appointmentId))
    if ((await statusOf(id)) === 404) notFound.push(id);
  if (notFound.length > 0)
    return [
      `ENGAGE_APPOINTMENT_IDS ${notFound.join(', ')} ${notFound.length === 1 ? 'was' : 'were'} not found in ENGAGE_ENTERPRISE ${enterprise} at ${baseUrl}: each GET answered HTTP 404`,
    ];
  // An id chosen to be missing that exists would fail the 404 checks and the contract's missing state
  // (their one users) on a healthy API. An API that answers a made-up id 200 too is at fault, and
  // those checks say so.
  if (config.missingAppointmentIdChosen && (layers.includes('e2e') || layers.includes('contracts'))) {
    const missing = config.missingAppointmentId;
    if ((await statusOf(missing)) === 200 && (await statusOf(`missing-${randomUUID()}`)) !== 200)
      return [
        `ENGAGE_MISSING_APPOINTMENT_ID ${missing} is an appointment of ENGAGE_ENTERPRISE ${enterprise}: GET ${baseUrl}${appointmentPath(enterprise, missing)} answered HTTP 200, and the 404 checks need an id that does not exist; unset it to use a made-up one`,
      ];
  }
  return [];
}

/**
 * Why the 403 check's token would be answered 200 by a healthy API, read from the token itself, never
 * from the API (which may be what is wrong): it is the suite's own token, or its scope claim holds the
 * appointments scope.
 */
function scopedNoScopeToken(
  noScopeToken: string,
  token: string,
  noScopeAuth: AuthConfig | undefined,
): string | undefined {
  const variable = noScopeAuth?.kind === 'static-token' ? 'ENGAGE_NO_SCOPE_TOKEN' : 'ENGAGE_NO_SCOPE_CLIENT_ID';
  if (noScopeToken === token)
    return `${variable} gives the suite's own token: the 403 check needs a token without the appointments scope`;
  const scopes = tokenScopes(noScopeToken)?.filter((scope) => (READ_SCOPES as readonly string[]).includes(scope));
  if (scopes === undefined || scopes.length === 0) return undefined;
  return `${variable}'s token has the appointments scope (${scopes.join(', ')} in its scope claim), so a healthy API answers it 200: the 403 check needs a token without it`;
}

/** The setting to fix when the token endpoint gave `client` no token (within `timeout` ms), from its answer. */
function tokenProblem(
  error: TokenRequestError,
  { tokenUrl, scope, settings = SUITE_CLIENT }: Extract<AuthConfig, { kind: 'client-credentials' }>,
  timeout: number,
): string {
  // No answer at all is worded as the target's is; an answer without a token says so.
  if (error.status === undefined)
    return `ENGAGE_TOKEN_URL: ${describeNoAnswer(tokenUrl, { message: error.reason ?? error.message }, timeout, 'token endpoint')}`;
  if (error.reason !== undefined) return `ENGAGE_TOKEN_URL ${tokenUrl} gave no token: ${error.reason}`;
  const answered = `the token endpoint answered HTTP ${error.status}${error.oauthError === undefined ? '' : ` ${error.oauthError}`}`;
  const setting = tokenRefusalSetting(error.status, error.oauthError, settings);
  if (setting === settings.scope) return `${setting} ${scope ?? '(unset)'} was refused: ${answered}`;
  if (tokenEndpointFailed(error.status))
    return `ENGAGE_TOKEN_URL ${tokenUrl} gave no token: ${answered}, a failure of its own`;
  if (setting === 'ENGAGE_TOKEN_URL')
    return `ENGAGE_TOKEN_URL ${tokenUrl} is not a token endpoint: it answered HTTP ${error.status}`;
  return `${setting} was refused: ${answered}`;
}

/**
 * `, saying \`…\`` with the first error's message of an errors body (one line, cut at 100 characters),
 * or nothing. Unescaped, so that the secret settings the caller redacts are found in it as they are;
 * every piece of the token the request carried (an issued one is no setting) is masked here, before
 * the cut, an echo of it cut short too.
 */
function firstErrorMessage(body: unknown, token: string): string {
  const message = (body as { errors?: Array<{ message?: unknown }> } | null)?.errors?.[0]?.message;
  if (typeof message !== 'string' || message.trim() === '') return '';
  const line = withoutPiecesOf(message.replaceAll(token, '[redacted]'), token)
    .replace(/\s+/g, ' ')
    .replaceAll('`', "'")
    .trim();
  return `, saying \`${line.length > 100 ? `${line.slice(0, 100)}…` : line}\``;
}

/** The body parsed as JSON, or null. */
function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
