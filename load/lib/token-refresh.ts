// When a VU must fetch a new token: shortly before the one it holds expires. The token travels from
// setup() to the VUs as JSON, so "never expires" (a static ENGAGE_TOKEN) is null, not Infinity, with
// the way the token endpoint took the client's credentials, for the VUs' refreshes.
import { refreshMarginMilliseconds } from '../../config/api-facts.ts';
import type { ClientAuthentication } from '../../config/token-request.ts';

export interface IssuedToken {
  token: string;
  /** When to fetch a new one (epoch milliseconds), or null for a token that does not expire. */
  refreshAtMilliseconds: number | null;
  /** How the token endpoint took the client's credentials, for the next request. */
  clientAuthentication?: ClientAuthentication;
}

export function issuedToken(token: string, expiresInSeconds: number, nowMilliseconds: number): IssuedToken {
  const lifetime = expiresInSeconds * 1000;
  return { token, refreshAtMilliseconds: nowMilliseconds + lifetime - refreshMarginMilliseconds(lifetime) };
}

/** A token that never expires, such as a static ENGAGE_TOKEN. */
export function lastingToken(token: string): IssuedToken {
  return { token, refreshAtMilliseconds: null };
}

/**
 * Whether to fetch a new token now, asked on every lookup. The clock is read only for a token that
 * expires: a Date.now() per lookup is about 3,000 of k6's 413,000 instructions (see bench:load-script).
 */
export function tokenNeedsRefresh(issued: IssuedToken, now: () => number): boolean {
  return issued.refreshAtMilliseconds !== null && now() >= issued.refreshAtMilliseconds;
}
