// What goes on the wire is what the check says: requests reach the target with exactly the headers
// a check chose (no Accept-Language added, no sec-fetch-*, repeated headers kept), recorded at a
// tiny server for every request of every e2e check, and behind a whole Playwright run (through the
// token-injecting forwarder and an https API gateway). The forwarder alone: token-injecting-proxy.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appointmentPath, CORRELATION_ID_MAX_LENGTH, SANDBOX_DEFAULTS, SUITE_USER_AGENT } from '../config/api-facts.ts';
import { exactTransport, headerLines, type RawRequest } from '../config/exact-request.ts';
import { forgedTokens } from '../config/forged-tokens.ts';
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
  checkForgedTokens,
  checkLongerIds,
  checkMethodNotAllowed,
  checkOtherEnterprise,
  checkOtherTenant,
  checkUnauthorized,
  checkUnknownId,
  unauthorizedRequests,
} from './checks/error-checks.ts';
import {
  checkCorrelationIdAccepted,
  checkCorrelationIdRejected,
  checkRepeatedHeaderIsNoCrash,
} from './checks/header-checks.ts';
import { checkLatency, latencyRequests } from './checks/latency-checks.ts';
import { checkAppointmentResponse } from './checks/response-checks.ts';
import {
  contentLanguageCheck,
  readTranslations,
  regionFallbackCheck,
  translationChecks,
} from './checks/translation-checks.ts';
import { createProbe, type Probe } from './http-probe.ts';

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
    const probe = createProbe({ baseUrl: target.url, getToken: async () => SANDBOX_DEFAULTS.token }, recording);
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
      { baseUrl: target.url, getToken: async () => SANDBOX_DEFAULTS.token },
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
  await checkUnknownId(probe, 'acme', 'nope');
  await checkOtherEnterprise(probe, 'no-such-enterprise-1', ['123']);
  await checkLongerIds(probe, 'acme', ['123']);
  await checkOtherTenant(probe, 'globex', 'g-1');
  for (const [label, authorization] of Object.entries(unauthorizedRequests))
    await checkUnauthorized(probe, path, authorization, label);
  await checkForgedTokens(probe, path, forgedTokens(SANDBOX_DEFAULTS.token));
  await checkForbidden(probe, path, SANDBOX_DEFAULTS.noScopeToken);
  await checkLatency(
    probe,
    latencyRequests({ enterprise: 'acme', appointmentId: 'a-office-accepted', missingAppointmentId: 'nope' }),
  );
  await checkBadInput(probe, 'acme', { runs: 40, timeLimitMilliseconds: 5000, pacingMilliseconds: 0 }, true);
}
