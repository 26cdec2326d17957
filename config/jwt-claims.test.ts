// Proves a token's claims are read only from a JWT with a JSON object payload, and its scopes from
// the space-separated `scope` claim.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { jwtClaims, tokenScopes } from './jwt-claims.ts';

const jwt = (payload: string) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}.sig`;

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
