// Which setting an answer points at, worded once for the preflight, k6's setup() and the provider
// verification: a GET of the configured appointment that got 401, 403 or 404, and a token request
// the endpoint refused. No Node imports: k6 reads it.
import { READ_SCOPES } from './api-facts.ts';

export type CredentialKind = 'static-token' | 'client-credentials';

/** What to change when a token lacks the appointments scope. */
function scopeRemedy(credentials: CredentialKind): string {
  return credentials === 'static-token'
    ? `ENGAGE_TOKEN needs the scope ${READ_SCOPES.join(' or ')}`
    : "set ENGAGE_SCOPE, or grant the client's roles";
}

/**
 * The setting a 401, 403 or 404 of GET appointment points at; undefined for any other answer. The API
 * answers an unknown id with its errors body: a 404 without one (`errorsEnvelope` false) is a wrong URL.
 */
export function answerRemedy(status: number, credentials: CredentialKind, errorsEnvelope: boolean): string | undefined {
  if (status === 401)
    return credentials === 'static-token'
      ? 'the token was refused: check ENGAGE_TOKEN'
      : // The endpoint took the client's credentials: its tokens are not this API's.
        'the issued token was refused: check that ENGAGE_TOKEN_URL is the token endpoint for this API';
  if (status === 403) return `the token lacks the appointments scope: ${scopeRemedy(credentials)}`;
  if (status === 404 && !errorsEnvelope)
    return "a 404 without the API's errors body, so not the appointments API: check ENGAGE_BASE_URL";
  if (status === 404) return 'no such appointment: check the id and ENGAGE_ENTERPRISE';
  return undefined;
}

/** Whether a parsed body is the API's `{ errors: [...] }` envelope, which it sends with every error. */
export function hasErrorsEnvelope(body: unknown): boolean {
  return Array.isArray((body as { errors?: unknown } | null | undefined)?.errors);
}

/**
 * "GET appointment 123 got HTTP 401; the token was refused: check ENGAGE_TOKEN", or "… got no answer
 * (…)"; `body`, parsed, tells an unknown id's 404 from a wrong URL's.
 */
export function describeAnswer(
  id: string,
  answer: { status: number; error?: string },
  credentials: CredentialKind,
  body: unknown,
): string {
  const got = answer.status === 0 ? `no answer (${answer.error})` : `HTTP ${answer.status}`;
  const remedy = answerRemedy(answer.status, credentials, hasErrorsEnvelope(body));
  return `GET appointment ${id} got ${got}${remedy === undefined ? '' : `; ${remedy}`}`;
}

/** RFC 6749's characters for an error code: printable ASCII but " and \. Anything else is not repeated. */
const OAUTH_ERROR = /^[\x20\x21\x23-\x5B\x5D-\x7E]{1,64}$/;

/** The token endpoint's OAuth `error` code from its JSON body, when it gave a well-formed one. */
export function oauthErrorOf(body: unknown): string | undefined {
  const error = (body as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' && OAUTH_ERROR.test(error) ? error : undefined;
}

/** The setting a refused token request points at, from the endpoint's status and OAuth error code. */
export function tokenRefusalSetting(status: number, oauthError: string | undefined): string {
  if (oauthError === 'invalid_scope') return 'ENGAGE_SCOPE';
  // No OAuth answer at all: no token endpoint there.
  if (oauthError === undefined && (status === 404 || status === 405)) return 'ENGAGE_TOKEN_URL';
  return 'ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET';
}
