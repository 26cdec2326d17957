// When a static token expires, read from its own `exp` claim where it is a JWT (RFC 7519 §4.1.4), so
// that an expired ENGAGE_TOKEN or ENGAGE_NO_SCOPE_TOKEN, or an ENGAGE_EXPIRED_TOKEN that has not
// expired, is a setting to change, not a failed check.
// Nothing is verified: an opaque or unreadable token has no known expiry.
import { jwtClaims } from './jwt-claims.ts';

/** The expiry of `token`, or undefined when it is no JWT with a numeric `exp`. */
export function tokenExpiry(token: string): Date | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : undefined;
}

/** A static token the run uses, by its variable, with what to do when it has expired. */
export interface NamedToken {
  variable: string;
  token: string | undefined;
  remedy: string;
  /** A token that must have expired (ENGAGE_EXPIRED_TOKEN): one still valid is the problem. */
  mustHaveExpired?: boolean;
}

/**
 * Of `tokens` with a known expiry: "VARIABLE expired at …: remedy" for each past it at `now` (a
 * problem), and "warning: VARIABLE expires at …" for each that expires within `runSeconds`.
 */
export function tokenExpiryNotes(
  tokens: NamedToken[],
  runSeconds: number,
  now = new Date(),
): { problems: string[]; warnings: string[] } {
  const end = now.getTime() + runSeconds * 1000;
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const { variable, token, remedy, mustHaveExpired } of tokens) {
    const expiry = token === undefined ? undefined : tokenExpiry(token);
    if (expiry !== undefined && mustHaveExpired) {
      if (expiry > now)
        problems.push(`${variable} has not expired yet (its exp claim: ${expiry.toISOString()}), so ${remedy}`);
      continue;
    }
    if (expiry === undefined || expiry.getTime() > end) continue;
    if (expiry <= now) problems.push(`${variable} expired at ${expiry.toISOString()} (its exp claim): ${remedy}`);
    else
      warnings.push(
        `warning: ${variable} expires at ${expiry.toISOString()}, within this run's time limits (${Math.round(runSeconds / 60)} min): checks after that would fail; ${remedy}`,
      );
  }
  return { problems, warnings };
}
