// When a VU must fetch a new token: shortly before the one it holds expires (a tenth of its lifetime,
// at most 30 s early), so that long runs never send an expired token.

export interface IssuedToken {
  token: string;
  refreshAtMilliseconds: number;
}

export function issuedToken(token: string, expiresInSeconds: number, nowMilliseconds: number): IssuedToken {
  const lifetime = expiresInSeconds * 1000;
  return { token, refreshAtMilliseconds: nowMilliseconds + lifetime - Math.min(30_000, lifetime / 10) };
}

/** A token that never expires, such as a static ENGAGE_TOKEN. */
export function lastingToken(token: string): IssuedToken {
  return { token, refreshAtMilliseconds: Number.POSITIVE_INFINITY };
}

export function tokenNeedsRefresh(issued: IssuedToken, nowMilliseconds: number): boolean {
  return nowMilliseconds >= issued.refreshAtMilliseconds;
}
