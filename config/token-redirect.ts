// Where a token request may follow a redirect: within the token endpoint's own origin, at most a few
// hops. The request carries the client secret in its body, which a 307 or 308 sends again wherever it
// points, so a redirect to another origin is refused by name instead. One rule for Node and k6.
import { shownLocation } from './answer-remedy.ts';

/** The redirects a token request follows before it gives up. */
export const TOKEN_REDIRECT_LIMIT = 5;

/** For a redirect answering a token request sent to `from`: the URL to send it to next, or why not. */
export function tokenRedirect(location: string | undefined, from: string): { follow: string } | { refuse: string } {
  const to = location === undefined ? undefined : shownLocation(location, from);
  const here = shownLocation(from, from);
  if (to === undefined || here === undefined) return { refuse: 'it answered a redirect without a usable Location' };
  if (to.origin !== here.origin)
    return {
      refuse: `it redirects to ${to.origin}, another origin, where the client secret is not sent: set ENGAGE_TOKEN_URL to the token endpoint itself`,
    };
  return { follow: `${to.origin}${to.path}` };
}
