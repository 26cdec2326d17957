// When a static token expires, read from its own `exp` claim where it is a JWT (RFC 7519 §4.1.4), so
// that an expired ENGAGE_TOKEN or ENGAGE_NO_SCOPE_TOKEN is a setting to renew, not a failed check.
// Nothing is verified: an opaque or unreadable token has no known expiry.

/** The expiry of `token`, or undefined when it is no JWT with a numeric `exp`. */
export function tokenExpiry(token: string): Date | undefined {
  const [, payload] = token.split('.');
  if (payload === undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/** "VARIABLE expired at …: remedy", for each of `tokens` whose own expiry is past at `now`. */
export function expiredTokenProblems(
  tokens: Array<{ variable: string; token: string | undefined; remedy: string }>,
  now = new Date(),
): string[] {
  return tokens.flatMap(({ variable, token, remedy }) => {
    const expiry = token === undefined ? undefined : tokenExpiry(token);
    return expiry !== undefined && expiry <= now
      ? [`${variable} expired at ${expiry.toISOString()} (its exp claim): ${remedy}`]
      : [];
  });
}

/** "warning: VARIABLE expires at …" for each of `tokens` still valid at `now` but not `seconds` later. */
export function expiringTokenWarnings(
  tokens: Array<{ variable: string; token: string | undefined; remedy: string }>,
  seconds: number,
  now = new Date(),
): string[] {
  const end = new Date(now.getTime() + seconds * 1000);
  return tokens.flatMap(({ variable, token, remedy }) => {
    const expiry = token === undefined ? undefined : tokenExpiry(token);
    return expiry !== undefined && expiry > now && expiry <= end
      ? [
          `warning: ${variable} expires at ${expiry.toISOString()}, within this run's time limits (${Math.round(seconds / 60)} min): checks after that would fail; ${remedy}`,
        ]
      : [];
  });
}
