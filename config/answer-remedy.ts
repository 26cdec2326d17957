// Which setting an answer points at, worded once for the preflight, e2e, k6's setup() and the
// provider verification: a GET of the configured appointment that got 401, 403, 404 or a redirect,
// a refused TLS certificate, and a token request the endpoint refused. No Node imports: k6 reads it.
import { APPOINTMENT_PATH_END, READ_SCOPES } from './api-facts.ts';

export type CredentialKind = 'static-token' | 'client-credentials';

/** What to change when a token lacks the appointments scope. */
function scopeRemedy(credentials: CredentialKind): string {
  return credentials === 'static-token'
    ? `ENGAGE_TOKEN needs the scope ${READ_SCOPES.join(' or ')}`
    : "set ENGAGE_SCOPE, or grant the client's roles";
}

// Node's codes for a certificate it refused, and the words of k6's errors (its own, or Go's) for the same.
const UNTRUSTED =
  /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|x509: .*unknown authority/;
const OUT_OF_DATE = /CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|x509: certificate has expired or is not yet valid/;
const OTHER_HOST =
  /ERR_TLS_CERT_ALTNAME_INVALID|x509: certificate doesn't match hostname|x509: certificate is valid for/;

/** The CA file the process was given already, by the variable that gave it. */
export interface GivenCaFile {
  variable: 'NODE_EXTRA_CA_CERTS' | 'SSL_CERT_FILE';
  file: string | undefined;
  /** False when the file is not there (or is a folder), so that it was never read; undefined when unknown (k6). */
  isFile?: boolean;
}

/**
 * What to change when a TLS certificate was refused, from the error's code or text (Node's or k6's);
 * undefined for any other failure. A private CA is the usual cause on staging: Node and k6 each take
 * it in a variable of their own (Go reads SSL_CERT_FILE on Linux only, and it replaces the system's
 * CA file, so it gets a bundle). When the process was given a CA file already, that file is named.
 */
export function certificateRemedy(
  error: string,
  whose: 'target' | 'token endpoint' = 'target',
  given?: GivenCaFile,
): string | undefined {
  if (UNTRUSTED.test(error) && given?.file && given.isFile === false)
    return `the ${whose}'s certificate is not trusted here, and ${given.variable} is ${given.file}, which is not a file, so no CA was read from it: set it to the CA's PEM file`;
  if (UNTRUSTED.test(error))
    return given?.file
      ? `the ${whose}'s certificate is not trusted here, though ${given.variable} is ${given.file}: add the CA that signed it to that file${given.variable === 'SSL_CERT_FILE' ? ' (k6 reads it on Linux only)' : ''}, unless the server leaves out its intermediate certificate`
      : `the ${whose}'s certificate is not trusted here (a private CA, or a server that leaves out its intermediate certificate): for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file (Node) and SSL_CERT_FILE to a bundle of the system's CAs and it (k6 on Linux; on macOS and Windows, add it to the system's trust store)`;
  if (OUT_OF_DATE.test(error))
    return `the ${whose}'s certificate has expired or is not valid yet (or this machine's clock is off)`;
  if (OTHER_HOST.test(error))
    return `the ${whose}'s certificate is for another host: check the host in ${whose === 'target' ? 'ENGAGE_BASE_URL' : 'ENGAGE_TOKEN_URL'}`;
  return undefined;
}

/**
 * The setting a 401, 403, 404 or redirect (to its `location`, sent `from` a URL) of GET appointment
 * points at; undefined for any other answer. The API answers an unknown id with its errors body: a
 * 404 without one (`errorsEnvelope` false) is a wrong URL, and so is a redirect.
 */
export function answerRemedy(
  status: number,
  credentials: CredentialKind,
  errorsEnvelope: boolean,
  redirect?: { location: string | undefined; from: string },
): string | undefined {
  if (status === 401)
    return credentials === 'static-token'
      ? 'the token was refused: check ENGAGE_TOKEN'
      : // The endpoint took the client's credentials: its tokens are not this API's.
        'the issued token was refused: check that ENGAGE_TOKEN_URL is the token endpoint for this API';
  // The API refuses a scope with its errors body; a bare 403 (an HTML page) came from in front of it.
  if (status === 403 && !errorsEnvelope)
    return `a 403 without the API's errors body, so from in front of the API (a firewall, or a gateway that checks scopes): check its rules; ${scopeRemedy(credentials)}`;
  if (status === 403) return `the token lacks the appointments scope: ${scopeRemedy(credentials)}`;
  if (status === 404 && !errorsEnvelope)
    return "a 404 without the API's errors body, so not the appointments API: check ENGAGE_BASE_URL";
  if (status === 404) return 'no such appointment: check the id and ENGAGE_ENTERPRISE';
  if (REDIRECT_STATUSES.includes(status)) return redirectRemedy(redirect?.location, redirect?.from ?? '');
  return undefined;
}

