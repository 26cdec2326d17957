// Proves the token request: its form, the access token it takes (one line without spaces), and
// where it follows a redirect: any Location within the
// endpoint's origin (absolute, protocol-relative, absolute-path, relative, query-only; default ports as
// written or not), its query kept; another origin, no usable Location, or a sixth hop, refused naming
// ENGAGE_TOKEN_URL.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  CLIENT_AUTHENTICATIONS,
  refusesTheAuthentication,
  tokenRedirect,
  tokenRequest,
  usableAccessToken,
} from './token-request.ts';

const from = 'https://auth.example.test/realms/acme/protocol/token';

it('follows a Location within the origin, however it is written, keeping its query', () => {
  const follows: Array<[string, string]> = [
    ['https://auth.example.test/t?a=1#x', 'https://auth.example.test/t?a=1'],
    ['https://AUTH.example.test:443/t', 'https://AUTH.example.test:443/t'],
    ['//auth.example.test/t', 'https://auth.example.test/t'],
    ['/realms/acme/token?a=1', 'https://auth.example.test/realms/acme/token?a=1'],
    ['token', 'https://auth.example.test/realms/acme/protocol/token'],
    ['../token', 'https://auth.example.test/realms/acme/protocol/../token'],
    ['?a=1', 'https://auth.example.test/realms/acme/protocol/token?a=1'],
  ];
  for (const [location, follow] of follows) assert.deepEqual(tokenRedirect(location, from, 0), { follow }, location);
});

it('refuses another origin, naming it without path or query, a missing Location and a sixth hop, each naming ENGAGE_TOKEN_URL', () => {
  for (const [location, origin] of [
    ['https://evil.example.test/steal?secret=1', 'https://evil.example.test'],
    ['http://auth.example.test/t', 'http://auth.example.test'],
    ['https://auth.example.test:8443/t', 'https://auth.example.test:8443'],
    ['//evil.example.test/t', 'https://evil.example.test'],
  ])
    assert.deepEqual(
      tokenRedirect(location, from, 0),
      {
        refuse: `it redirects to ${origin}, another origin, where the client secret is not sent: set ENGAGE_TOKEN_URL to the token endpoint itself`,
      },
      location,
    );
  assert.deepEqual(tokenRedirect(undefined, from, 0), {
    refuse: 'it answered a redirect without a usable Location: check ENGAGE_TOKEN_URL',
  });
  assert.deepEqual(tokenRedirect('/t', from, 5), { refuse: 'it redirected more than 5 times: check ENGAGE_TOKEN_URL' });
});

it('takes an access token of one line without spaces, and no other', () => {
  assert.equal(usableAccessToken('eyJhbGciOiJSUzI1NiJ9.e30.c2ln'), 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln');
  for (const unusable of ['', 'wrapped\nover lines', 'two words', 'tab\there', 'nul\u0000', 42, null, undefined])
    assert.equal(usableAccessToken(unusable), undefined, JSON.stringify(unusable));
});

it('authenticates the client by HTTP Basic, each part form-encoded, or in the form body; the scope only when one is set', () => {
  const client = { clientId: 'suite:client', clientSecret: 'a secret/ü' };
  const base64 = (ascii: string) => Buffer.from(ascii).toString('base64');
  const basic = tokenRequest(client, 'basic', base64);
  assert.deepEqual(basic.form, { grant_type: 'client_credentials' });
  assert.equal(
    Buffer.from((basic.authorization ?? '').replace(/^Basic /, ''), 'base64').toString(),
    'suite%3Aclient:a%20secret%2F%C3%BC',
    'the colon of the id is no separator',
  );
  assert.deepEqual(tokenRequest(client, 'body', base64), {
    form: { grant_type: 'client_credentials', client_id: 'suite:client', client_secret: 'a secret/ü' },
  });
  for (const how of CLIENT_AUTHENTICATIONS)
    assert.equal(tokenRequest({ ...client, scope: 'appointments:read' }, how, base64).form.scope, 'appointments:read');
  assert.deepEqual(CLIENT_AUTHENTICATIONS, ['basic', 'body'], 'Basic first: every server must take it');
});

it('tries another way of authenticating after a 401, a 403, or a 400 about the client or the request, not after one about the scope', () => {
  for (const [status, error, another] of [
    [401, 'invalid_client', true],
    [401, undefined, true],
    [400, 'invalid_client', true],
    [400, 'invalid_request', true],
    [400, 'unauthorized_client', true],
    [400, undefined, true],
    [400, 'invalid_scope', false],
    [400, 'unsupported_grant_type', false],
    [403, undefined, true],
    [500, undefined, false],
  ] as const)
    assert.equal(refusesTheAuthentication(status, error), another, `${status} ${error}`);
});
