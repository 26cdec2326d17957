// Where a token request may follow a redirect: within the token endpoint's own origin, at most a few
// hops. The request carries the client secret in its body, which a 307 or 308 sends again wherever it
// points, so a redirect to another origin is refused by name instead. One rule for Node and k6 (which
// has no URL class, hence no Node imports).
import { ABSOLUTE_URL, shownLocation } from './answer-remedy.ts';

/** The redirects a token request follows before it gives up. */
const TOKEN_REDIRECT_LIMIT = 5;

/** A Location resolved against the URL it answered (RFC 3986 §5.2, dot segments left to the server). */
function resolved(location: string, from: string): string | undefined {
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
  const to = location === undefined ? undefined : resolved(location.trim(), from);
  const toOrigin = to === undefined ? undefined : shownLocation(to, to)?.origin;
  if (to === undefined || toOrigin === undefined)
    return { refuse: 'it answered a redirect without a usable Location: check ENGAGE_TOKEN_URL' };
  if (toOrigin !== shownLocation(from, from)?.origin)
    return {
      refuse: `it redirects to ${toOrigin}, another origin, where the client secret is not sent: set ENGAGE_TOKEN_URL to the token endpoint itself`,
    };
  return { follow: to };
}