/** The statuses that send a client elsewhere (a 304 does not). */
export const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];
const DEFAULT_PORTS: Record<string, string> = { 'http:': ':80', 'https:': ':443' };
/** scheme://authority of an absolute URL, and the rest. */
const ABSOLUTE_URL = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#]*)(.*)$/i;

/** A Location resolved against the URL it answered (RFC 3986 §5.2, dot segments left to the server). */
export function resolvedLocation(location: string, from: string): string | undefined {
  const reference = location.split('#')[0] as string;
  if (ABSOLUTE_URL.test(reference)) return reference;
  const base = ABSOLUTE_URL.exec(from);
  if (base === null) return undefined;
  const [, scheme, authority, rest = ''] = base;
  const path = rest.split(/[?#]/)[0] as string;
  if (reference.startsWith('//')) return `${scheme}${reference}`;
  if (reference.startsWith('/')) return `${scheme}//${authority}${reference}`;
  if (reference.startsWith('?') || reference === '') return `${scheme}//${authority}${path}${reference}`;
  return `${scheme}//${authority}${path.slice(0, path.lastIndexOf('/') + 1) || '/'}${reference}`;
}

/**
 * A Location as an absolute URL, resolved against the request's URL (k6 has no URL class), without
 * what may carry a session or a login's state: user info, path parameters, query and fragment. The
 * host is in lower case, without the scheme's default port.
 */
export function shownLocation(location: string, requestUrl: string): { origin: string; path: string } | undefined {
  const parts = ABSOLUTE_URL.exec(resolvedLocation(location, requestUrl) ?? '');
  if (parts === null) return undefined;
  const scheme = (parts[1] as string).toLowerCase();
  // Without user info, in lower case, and without the scheme's own port: the same host however written.
  let host = (parts[2] as string).replace(/^.*@/, '').toLowerCase();
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort !== undefined && host.endsWith(defaultPort)) host = host.slice(0, -defaultPort.length);
  return {
    origin: `${scheme}//${host}`,
    path: (parts[3] as string).split(/[;?#]/)[0] as string,
  };
}

/**
 * The API answers where it is: a redirect is a gateway's. To the same appointment elsewhere (http to
 * https, a moved host), the base URL to set; to another enterprise or id, which of them it names and
 * the setting to check; anywhere else (a login page), the origin it led to.
 */
function redirectRemedy(location: string | undefined, requestUrl: string): string {
  const to = location === undefined ? undefined : shownLocation(location, requestUrl);
  if (to === undefined) return 'a redirect, which the API does not answer with: check ENGAGE_BASE_URL';
  const target = APPOINTMENT_PATH_END.exec(to.path);
  if (target === null)
    return `a redirect to ${to.origin}, not to the appointment (a login page?): check ENGAGE_BASE_URL and the credentials`;
  const base = `${to.origin}${to.path.slice(0, target.index)}`;
  const from = shownLocation(requestUrl, requestUrl);
  const asked = APPOINTMENT_PATH_END.exec(from?.path ?? '');
  // Against a request URL that cannot be read, the redirect is taken for a move of the base alone.
  const others: Array<[string, string]> = [];
  const [enterprise, id] = [target[1], target[2]].map((segment) => decoded(segment as string));
  if (asked !== null && enterprise !== decoded(asked[1] as string))
    others.push([`enterprise ${shown(enterprise)}`, 'ENGAGE_ENTERPRISE']);
  if (asked !== null && id !== decoded(asked[2] as string))
    others.push([`appointment ${shown(id)}`, 'the appointment id']);
  const moved = from === undefined || asked === null || base !== `${from.origin}${from.path.slice(0, asked.index)}`;
  if (others.length === 0 && !moved)
    return 'a redirect to the same URL, which the API does not answer with (a gateway asking for a cookie or a login?): check ENGAGE_BASE_URL and the credentials';
  if (others.length === 0) return `a redirect, which the API does not answer with: set ENGAGE_BASE_URL to ${base}`;
  return `a redirect to ${others.map(([what]) => what).join(', ')}${moved ? ` at ${base}` : ''}, which the API does not answer with: ${moved ? `set ENGAGE_BASE_URL to ${base} and ` : ''}check ${others.map(([, setting]) => setting).join(' and ')}`;
}

/** A path segment as text, or as it came when it is not valid percent-encoding. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A value from an answer, quoted and cut short: a Location is the gateway's to fill. */
function shown(value: string | undefined): string {
  const text = JSON.stringify(value ?? '');
  return text.length > 42 ? `${text.slice(0, 40)}…"` : text;
}

/** Whether a parsed body is the API's `{ errors: [...] }` envelope, which it sends with every error. */
export function hasErrorsEnvelope(body: unknown): boolean {
  return Array.isArray((body as { errors?: unknown } | null | undefined)?.errors);
}

/**
 * "GET appointment 123 got HTTP 401; the token was refused: check ENGAGE_TOKEN", or "… got no answer
 * (…)"; `body`, parsed, tells an unknown id's 404 from a wrong URL's; `given`, the CA file a refused
 * certificate's remedy names.
 */
export function describeAnswer(
  id: string,
  answer: { status: number; error?: string; location?: string; url?: string },
  credentials: CredentialKind,
  body: unknown,
  given?: GivenCaFile,
): string {
  const got = answer.status === 0 ? `no answer (${answer.error})` : `HTTP ${answer.status}`;
  const remedy =
    answer.status === 0
      ? certificateRemedy(answer.error ?? '', 'target', given)
      : answerRemedy(answer.status, credentials, hasErrorsEnvelope(body), {
          location: answer.location,
          from: answer.url ?? '',
        });
  return `GET appointment ${id} got ${got}${remedy === undefined ? '' : `; ${remedy}`}`;
}

/**
 * The registered OAuth error codes (RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1). Anything else an
 * endpoint puts in `error` is not repeated: some write free text there, the secret they refused included.
 */
const OAUTH_ERRORS = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'invalid_token',
  'insufficient_scope',
]);

/** The token endpoint's OAuth `error` code from its JSON body, when it gave a registered one. */
export function oauthErrorOf(body: unknown): string | undefined {
  const error = (body as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' && OAUTH_ERRORS.has(error) ? error : undefined;
}

/** The variables a client's credentials come from, for the setting a refusal names. */
export interface ClientSettings {
  id: string;
  secret: string;
  /** The scope it asks for, if any. */
  scope?: string;
}
/** The suite's client: its token reads appointments. */
export const SUITE_CLIENT: ClientSettings = {
  id: 'ENGAGE_CLIENT_ID',
  secret: 'ENGAGE_CLIENT_SECRET',
  scope: 'ENGAGE_SCOPE',
};
/** The client of the 403 check, whose token lacks the appointments scope; it asks for no scope. */
export const NO_SCOPE_CLIENT: ClientSettings = {
  id: 'ENGAGE_NO_SCOPE_CLIENT_ID',
  secret: 'ENGAGE_NO_SCOPE_CLIENT_SECRET',
};

/** Whether a token endpoint's status is a failure of its own (a 5xx or a 429), whatever the credentials. */
export const tokenEndpointFailed = (status: number) => status === 429 || status >= 500;

/** The setting a refused token request of `client` points at, from the endpoint's status and OAuth error code. */
export function tokenRefusalSetting(
  status: number,
  oauthError: string | undefined,
  client: ClientSettings = SUITE_CLIENT,
): string {
  if (oauthError === 'invalid_scope' && client.scope !== undefined) return client.scope;
  // A token endpoint refuses credentials with 400 or 401 (RFC 6749 §5.2): a 404 or 405 says there is
  // none there, whatever its body says (Keycloak: {"error":"Realm does not exist"}), and a 5xx or a
  // 429 that it failed, whatever the credentials.
  if (status === 404 || status === 405 || tokenEndpointFailed(status)) return 'ENGAGE_TOKEN_URL';
  return `${client.id} or ${client.secret}`;
}
