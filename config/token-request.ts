// The client-credentials token request, one set of rules for Node and k6 (so no Node imports): how
// the client authenticates, its form, what an answer must hold, when to ask again, and which
// redirects it follows.
import { resolvedLocation, shownLocation } from './answer-remedy.ts';
import { isOneLine } from './auth-choice.ts';

/**
 * How the client authenticates to the token endpoint (RFC 6749 §2.3.1), in the order tried: HTTP
 * Basic, which every authorization server MUST support, then the credentials in the form body, which
 * the RFC allows and some servers insist on. The first one not refused serves the later requests.
 */
export const CLIENT_AUTHENTICATIONS = ['basic', 'body'] as const;
export type ClientAuthentication = (typeof CLIENT_AUTHENTICATIONS)[number];

export interface TokenRequest {
  form: Record<string, string>;
  /** The Basic credentials' Authorization header, when the client authenticates so. */
  authorization?: string;
}

/**
 * A client-credentials token request (RFC 6749 §4.4.2), the client authenticated `how`; `base64`
 * encodes ASCII text (Node and k6 each have their own).
 */
export function tokenRequest(
  client: { clientId: string; clientSecret: string; scope?: string },
  how: ClientAuthentication,
  base64: (ascii: string) => string,
): TokenRequest {
  const form: Record<string, string> = { grant_type: 'client_credentials' };
  if (how === 'body') {
    form.client_id = client.clientId;
    form.client_secret = client.clientSecret;
  }
  if (client.scope !== undefined) form.scope = client.scope;
  if (how === 'body') return { form };
  // Each form-urlencoded first (RFC 6749 §2.3.1), so that a ":" in the id is no separator; %20 for a
  // space, which both a form decoder and a URI decoder read back.
  const credentials = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
  return { form, authorization: `Basic ${base64(credentials)}` };
}

/**
 * Whether a refusal may be of how the client authenticated rather than of what it asked (RFC 6749
 * §5.2): a 401, a 403 (a gateway in front that takes no Authorization header it does not expect), or
 * a 400 naming no error or one about the client or the request. Another way is tried after one; an
 * invalid_scope, say, is the same whichever way the client authenticates.
 */
export function refusesTheAuthentication(status: number, oauthError: string | undefined): boolean {
  if (status === 401 || status === 403) return true;
  return (
    status === 400 &&
    (oauthError === undefined || ['invalid_client', 'invalid_request', 'unauthorized_client'].includes(oauthError))
  );
}

/**
 * Of the refusals of every way of authenticating, in the order tried, the one to report: one naming
 * invalid_client (the credentials themselves), else the first (Basic's, which every server must take).
 */
export function reportedRefusal<Refusal extends { oauthError?: string }>(refusals: [Refusal, ...Refusal[]]): Refusal {
  return refusals.find((refusal) => refusal.oauthError === 'invalid_client') ?? refusals[0];
}

/** Why a 200 from the token endpoint gives no token. */
export const UNUSABLE_TOKEN_ANSWER =
  'its answer lacks access_token, holds one that is not one line without spaces, or names an expires_in that is no positive number';

/**
 * The access_token of a 200 answer, or undefined when it is none an Authorization header can carry
 * (a token service that wraps its base64 over lines).
 */
export function usableAccessToken(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && isOneLine(value) ? value : undefined;
}

/** After a failed refresh, how long the held token serves before the endpoint is asked again. */
export const TOKEN_RETRY_MILLISECONDS = 2_000;

/**
 * The redirects a token request follows before it gives up, each within the token endpoint's own
 * origin: the request carries the client secret (in a header or its body), which a 307 or 308 sends again wherever
 * it points, so a redirect to another origin is refused by name instead.
 */
const TOKEN_REDIRECT_LIMIT = 5;

/**
 * For the redirect that answered the `hops`-th hop (from 0) of a token request sent to `from`: the URL
 * to send it to next, or why not.
 */
export function tokenRedirect(
  location: string | undefined,
  from: string,
  hops: number,
): { follow: string } | { refuse: string } {
  if (hops >= TOKEN_REDIRECT_LIMIT)
    return { refuse: `it redirected more than ${TOKEN_REDIRECT_LIMIT} times: check ENGAGE_TOKEN_URL` };
  const to = location === undefined ? undefined : resolvedLocation(location.trim(), from);
  const toOrigin = to === undefined ? undefined : shownLocation(to, to)?.origin;
  if (to === undefined || toOrigin === undefined)
    return { refuse: 'it answered a redirect without a usable Location: check ENGAGE_TOKEN_URL' };
  if (toOrigin !== shownLocation(from, from)?.origin)
    return {
      refuse: `it redirects to ${toOrigin}, another origin, where the client secret is not sent: set ENGAGE_TOKEN_URL to the token endpoint itself`,
    };
  return { follow: to };
}
