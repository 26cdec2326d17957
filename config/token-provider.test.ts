// Proves token handling against the sandbox's real token endpoint: one request for many callers, a
// cached token until shortly before expiry, then a new one fetched while the held one serves;
// refusals are clear and never show the secret.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { oneWayTokenEndpoint } from '../testing/one-way-token-endpoint.ts';
import { startTinyServer } from '../testing/tiny-server.ts';
import { ASSUMED_TOKEN_LIFETIME_SECONDS, SUITE_USER_AGENT } from './api-facts.ts';
import { Secret } from './secret.ts';
import type { AuthConfig } from './suite-config.ts';
import { createTokenProvider, refreshDueAfterMilliseconds, TokenRequestError } from './token-provider.ts';
import { CLIENT_AUTHENTICATIONS } from './token-request.ts';

let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({ tokenLifetimeSeconds: 60 });
});
after(() => sandbox.close());

function credentials(secret = 'sandbox-client-secret'): AuthConfig {
  return {
    kind: 'client-credentials',
    tokenUrl: `${sandbox.url}/realms/acme/protocol/openid-connect/token`,
    clientId: 'sandbox-client',
    clientSecret: new Secret(secret),
    scope: 'engage:appointments:readOnly',
  };
}

/** Waits (10 s at most) until the provider hands out a token other than `old`: its background refresh has landed. */
async function refreshed(provider: { getToken(): Promise<string> }, old: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const token = await provider.getToken();
    if (token !== old) return token;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the token was never refreshed');
}

function countingFetch() {
  const counter: { calls: number; fetch: typeof fetch } = {
    calls: 0,
    fetch: (...args) => {
      counter.calls++;
      return fetch(...args);
    },
  };
  return counter;
}

