// The claims of a token that is a JWT (RFC 7519), read and never verified: its expiry and scopes say
// whether a configured token can do what the run asks of it. An opaque token has none. And a signed
// JWT's three parts (its signature is what makes it a credential), and how a part is encoded.

/** `value` as a JWT part: base64url of its JSON (RFC 7519 §3). */
export const jwtPartOf = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT part (base64url of a JSON object) as that object, or undefined when it is none. */
function decodedPart(part: string | undefined): Record<string, unknown> | undefined {
  if (part === undefined || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The payload of `token` as an object, or undefined when it is no JWT with a JSON payload. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  return decodedPart(token.split('.')[1]);
}

/** The scopes of `token` (its `scope` claim, space-separated: RFC 9068 §2.2.3), or undefined when it names none. */
export function tokenScopes(token: string): string[] | undefined {
  const scope = jwtClaims(token)?.scope;
  return typeof scope === 'string' ? scope.split(' ').filter((name) => name !== '') : undefined;
}

/**
 * The three parts of `token` when it is a signed JWT (RFC 7515 compact form, its header naming an
 * alg), else undefined: three dotted parts alone may be another kind of token.
 */
export function signedJwtParts(token: string): { header: string; claims: string; signature: string } | undefined {
  const parts = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (parts === null || typeof decodedPart(parts[1])?.alg !== 'string') return undefined;
  return { header: parts[1] as string, claims: parts[2] as string, signature: parts[3] as string };
}
