// JWTs for tests that read claims: a JWT part (base64url of JSON, or of the text given), and a token
// that carries claims under a made-up signature. Signed ones: sandbox/hs256-jwt.ts.
import { jwtPartOf } from '../config/jwt-claims.ts';

/** `value` as a JWT part: base64url of its JSON, or of the text itself when it is a string. */
export const jwtPart = (value: unknown) =>
  typeof value === 'string' ? Buffer.from(value).toString('base64url') : jwtPartOf(value);

/** A JWT that carries `claims` (as jwtPart encodes them), with a made-up signature: for code that reads claims and never verifies them. */
export const claimsJwt = (claims: unknown, signature = 'sig') =>
  `${jwtPart({ alg: 'none' })}.${jwtPart(claims)}.${signature}`;
