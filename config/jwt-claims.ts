// The claims of a token that is a JWT (RFC 7519), read and never verified: its expiry and scopes say
// whether a configured token can do what the run asks of it. An opaque token has none. And its
// signature, the part that makes it a credential.

/** The payload of `token` as an object, or undefined when it is no JWT with a JSON payload. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const [, payload] = token.split('.');
  if (payload === undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The scopes of `token` (its `scope` claim, space-separated: RFC 9068 §2.2.3), or undefined when it names none. */
export function tokenScopes(token: string): string[] | undefined {
  const scope = jwtClaims(token)?.scope;
  return typeof scope === 'string' ? scope.split(' ').filter((name) => name !== '') : undefined;
}

/** The signature of `token` when it has a signed JWT's three parts (RFC 7515 compact form), else undefined. */
export function jwtSignature(token: string): string | undefined {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)$/.exec(token)?.[1];
}
