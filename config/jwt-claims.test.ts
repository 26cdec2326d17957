// Proves a token's claims are read only from a JWT with a JSON object payload, its scopes from the
// space-separated `scope` claim, and a signed JWT's parts only where its header names an alg.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { claimsJwt as jwt, jwtPart } from '../testing/test-jwt.ts';
import { jwtClaims, signedJwtParts, tokenScopes } from './jwt-claims.ts';

it('reads the payload of a JWT, and nothing from an opaque token or a payload that is no object', () => {
  assert.deepEqual(jwtClaims(jwt('{"exp":1,"scope":"a b"}')), { exp: 1, scope: 'a b' });
  for (const token of ['opaque-token', 'a.b%c.d', jwt('[1,2]'), jwt('null'), jwt('not json')])
    assert.equal(jwtClaims(token), undefined, token);
});

it('splits the scope claim on spaces, and names no scopes without one', () => {
  assert.deepEqual(tokenScopes(jwt('{"scope":" profile  engage:appointments:readOnly "}')), [
    'profile',
    'engage:appointments:readOnly',
  ]);
  assert.equal(tokenScopes(jwt('{"scp":["a"]}')), undefined);
  assert.equal(tokenScopes('opaque-token'), undefined);
});

it('splits a signed JWT into its three parts, and takes three dotted parts whose header names no alg for another kind of token', () => {
  const token = `${jwtPart({ alg: 'RS256' })}.${jwtPart({ sub: 'x' })}.c2ln`;
  assert.deepEqual(signedJwtParts(token), {
    header: jwtPart({ alg: 'RS256' }),
    claims: jwtPart({ sub: 'x' }),
    signature: 'c2ln',
  });
  for (const other of [
    'ab.cd.ef',
    'v2.local.c2VjcmV0',
    `${jwtPart({ typ: 'JWT' })}.${jwtPart({})}.c2ln`,
    jwt('{}').slice(0, -4),
  ])
    assert.equal(signedJwtParts(other), undefined, other);
});
