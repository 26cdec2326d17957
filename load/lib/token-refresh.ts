// When a VU must fetch a new token: shortly before the one it holds expires. The token travels from
// setup() to the VUs as JSON, so "never expires" (a static ENGAGE_TOKEN) is null, not Infinity.
import { refreshMarginMilliseconds } from '../../config/api-facts.ts';

export interface IssuedToken {
  token: string;
  /** When to fetch a new one (epoch milliseconds), or null for a token that does not expire. */
  refreshAtMilliseconds: number | null;
}

export function issuedToken(token: string, expiresInSeconds: number, nowMilliseconds: number): IssuedToken {
  const lifetime = expiresInSeconds * 1000;
  return { token, refreshAtMilliseconds: nowMilliseconds + lifetime - refreshMarginMilliseconds(lifetime) };
}

/** A token that never expires, such as a static ENGAGE_TOKEN. */
export function lastingToken(token: string): IssuedToken {
  return { token, refreshAtMilliseconds: null };
}

export function tokenNeedsRefresh(issued: IssuedToken, nowMilliseconds: number): boolean {
  return issued.refreshAtMilliseconds !== null && nowMilliseconds >= issued.refreshAtMilliseconds;
}
