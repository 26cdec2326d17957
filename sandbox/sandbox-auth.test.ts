// Proves the sandbox's auth over HTTP: client-credentials tokens per realm (signed JWTs) that expire,
// the scope check (403), and the token endpoint's OAuth2 refusals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { READ_SCOPES } from '../config/api-facts.ts';
import { forgedTokens } from '../config/forged-tokens.ts';
import { jwtClaims, signedJwtParts } from '../config/jwt-claims.ts';
import { assertErrorEnvelope, get } from '../testing/http-helpers.ts';
import { SandboxAuth } from './sandbox-auth.ts';
import { type RunningSandbox, startSandbox } from './start-sandbox.ts';

let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({ tokenLifetimeSeconds: 1 });
});
after(() => sandbox.close());

async function requestToken(realm: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const client = {
  grant_type: 'client_credentials',
  client_id: 'sandbox-client',
  client_secret: 'sandbox-client-secret',
};
const appointment = (realm = 'acme') => `${sandbox.url}/enterprises/${realm}/appointments/123`;

describe('the token endpoint', () => {
  it('issues a bearer token with its lifetime: a signed JWT naming its realm, client, scope and expiry, and no forgery of it is taken', async () => {
    const { status, body } = await requestToken('acme', client);
    assert.equal(status, 200);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 1);
    assert.equal((await get(appointment(), { authorization: `Bearer ${body.access_token}` })).status, 200);
    const { header } = signedJwtParts(body.access_token) ?? assert.fail('no signed JWT');
    assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString()), { alg: 'HS256', typ: 'JWT' });
    const { iat, exp, jti, ...named } = jwtClaims(body.access_token) ?? {};
    assert.deepEqual(named, { iss: 'realms/acme', azp: 'sandbox-client', scope: body.scope });
    assert.ok([1, 2].includes(Number(exp) - Number(iat)), `iat ${iat}, exp ${exp}`);
    assert.match(String(jti), /^[0-9a-f-]{36}$/);
    for (const [forgery, forged] of Object.entries(forgedTokens(body.access_token)))
      assert.equal((await get(appointment(), { authorization: `Bearer ${forged}` })).status, 401, forgery);
  });
  it('takes the client credentials as HTTP Basic too', async () => {
    const basic = Buffer.from('sandbox-client:sandbox-client-secret').toString('base64');
    const { status } = await requestToken(
      'acme',
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${basic}` },
    );
    assert.equal(status, 200);
  });
  it('refuses a wrong secret, another grant, an ungranted scope and a GET', async () => {
    assert.equal((await requestToken('acme', { ...client, client_secret: 'wrong' })).body.error, 'invalid_client');
    assert.equal(
      (await requestToken('acme', { ...client, grant_type: 'password' })).body.error,
      'unsupported_grant_type',
    );
    assert.equal((await requestToken('acme', { ...client, scope: 'engage:admin' })).body.error, 'invalid_scope');
    assert.equal((await fetch(`${sandbox.url}/realms/acme/protocol/openid-connect/token`)).status, 405);
  });
});

describe('tokens', () => {
  it('expire: 401 once the lifetime has passed', async () => {
    const { body } = await requestToken('acme', client);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await get(appointment(), { authorization: `Bearer ${body.access_token}` });
    assert.equal(response.status, 401);
    assert.equal(response.json.errors[0].code, 'TOKEN_EXPIRED');
  });
  it('of another realm are refused with 401', async () => {
    const { body } = await requestToken('initech', client);
    assert.equal((await get(appointment(), { authorization: `Bearer ${body.access_token}` })).status, 401);
  });
  it('without the appointments scope get 403', async () => {
    const { body } = await requestToken('acme', {
      ...client,
      client_id: 'sandbox-client-no-scope',
      client_secret: 'sandbox-client-no-scope-secret',
    });
    const response = await get(appointment(), { authorization: `Bearer ${body.access_token}` });
    assert.equal(response.status, 403);
    assert.equal(response.json.errors[0].statusCode, '403');
  });
});

describe('the store of issued tokens', () => {
  const grantFrom = (auth: SandboxAuth) =>
    auth.grant('acme', {
      grantType: 'client_credentials',
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-client-secret',
    });
  it('refuses a token from its lifetime on, never after its exp claim, whatever the millisecond it was issued at', () => {
    let now = 1_000_999;
    const auth = new SandboxAuth({ tokenLifetimeSeconds: 1, now: () => now });
    const granted = grantFrom(auth);
    const token = granted.ok ? granted.body.access_token : assert.fail('no token');
    const exp = Number(jwtClaims(token)?.exp);
    now = 1_001_998;
    assert.equal(auth.check(`Bearer ${token}`, 'acme'), undefined, 'taken within its lifetime');
    now = 1_001_999;
    assert.equal(auth.check(`Bearer ${token}`, 'acme')?.code, 'TOKEN_EXPIRED');
    assert.ok(now <= exp * 1000, `refused at ${now}, before exp ${exp} s`);
  });
  it('forgets tokens as they expire and refuses grants past its cap with 429 and the envelope', () => {
    let now = 0;
    const auth = new SandboxAuth({ tokenLifetimeSeconds: 10, now: () => now, maxLiveTokens: 3 });
    for (let index = 0; index < 3; index++) assert.equal(grantFrom(auth).ok, true);
    const refused = grantFrom(auth);
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.status === 429);
    assertErrorEnvelope(!refused.ok ? refused.body : undefined, 429);
    now = 10_000;
    assert.equal(grantFrom(auth).ok, true, 'expired tokens made room');
    assert.equal(auth.liveTokens, 1);
    assert.ok(auth.check('Bearer sandbox-token', 'acme') === undefined, 'the static tokens are never dropped');
  });
  it('takes the clients a test brings instead of the well-known ones', () => {
    const client = { clientId: 'test-client', clientSecret: 'test-secret', scopes: [...READ_SCOPES] };
    const auth = new SandboxAuth({ tokenLifetimeSeconds: 10, maxLiveTokens: 3, clients: [client] });
    const granted = auth.grant('acme', { grantType: 'client_credentials', ...client, scope: undefined });
    assert.ok(granted.ok && auth.check(`Bearer ${granted.body.access_token}`, 'acme') === undefined);
    assert.equal(grantFrom(auth).ok, false, 'the well-known client is not one of them');
  });
});