describe('client credentials', () => {
  it('issue a token the appointments endpoint accepts', async () => {
    const token = await createTokenProvider(credentials()).getToken();
    const response = await fetch(`${sandbox.url}/enterprises/acme/appointments/123`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200);
  });
  it('are requested once for concurrent callers and cached until shortly before expiry', async () => {
    const counter = countingFetch();
    let clock = 1_000_000;
    const provider = createTokenProvider(credentials(), { fetch: counter.fetch, now: () => clock });
    const [first, second] = await Promise.all([provider.getToken(), provider.getToken()]);
    assert.equal(first, second);
    assert.equal(counter.calls, 1);
    clock += refreshDueAfterMilliseconds(60_000) - 1;
    assert.equal(await provider.getToken(), first);
    assert.equal(counter.calls, 1);
    clock += 1;
    // Due for a refresh: the held token serves at once while the new one is fetched.
    assert.equal(await provider.getToken(), first, 'no caller waits on the refresh');
    assert.equal(counter.calls, 2);
    await refreshed(provider, first);
    assert.equal(counter.calls, 2);
  });
  it('keep serving the token they hold when its refresh fails, asking again a little later, until 5 s before it expires', async () => {
    let clock = 1_000_000;
    let down = false;
    let requests = 0;
    const flaky: typeof fetch = (...args) => {
      requests++;
      return down ? Promise.reject(new Error('token endpoint down')) : fetch(...args);
    };
    const provider = createTokenProvider(credentials(), { fetch: flaky, now: () => clock });
    const held = await provider.getToken();
    down = true;
    clock += refreshDueAfterMilliseconds(60_000);
    assert.equal(await provider.getToken(), held, 'the token still lives while it is refreshed');
    assert.equal(requests, 2);
    await new Promise((resolve) => setImmediate(resolve));
    // Asked again 2 s later, or 5 s before expiry if sooner (a 60 s token is refreshed 11 s before).
    clock += 1_999;
    assert.equal(await provider.getToken(), held);
    assert.equal(requests, 2, 'not asked again by every call');
    clock = 1_000_000 + 60_000 - 5_000;
    await assert.rejects(provider.getToken(), /token endpoint down/, 'too close to its expiry to hand out');
    down = false;
    assert.notEqual(await provider.getToken(), held, 'the next call tries again');
  });
  it('take a token whose endpoint names no expires_in (RFC 6749 only recommends it) to live a minute', async () => {
    let clock = 1_000_000;
    let issued = 0;
    const withoutLifetime: typeof fetch = async () => {
      issued++;
      return new Response(JSON.stringify({ access_token: `token-${issued}`, token_type: 'Bearer' }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const provider = createTokenProvider(credentials(), { fetch: withoutLifetime, now: () => clock });
    assert.equal(await provider.getToken(), 'token-1');
    clock += refreshDueAfterMilliseconds(ASSUMED_TOKEN_LIFETIME_SECONDS * 1000) - 1;
    assert.equal(await provider.getToken(), 'token-1');
    assert.equal(issued, 1);
    clock += 1;
    await refreshed(provider, 'token-1');
    assert.equal(issued, 2);
  });
  it('refuse a token no header can carry (wrapped over lines), without repeating it', async () => {
    const wrapped: typeof fetch = async () =>
      new Response(JSON.stringify({ access_token: 'wrapped-token-part-one\npart-two', expires_in: 60 }), {
        headers: { 'content-type': 'application/json' },
      });
    const provider = createTokenProvider(credentials(), { fetch: wrapped });
    await assert.rejects(provider.getToken(), (error: unknown) => {
      assert.ok(error instanceof TokenRequestError);
      assert.match(error.message, /: its answer lacks access_token, holds one that is not one line without spaces/);
      assert.doesNotMatch(error.message, /part-one|part-two/);
      return true;
    });
  });
  it('report a refused request with the variables to check, never the secret', async () => {
    const provider = createTokenProvider(credentials('wrong-secret-under-test'));
    await assert.rejects(provider.getToken(), (error: unknown) => {
      assert.ok(error instanceof TokenRequestError);
      assert.match(error.message, /HTTP 401 invalid_client \(check ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET\)$/);
      assert.equal(error.oauthError, 'invalid_client');
      assert.doesNotMatch(error.message, /under-test/);
      return true;
    });
  });
  it("follow a redirect within the endpoint's origin, and refuse one to another origin, sending the secret nowhere else", async () => {
    const elsewhere = await startTinyServer((_request, response) => response.end('{}'));
    // An endpoint that moved within its origin (/old/token), and one that points away (/away/token).
    const moving = await startTinyServer((request, response) => {
      if (request.url === '/token') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"access_token":"moved-token","expires_in":60}');
        return;
      }
      response.writeHead(307, { location: request.url === '/old/token' ? '/token' : `${elsewhere.url}/token` });
      response.end();
    });
    const at = (path: string) => ({ ...credentials(), tokenUrl: `${moving.url}${path}` }) as AuthConfig;
    try {
      assert.equal(await createTokenProvider(at('/old/token')).getToken(), 'moved-token');
      await assert.rejects(createTokenProvider(at('/away/token')).getToken(), (error: unknown) => {
        assert.ok(error instanceof TokenRequestError);
        assert.equal(
          error.reason,
          `it redirects to ${elsewhere.url}, another origin, where the client secret is not sent: set ENGAGE_TOKEN_URL to the token endpoint itself`,
        );
        return true;
      });
      assert.equal(elsewhere.requests.length, 0, 'nothing was sent to the other origin');
    } finally {
      await moving.close();
      await elsewhere.close();
    }
  });
  it('authenticate by HTTP Basic, else in the form body, and keep to the way the endpoint took', async () => {
    const client = { clientId: 'one-way:client', clientSecret: 'its secret' };
    for (const way of CLIENT_AUTHENTICATIONS) {
      const endpoint = oneWayTokenEndpoint(way, client, { access_token: `${way}-token`, expires_in: 1 });
      const server = await startTinyServer(endpoint.answer);
      try {
        const auth = {
          ...credentials(client.clientSecret),
          clientId: client.clientId,
          tokenUrl: `${server.url}/token`,
        } as AuthConfig;
        // A token of a second: each getToken() asks for a new one.
        let clock = 0;
        const provider = createTokenProvider(auth, { now: () => clock });
        assert.equal(await provider.getToken(), `${way}-token`);
        clock += 2_000;
        assert.equal(await provider.getToken(), `${way}-token`);
        assert.deepEqual(endpoint.ways, way === 'basic' ? ['basic', 'basic'] : ['basic', 'body', 'body'], way);
      } finally {
        await server.close();
      }
    }
  });
  it('try each way again once the way taken is refused, as an endpoint reconfigured mid-run', async () => {
    const client = { clientId: 'one-way-client', clientSecret: 'its-secret' };
    const endpoint = oneWayTokenEndpoint('body', client, { access_token: 'a-token', expires_in: 1 });
    const server = await startTinyServer(endpoint.answer);
    try {
      const auth = { ...credentials(client.clientSecret), clientId: client.clientId, tokenUrl: `${server.url}/token` };
      let clock = 0;
      const provider = createTokenProvider(auth as AuthConfig, { now: () => clock });
      assert.equal(await provider.getToken(), 'a-token');
      endpoint.way = 'basic';
      clock += 2_000;
      await assert.rejects(provider.getToken(), /HTTP 401 invalid_client/);
      assert.equal(await provider.getToken(), 'a-token');
      assert.deepEqual(endpoint.ways, ['basic', 'body', 'body', 'basic']);
    } finally {
      await server.close();
    }
  });
  it('report the refusal that names invalid_client when every way is refused, else the first, and try no other way after a refusal of the scope', async () => {
    const refusing = (body: (way: string) => object, status = 401) =>
      startTinyServer((request, response) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body(request.headers.authorization === undefined ? 'body' : 'basic')));
      });
    const both = await refusing((way) => ({ error: way === 'basic' ? 'invalid_client' : 'invalid_request' }));
    // A body-only endpoint that refuses Basic as a malformed request, and the body's wrong secret.
    const bodyOnly = await refusing((way) => ({ error: way === 'basic' ? 'invalid_request' : 'invalid_client' }));
    const scope = await refusing(() => ({ error: 'invalid_scope' }), 400);
    try {
      await assert.rejects(
        createTokenProvider({ ...credentials(), tokenUrl: `${both.url}/token` } as AuthConfig).getToken(),
        /refused with HTTP 401 invalid_client \(check ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET\)$/,
      );
      assert.equal(both.requests.length, 2);
      await assert.rejects(
        createTokenProvider({ ...credentials(), tokenUrl: `${bodyOnly.url}/token` } as AuthConfig).getToken(),
        /refused with HTTP 401 invalid_client \(check ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET\)$/,
      );
      await assert.rejects(
        createTokenProvider({ ...credentials(), tokenUrl: `${scope.url}/token` } as AuthConfig).getToken(),
        /refused with HTTP 400 invalid_scope/,
      );
      assert.equal(scope.requests.length, 1);
    } finally {
      await both.close();
      await bodyOnly.close();
      await scope.close();
    }
  });
  it("send the suite's User-Agent, which firewalls require (fetch's own is node)", async () => {
    const endpoint = await startTinyServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"access_token":"a-token","expires_in":60}');
    });
    try {
      await createTokenProvider({ ...credentials(), tokenUrl: `${endpoint.url}/token` } as AuthConfig).getToken();
      assert.equal(endpoint.requests[0]?.headers['user-agent'], SUITE_USER_AGENT);
    } finally {
      await endpoint.close();
    }
  });
  it("report a request fetch could not send with fetch's cause, not only 'fetch failed'", async () => {
    const auth = { ...credentials(), tokenUrl: 'http://127.0.0.1:1/token' } as AuthConfig;
    await assert.rejects(
      createTokenProvider(auth).getToken(),
      // fetch refuses port 1 itself, and its cause says only "bad port".
      /token request to http:\/\/127\.0\.0\.1:1\/token failed: Node's fetch refuses port 1, one the Fetch standard blocks: serve the token endpoint on another$/,
    );
  });
});

describe('a static token', () => {
  it('is handed out as it is', async () => {
    assert.equal(await createTokenProvider({ kind: 'static-token', token: new Secret('abc') }).getToken(), 'abc');
  });
});
