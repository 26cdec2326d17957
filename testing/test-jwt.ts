// JWTs for tests: a JWT part (base64url of JSON, or of the text given), a token that carries claims
// under a made-up signature, and one signed with HS256 under a test key, as a provider issues them.
import { createHmac } from 'node:crypto';
import { jwtPartOf } from '../config/jwt-claims.ts';

/** `value` as a JWT part: base64url of its JSON, or of the text itself when it is a string. */
export const jwtPart = (value: unknown) =>
  typeof value === 'string' ? Buffer.from(value).toString('base64url') : jwtPartOf(value);

/** The HS256 signature of `signed` (a JWT's header and claims parts, joined by a dot) under `key`. */
export const hs256Signature = (signed: string, key: string) =>
  createHmac('sha256', key).update(signed).digest('base64url');

/** A JWT of `claims`, signed with HS256 under `key`. */
export function signedJwt(claims: object, key = 'test-key'): string {
  const signed = `${jwtPart({ alg: 'HS256', typ: 'JWT' })}.${jwtPart(claims)}`;
  return `${signed}.${hs256Signature(signed, key)}`;
}

/** A JWT that carries `claims` (as jwtPart encodes them), with a made-up signature: for code that reads claims and never verifies them. */
export const claimsJwt = (claims: unknown, signature = 'sig') =>
  `${jwtPart({ alg: 'none' })}.${jwtPart(claims)}.${signature}`;
