// What goes on the wire is what the check says: requests reach the target with exactly the headers
// a check chose (no Accept-Language added, no sec-fetch-*, repeated headers kept), recorded at a
// tiny server for every request of every e2e check, behind the token-injecting forwarder and behind
// a whole Playwright run (through an https API gateway); and the forwarder adds a token to nothing
// but a GET on the appointment path.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { appointmentPath, CORRELATION_ID_MAX_LENGTH, SANDBOX_DEFAULTS, SUITE_USER_AGENT } from '../config/api-facts.ts';
import { exactTransport, headerLines, type RawRequest, sendExactRequest } from '../config/exact-request.ts';
import { TokenRequestError } from '../config/token-provider.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { type GatewayProvider, startGatewayProvider, TEST_CA_FILE } from '../testing/gateway-provider.ts';
import { answerFrom } from '../testing/http-helpers.ts';
import { type RecordingProxy, startRecordingProxy } from '../testing/recording-proxy.ts';
import { runNode } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { startTinyServer, type TinyServer } from '../testing/tiny-server.ts';
import { checkBadInput } from './checks/bad-input-checks.ts';
import {
  checkForbidden,
  checkMethodNotAllowed,
  checkOtherEnterprise,
  checkUnauthorized,
  checkUnknownId,
  unauthorizedRequests,
} from './checks/error-checks.ts';
import {
  checkCorrelationIdAccepted,
  checkCorrelationIdRejected,
  checkRepeatedHeaderIsNoCrash,
} from './checks/header-checks.ts';
import { checkLatency } from './checks/latency-checks.ts';
import { checkAppointmentResponse } from './checks/response-checks.ts';
import {
  contentLanguageCheck,
  readTranslations,
  regionFallbackCheck,
  translationChecks,
} from './checks/translation-checks.ts';
import { createProbe, type Probe } from './http-probe.ts';
import { startTokenInjectingProxy, type TokenInjectingProxy } from './token-injecting-proxy.ts';

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
        decodeURIComponent(String(answer.headers['x-e2e-proxy-error'])),
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
      decodeURIComponent(String(answer.headers['x-e2e-proxy-error']));
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
  it('blocks the run on a token endpoint that did not answer twice in a row', async () => {
    const silent = new TokenRequestError(
      'token request to http://127.0.0.1:1/token failed: timeout',
      undefined,
      undefined,
      'timeout',
    );
    const tokenless = await startTokenInjectingProxy(target.url, ['acme'], () => Promise.reject(silent), 2000);
    try {
      for (const expectedDown of [undefined, `no token for the e2e requests: ${silent.message}`]) {
        await sendExactRequest(
          'GET',
          `${tokenless.url}/enterprises/acme/appointments/1`,
          ['Authorization', `Bearer ${tokenless.placeholder}`],
          2000,
        );
        assert.equal(tokenless.down(), expectedDown);
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
});

describe('a Playwright run, recorded at the target', () => {
  let sandbox: RunningSandbox;
  let gateway: GatewayProvider;
  let recorder: RecordingProxy;
  before(async () => {
    sandbox = await startSandbox();
    // Every 9th lookup gets 429, as a stricter limit than the documented one would answer.
    recorder = await startRecordingProxy(sandbox.url, { rateLimitEvery: 9 });
    // In front, the API as a gateway serves it: over https with a private CA (which the run is
    // given in NODE_EXTRA_CA_CERTS), under a path of its own (a lookup without it would get the
    // gateway's 404 and fail the run), gzip, chunked, closed connections. The checks read what
    // Playwright decompressed, and the forwarder passes compressed bodies on untouched.
    gateway = await startGatewayProvider(recorder.url, { tls: true, prefix: '/engage/v1' });
  });
  after(async () => {
    await gateway.close();
    await recorder.close();
    await sandbox.close();
  });

  it('sends the "no Accept-Language" request with no Accept-Language, no sec-fetch-* at all, and again after a 429', async () => {
    const { code, output } = await runNode(
      ['node_modules/@playwright/test/cli.js', 'test', 'e2e/translations.spec.ts'],
      {
        CI: '',
        ENGAGE_REPORTS_DIR: temporaryFolder('wire'),
        ENGAGE_BASE_URL: gateway.url,
        NODE_EXTRA_CA_CERTS: TEST_CA_FILE,
        ENGAGE_ENTERPRISE: 'acme',
        ENGAGE_TOKEN: SANDBOX_DEFAULTS.token,
        ENGAGE_APPOINTMENT_ID: '123',
        ENGAGE_DEFAULT_LANGUAGE: 'en',
      },
    );
    assert.equal(code, 0, output);
    const lookups = recorder.exchanges.filter((exchange) => exchange.path.includes('/appointments/'));
    assert.ok(lookups.length > 5, `${lookups.length} lookups recorded`);
    assert.ok(gateway.compressed() > 5, `${gateway.compressed()} answers went out gzip-compressed`);
    // Each 429 was backed off and sent again as it was, and the run passed: no check saw it.
    const limited = lookups.flatMap((exchange, index) => (exchange.status === 429 ? [index] : []));
    assert.ok(limited.length >= 2, `${limited.length} lookups got 429`);
    for (const index of limited)
      assert.deepEqual(
        [lookups[index + 1]?.path, lookups[index + 1]?.acceptLanguage],
        [lookups[index]?.path, lookups[index]?.acceptLanguage],
      );
    assert.ok(
      lookups.some((exchange) => exchange.acceptLanguage === undefined),
      'a request arrived without Accept-Language',
    );
    assert.ok(
      lookups.some((exchange) => exchange.acceptLanguage === 'en *'),
      'the docs example arrived as it is',
    );
    assert.deepEqual(
      lookups.flatMap((exchange) => exchange.headerNames.filter((name) => name.startsWith('sec-fetch-'))),
      [],
    );
    // Playwright's own addition is Accept-Encoding, a transport detail no check is about (so compressed
    // answers get checked too); anything else it started adding would fail here. The User-Agent is the suite's.
    const arrivedNames = new Set(lookups.flatMap((exchange) => exchange.headerNames));
    const chosenOrTransport = [
      'host',
      'connection',
      'accept',
      'authorization',
      'accept-language',
      'x-correlation-id',
      'user-agent',
    ];
    assert.deepEqual([...arrivedNames].filter((name) => !chosenOrTransport.includes(name)).sort(), ['accept-encoding']);
    assert.deepEqual([...new Set(lookups.map((exchange) => exchange.userAgent))], [SUITE_USER_AGENT]);
  });
});

describe('every request of every e2e check', () => {
  let sandbox: RunningSandbox;
  let target: TinyServer;
  before(async () => {
    sandbox = await startSandbox();
    // Records each request's header lines as they arrive, then has the sandbox answer it.
    target = await startTinyServer((request, response) =>
      answerFrom(sandbox.url, request, response, withoutHop(request.rawHeaders)),
    );
  });
  after(async () => {
    await target.close();
    await sandbox.close();
  });

  it('arrives with exactly the header lines the check chose: nothing added, dropped or merged', async () => {
    const intended: string[] = [];
    const transport = exactTransport(5000);
    const recording: RawRequest = (method, url, headers) => {
      intended.push(requestKey(method, url.slice(target.url.length), headerLines(headers)));
      return transport(method, url, headers);
    };
    const probe = createProbe(
      { baseUrl: target.url, enterprise: 'acme', getToken: async () => SANDBOX_DEFAULTS.token },
      recording,
    );
    await runEveryCheck(probe);
    const arrived = target.requests.map((request) =>
      requestKey(request.method ?? '', request.url ?? '', withoutHop(request.rawHeaders)),
    );
    assert.ok(intended.length > 60, `${intended.length} requests sent`);
    assert.deepEqual([...arrived].sort(), [...intended].sort());
    assert.ok(
      intended.some((key) => key.startsWith('GET ') && !key.includes('accept-language')),
      'a request without Accept-Language was among them',
    );
    assert.ok(
      intended.some((key) => /accept-language: \S+\naccept-language: /.test(key)),
      'and one with it on two lines',
    );
  });

  it('arrives at the path the check chose, dot segments and all: an id of ".." is not the parent path', async () => {
    const probe = createProbe(
      { baseUrl: target.url, enterprise: 'acme', getToken: async () => SANDBOX_DEFAULTS.token },
      exactTransport(5000),
    );
    const paths = [
      appointmentPath('acme', '.'),
      appointmentPath('acme', '..'),
      '/enterprises/acme/appointments/a/../b',
    ];
    const before = target.requests.length;
    for (const path of paths) await probe(path);
    assert.deepEqual(
      target.requests.slice(before).map((request) => request.url),
      [
        '/enterprises/acme/appointments/.',
        '/enterprises/acme/appointments/..',
        '/enterprises/acme/appointments/a/../b',
      ],
    );
  });
});

/** Header lines without the ones node's client sets itself (Host, Connection, a bodiless Content-Length). */
function withoutHop(rawHeaders: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] as string).toLowerCase();
    const value = rawHeaders[index + 1] as string;
    if (name === 'host' || name === 'connection' || (name === 'content-length' && value === '0')) continue;
    kept.push(rawHeaders[index] as string, value);
  }
  return kept;
}

