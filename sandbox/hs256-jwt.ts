// JWTs signed with HS256 (RFC 7518 §3.2), as the sandbox's token endpoint issues them, and as tests
// make the tokens of a JWT provider of their own.
import { createHmac } from 'node:crypto';
import { jwtPartOf } from '../config/jwt-claims.ts';

/** The HS256 signature of `signed` (a JWT's header and claims parts, joined by a dot) under `key`. */
export const hs256Signature = (signed: string, key: string | Buffer): string =>
  createHmac('sha256', key).update(signed).digest('base64url');

/** A JWT of `claims`, signed with HS256 under `key`. */
export function hs256Jwt(claims: object, key: string | Buffer): string {
  const signed = `${jwtPartOf({ alg: 'HS256', typ: 'JWT' })}.${jwtPartOf(claims)}`;
  return `${signed}.${hs256Signature(signed, key)}`;
}
