// Proves the token-injecting forwarder: the header lines as they came, a token only on a GET of the
// appointment path, echoed credentials masked, and a failure named at once when no token comes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, deflateRawSync, gunzipSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { jwtPart } from '../testing/test-jwt.ts';
import { startTinyServer, type TinyServer } from '../testing/tiny-server.ts';
import { sendExactRequest } from './exact-request.ts';
import { FORGERIES, forgedTokens } from './forged-tokens.ts';
import { PROXY_ERROR_HEADER, startTokenInjectingProxy, type TokenInjectingProxy } from './token-injecting-proxy.ts';
import { TokenRequestError } from './token-provider.ts';

/** Header lines as a list of [lower-case name, value], without the ones node's client always sets. */
const arrivedLines = (rawHeaders: string[]) =>
  rawHeaders
    .flatMap((value, index) => (index % 2 === 0 ? [[value.toLowerCase(), rawHeaders[index + 1] as string]] : []))
    .filter(([name]) => name !== 'host' && name !== 'connection');

describe('the token-injecting forwarder', () => {
  let target: TinyServer;
  let forwarder: TokenInjectingProxy;
  before(async () => {
    target = await startTinyServer((_request, response) => response.end('{}'));
    forwarder = await startTokenInjectingProxy(target.url, ['acme'], async () => 'the-real-token', 2000);
  });
  after(async () => {
    await forwarder.close();
    await target.close();
  });
  const send = (method: string, path: string, rawHeaders: string[]) =>
    sendExactRequest(method, `${forwarder.url}${path}`, rawHeaders, 2000);
  const lastArrived = () => arrivedLines(target.requests.at(-1)?.rawHeaders ?? []);

  it('forwards a request with no Accept-Language as it is, with the token in place of the placeholder', async () => {
    const answer = await send('GET', '/enterprises/acme/appointments/1', [
      'Authorization',
      `Bearer ${forwarder.placeholder}`,
    ]);
    assert.equal(answer.status, 200);
    assert.deepEqual(lastArrived(), [['authorization', 'Bearer the-real-token']]);
  });
  it('keeps repeated headers repeated, in order, and adds nothing', async () => {
    await send('GET', '/enterprises/acme/appointments/1', [
      'X-Correlation-Id',
      'first',
      'Accept-Language',
      'nl',
      'X-Correlation-Id',
      'second',
    ]);
    assert.deepEqual(lastArrived(), [
      ['x-correlation-id', 'first'],
      ['x-correlation-id', 'second'],
      ['accept-language', 'nl'],
    ]);
  });
  it('refuses to add the token to a POST, another method or another path, and forwards none', async () => {
    const before = target.requests.length;
    const authorization = ['Authorization', `Bearer ${forwarder.placeholder}`];
    for (const [method, path, extra] of [
      ['POST', '/enterprises/acme/appointments/1', []],
      ['POST', '/enterprises/acme/appointments/1', ['Transfer-Encoding', 'chunked']],
      ['PUT', '/enterprises/acme/appointments/1', []],
      ['DELETE', '/enterprises/acme/appointments/1', []],
      ['GET', '/enterprises/other/appointments/1', []],
      ['GET', '/realms/acme/protocol/openid-connect/token', []],
    ] as const) {
      const answer = await send(method, path, [...authorization, ...extra]);
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.match(
        decodeURIComponent(String(answer.headers[PROXY_ERROR_HEADER])),
        /adds a token only to GET \/enterprises\/acme\/appointments\//,
      );
    }
    assert.equal(target.requests.length, before);
  });
  it('hands back an answer that echoes the token with the placeholder in its place: headers, body, compressed body', async () => {
    const token = 'the-real+token/42-long-enough';
    // A gateway that echoes what it was sent, as some do in a 401's body and WWW-Authenticate.
    const codings: Record<string, [string | undefined, (body: string) => Buffer]> = {
      plain: [undefined, (body) => Buffer.from(body)],
      gzipped: ['gzip', (body) => gzipSync(body)],
      'raw-deflated': ['deflate', (body) => deflateRawSync(body)],
      stacked: ['gzip, br', (body) => brotliCompressSync(gzipSync(body))],
      // Cut before the gzip trailer or the last bytes: a strict decoder refuses them, Playwright reads them.
      'cut-gzipped': ['gzip', (body) => gzipSync(body).subarray(0, -8)],
      'cut-deflated': ['deflate', (body) => deflateRawSync(body).subarray(0, -1)],
    };
    const echoing = await startTinyServer((request, response) => {
      const authorization = String(request.headers.authorization);
      const body = JSON.stringify({ errors: [{ message: `${authorization} (${encodeURIComponent(authorization)})` }] });
      const [coding, encode] = codings[request.url?.split('/').at(-1) ?? ''] ?? codings.plain;
      response.writeHead(401, {
        'www-authenticate': `Bearer error="invalid_token", token="${authorization}"`,
        'content-type': 'application/json',
        ...(coding === undefined ? {} : { 'content-encoding': coding }),
      });
      response.end(encode(body));
    });
    const echoed = await startTokenInjectingProxy(echoing.url, ['acme'], async () => token, 2000);
    try {
      for (const id of Object.keys(codings)) {
        const answer = await sendExactRequest(
          'GET',
          `${echoed.url}/enterprises/acme/appointments/${id}`,
          ['Authorization', `Bearer ${echoed.placeholder}`],
          2000,
        );
        const seen = `${answer.rawHeaders.join('\n')}\n${answer.body}`;
        assert.equal(answer.status, 401, id);
        assert.equal(answer.headers['content-encoding'], undefined, `${id}: handed on decoded`);
        assert.ok(!seen.includes(token) && !seen.includes(encodeURIComponent(token)), `${id}: ${seen}`);
        assert.ok(String(answer.body).includes(`Bearer ${echoed.placeholder} (Bearer%20${echoed.placeholder})`), id);
        assert.match(seen, new RegExp(`token="Bearer ${echoed.placeholder}"`), id);
      }
    } finally {
      await echoed.close();
      await echoing.close();
    }
  });
  it('masks the beginning of a token that a body cut short ends in, compressed or not', async () => {
    const token = 'a-real-token-of-forty-characters-or-so-x';
    // A gzip body cut inside its echo of the token: read as far as it goes, it ends in the token's first half.
    const echoing = await startTinyServer((request, response) => {
      if (request.url?.endsWith('/plain')) {
        // Cut short by a gateway, with no coding to tell it: the same end.
        response.writeHead(401, { 'content-type': 'text/plain' });
        return response.end(`refused ${request.headers.authorization?.slice(0, 'Bearer '.length + 20)}`);
      }
      const full = gzipSync(JSON.stringify({ errors: [{ message: `refused ${request.headers.authorization} here` }] }));
      const cut = [...full.keys()].reverse().find((length) => {
        const text = gunzipSync(full.subarray(0, length), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString();
        return text.endsWith(token.slice(0, 20));
      });
      response.writeHead(401, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(full.subarray(0, cut));
    });
    const echoed = await startTokenInjectingProxy(echoing.url, ['acme'], async () => token, 2000);
    try {
      for (const id of ['123', 'plain']) {
        const answer = await sendExactRequest(
          'GET',
          `${echoed.url}/enterprises/acme/appointments/${id}`,
          ['Authorization', `Bearer ${echoed.placeholder}`],
          2000,
        );
        assert.equal(answer.headers['content-encoding'], undefined, 'handed on decoded');
        assert.ok(String(answer.body).endsWith(`refused Bearer ${echoed.placeholder}`), String(answer.body));
        assert.ok(!String(answer.body).includes(token.slice(0, 8)), String(answer.body));
      }
    } finally {
      await echoed.close();
      await echoing.close();
    }
  });
  it('masks a piece of the token that an answer echoes inside other text, in a header and in the body', async () => {
    // Shares "token-added-by-the-suite" with every placeholder, which must come back whole all the same.
    const token = `a+token-added-by-the-suite/${process.pid}-long-enough`;
    const pieces: Record<string, string> = {
      raw: token.slice(2, 20),
      // Only in the URL-encoded form ("ite%2F" and what follows): not in the token as sent.
      encoded: encodeURIComponent(token).slice(25, 33),
    };
    const echoing = await startTinyServer((request, response) => {
      const piece = pieces[request.url?.split('/').at(-1) ?? ''];
      response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': `Bearer token="${piece}..."` });
      response.end(
        JSON.stringify({ errors: [{ message: `token ${piece}... is not ${request.headers.authorization}` }] }),
      );
    });
    const echoed = await startTokenInjectingProxy(echoing.url, ['acme'], async () => token, 2000);
    try {
      for (const id of Object.keys(pieces)) {
        const answer = await sendExactRequest(
          'GET',
          `${echoed.url}/enterprises/acme/appointments/${id}`,
          ['Authorization', `Bearer ${echoed.placeholder}`],
          2000,
        );
        assert.equal(answer.headers['www-authenticate'], 'Bearer token="[redacted]..."', id);
        assert.deepEqual(JSON.parse(String(answer.body)), {
          errors: [{ message: `token [redacted]... is not Bearer ${echoed.placeholder}` }],
        });
      }
    } finally {
      await echoed.close();
      await echoing.close();
    }
  });
  it("changes nothing in an answer that echoes no credential, nor where a short token's text appears by chance", async () => {
    const body = gzipSync('{"data":{"id":"a-test-123"}}');
    const answering = await startTinyServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(body);
    });
    const shortToken = await startTokenInjectingProxy(answering.url, ['acme'], async () => 'test', 2000);
    try {
      const answer = await sendExactRequest(
        'GET',
        `${shortToken.url}/enterprises/acme/appointments/a-test-123`,
        ['Authorization', `Bearer ${shortToken.placeholder}`],
        2000,
      );
      assert.equal(answer.headers['content-encoding'], 'gzip');
      assert.deepEqual(answer.body, body);
    } finally {
      await shortToken.close();
      await answering.close();
    }
  });
  it('answers at once, naming why, when no token comes; a refusal blocks the rest of the run, no answer does not', async () => {
    const refusal = new TokenRequestError(
      'token request to http://127.0.0.1:1/token was refused with HTTP 401 invalid_client (check ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET)',
      401,
      'invalid_client',
    );
    const timeout = new TokenRequestError(
      'token request to http://127.0.0.1:1/token failed: timeout',
      undefined,
      undefined,
      'timeout',
    );
    let failure = timeout;
    let tokenRequests = 0;
    const tokenless = await startTokenInjectingProxy(
      target.url,
      ['acme'],
      () => {
        tokenRequests++;
        return Promise.reject(failure);
      },
      2000,
    );
    const lookup = (id: string, method = 'GET') =>
      sendExactRequest(
        method,
        `${tokenless.url}/enterprises/acme/appointments/${id}`,
        ['Authorization', `Bearer ${tokenless.placeholder}`],
        2000,
      );
    const reasonOf = (answer: { headers: Record<string, string | string[] | undefined> }) =>
      decodeURIComponent(String(answer.headers[PROXY_ERROR_HEADER]));
    try {
      const before = target.requests.length;
      const started = Date.now();
      // A POST is refused before any token is fetched.
      assert.equal((await lookup('1', 'POST')).status, 403);
      assert.equal(tokenRequests, 0, 'no token fetched for a request it refuses');
      // No answer from the token endpoint: this request fails, the next one tries again.
      const timedOut = await lookup('1');
      assert.equal(timedOut.status, 502);
      assert.equal(reasonOf(timedOut), `no token for the e2e requests: ${timeout.message}`);
      assert.equal(tokenless.down(), undefined);
      // A 503 passes too; then a refusal: the rest of the run is blocked by it.
      failure = new TokenRequestError('token request was refused with HTTP 503', 503);
      assert.equal((await lookup('1')).status, 502);
      assert.equal(tokenless.down(), undefined);
      failure = refusal;
      for (const id of ['2', '3']) {
        const refused = await lookup(id);
        assert.equal(refused.status, 502);
        assert.equal(reasonOf(refused), `no token for the e2e requests: ${refusal.message}`);
      }
      assert.equal(tokenRequests, 3, 'once blocked, no more token requests');
      assert.ok(Date.now() - started < 1000, 'answered without waiting out a timeout');
      assert.equal(tokenless.down(), `no token for the e2e requests: ${refusal.message}`);
      assert.equal(target.requests.length, before, 'nothing reached the target');
    } finally {
      await tokenless.close();
    }
  });
  it("blocks the run on a token endpoint that did not answer twice in a row, another check's token between", async () => {
    const silent = new TokenRequestError(
      'token request to http://127.0.0.1:1/token failed: timeout',
      undefined,
      undefined,
      'timeout',
    );
    const tokenless = await startTokenInjectingProxy(target.url, ['acme'], () => Promise.reject(silent), 2000, {
      expired: () => 'an-expired-token-that-is-always-there',
    });
    const send = (placeholder: string) =>
      sendExactRequest(
        'GET',
        `${tokenless.url}/enterprises/acme/appointments/1`,
        ['Authorization', `Bearer ${placeholder}`],
        2000,
      );
    try {
      for (const expectedDown of [undefined, `no token for the e2e requests: ${silent.message}`]) {
        await send(tokenless.placeholder);
        assert.equal(tokenless.down(), expectedDown);
        // The expired-token check's token, a fixed one, says nothing of the run's token endpoint.
        await send(tokenless.expiredPlaceholder);
      }
    } finally {
      await tokenless.close();
    }
  });
  it('puts the no-scope and the expired token in for their own placeholders, on a GET of the appointment path only', async () => {
    const others = await startTokenInjectingProxy(target.url, ['acme'], async () => 'the-real-token', 2000, {
      noScope: () => 'the-no-scope-token',
      expired: () => 'the-expired-token',
    });
    try {
      for (const [placeholder, token] of [
        [others.noScopePlaceholder, 'the-no-scope-token'],
        [others.expiredPlaceholder, 'the-expired-token'],
      ]) {
        const authorization = ['Authorization', `Bearer ${placeholder}`];
        const url = `${others.url}/enterprises/acme/appointments/1`;
        const answer = await sendExactRequest('GET', url, authorization, 2000);
        assert.equal(answer.status, 200);
        assert.deepEqual(lastArrived(), [['authorization', `Bearer ${token}`]]);
        assert.equal((await sendExactRequest('POST', url, authorization, 2000)).status, 403);
      }
    } finally {
      await others.close();
    }
  });
  it("puts in the tokens forged from the run's current one for their placeholders, and hands back their echoes masked", async () => {
    const jwt = (signature: string) => `${jwtPart({ alg: 'RS256' })}.${jwtPart({ sub: 'client' })}.${signature}`;
    let token = jwt('c2lnbmF0dXJlLW9mLXRoZS1maXJzdC10b2tlbg');
    const echoing = await startTinyServer((request, response) => response.end(String(request.headers.authorization)));
    const forging = await startTokenInjectingProxy(echoing.url, ['acme'], async () => token, 2000);
    try {
      const arrived = async () => {
        const sent: Record<string, string> = {};
        for (const [forgery, placeholder] of Object.entries(await forging.forgedPlaceholders())) {
          const url = `${forging.url}/enterprises/acme/appointments/1`;
          const answer = await sendExactRequest('GET', url, ['Authorization', `Bearer ${placeholder}`], 2000);
          assert.equal(answer.body.toString(), `Bearer ${placeholder}`, "the forged token's echo is masked");
          sent[forgery] = String(echoing.requests.at(-1)?.headers.authorization);
        }
        return sent;
      };
      const jwtPlaceholders = await forging.forgedPlaceholders();
      for (const signature of [
        'c2lnbmF0dXJlLW9mLXRoZS1maXJzdC10b2tlbg',
        'YW5vdGhlci1zaWduYXR1cmUtb2YtYS1uZXctdG9rZW4',
      ]) {
        token = jwt(signature);
        assert.deepEqual(
          await arrived(),
          Object.fromEntries(
            Object.entries(forgedTokens(token)).map(([forgery, forged]) => [forgery, `Bearer ${forged}`]),
          ),
        );
      }
      token = 'an-opaque-token-of-the-run';
      assert.deepEqual(await arrived(), {
        [FORGERIES.oneCharacterChanged]: 'Bearer an-opaque-tokfn-of-the-run',
        [FORGERIES.appended]: 'Bearer an-opaque-token-of-the-runAAAA',
      });
      // A JWT forgery's placeholder sent once the run's token is no JWT any more: nothing to forge it from.
      const before = echoing.requests.length;
      const stale = await sendExactRequest(
        'GET',
        `${forging.url}/enterprises/acme/appointments/1`,
        ['Authorization', `Bearer ${jwtPlaceholders[FORGERIES.unsigned]}`],
        2000,
      );
      assert.equal(stale.status, 502);
      assert.equal(
        decodeURIComponent(String(stale.headers[PROXY_ERROR_HEADER])),
        `no token for the forged-token check: ${FORGERIES.unsigned} is not made from a token of this kind`,
      );
      assert.equal(echoing.requests.length, before, 'nothing was sent');
      // With no token for the run, there is nothing to forge from: said in one line, without a stack.
      const refused = new TokenRequestError('token request refused (check ENGAGE_CLIENT_SECRET)', 401);
      const tokenless = await startTokenInjectingProxy(echoing.url, ['acme'], () => Promise.reject(refused), 2000);
      try {
        await assert.rejects(tokenless.forgedPlaceholders(), (error: Error) => {
          assert.equal(error.stack, `Error: no token for the forged-token check: ${refused.message}`);
          return true;
        });
      } finally {
        await tokenless.close();
      }
    } finally {
      await forging.close();
      await echoing.close();
    }
  });
  it("fails the 403 check's request alone, naming it, when its client gets no token: the run goes on", async () => {
    const others = await startTokenInjectingProxy(target.url, ['acme'], async () => 'the-real-token', 2000, {
      noScope: () =>
        Promise.reject(new TokenRequestError('token request refused (check ENGAGE_NO_SCOPE_CLIENT_ID)', 401)),
    });
    try {
      const url = `${others.url}/enterprises/acme/appointments/1`;
      const refused = await sendExactRequest(
        'GET',
        url,
        ['Authorization', `Bearer ${others.noScopePlaceholder}`],
        2000,
      );
      assert.equal(refused.status, 502);
      assert.match(
        decodeURIComponent(String(refused.headers[PROXY_ERROR_HEADER])),
        /^no token for the 403 check: token request refused \(check ENGAGE_NO_SCOPE_CLIENT_ID\)$/,
      );
      assert.equal(others.down(), undefined, 'the run is not blocked');
      const answer = await sendExactRequest('GET', url, ['Authorization', `Bearer ${others.placeholder}`], 2000);
      assert.equal(answer.status, 200);
    } finally {
      await others.close();
    }
  });
});