const requestKey = (method: string, path: string, lines: string[]) =>
  [`${method} ${path}`, ...headerLinePairs(lines).map(([name, value]) => `${name}: ${value}`)].join('\n');

const headerLinePairs = (lines: string[]) =>
  lines.flatMap((value, index) => (index % 2 === 0 ? [[value.toLowerCase(), lines[index + 1] as string]] : []));

/** Every e2e check once, as the specs run them, through `probe` (the rate-limit burst aside: plain GETs). */
async function runEveryCheck(probe: Probe): Promise<void> {
  const path = appointmentPath('acme', 'a-office-accepted');
  checkAppointmentResponse(await probe(path), 'a-office-accepted', 'GET');
  const context = { probe, path, id: 'a-office-accepted', defaultLanguage: 'en' };
  const read = await readTranslations(context);
  assert.ok('translations' in read);
  for (const check of [...Object.values(translationChecks), regionFallbackCheck, contentLanguageCheck])
    await check(context, read.translations);
  await checkCorrelationIdAccepted(probe, path, 'e2e-check-42', true);
  await checkCorrelationIdRejected(probe, path, 'x'.repeat(CORRELATION_ID_MAX_LENGTH + 1));
  await checkRepeatedHeaderIsNoCrash(probe, path);
  await checkMethodNotAllowed(probe, path);
  await checkUnknownId(probe, appointmentPath('acme', 'nope'));
  await checkOtherEnterprise(probe, appointmentPath('no-such-enterprise-1', '123'), 'no-such-enterprise-1');
  for (const [label, authorization] of Object.entries(unauthorizedRequests))
    await checkUnauthorized(probe, path, authorization, label);
  await checkForbidden(probe, path, SANDBOX_DEFAULTS.noScopeToken);
  await checkLatency(probe, { 'the appointment': { path, status: 200 } });
  await checkBadInput(probe, 'acme', { runs: 40, timeLimitMilliseconds: 5000, pacingMilliseconds: 0 }, true);
}
