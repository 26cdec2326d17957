// What goes on the wire is what the check says: requests reach the target with exactly the headers a
// check chose (no Accept-Language added, no sec-fetch-*, repeated headers kept), recorded at a tiny
// server behind the token-injecting forwarder and behind a whole Playwright run; and the forwarder
// adds the token to nothing but GET, HEAD and a bodiless POST on the appointment path.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { type RecordingProxy, startRecordingProxy } from '../testing/recording-proxy.ts';
import { runNode } from '../testing/run-entry-point.ts';
import { startTinyServer, type TinyServer } from '../testing/tiny-server.ts';
import { sendExactRequest } from './exact-request.ts';
import { startTokenInjectingProxy, type TokenInjectingProxy } from './token-injecting-proxy.ts';

/** Header lines as a list of [lower-case name, value], without the ones node's client always sets. */
const headerLines = (rawHeaders: string[]) =>
  rawHeaders
    .flatMap((value, index) => (index % 2 === 0 ? [[value.toLowerCase(), rawHeaders[index + 1] as string]] : []))
    .filter(([name]) => name !== 'host' && name !== 'connection');

describe('the token-injecting forwarder', () => {
  let target: TinyServer;
  let forwarder: TokenInjectingProxy;
  before(async () => {
    target = await startTinyServer((_request, response) => response.end('{}'));
    forwarder = await startTokenInjectingProxy(target.url, 'acme', async () => 'the-real-token', 2000);
  });
  after(async () => {
    await forwarder.close();
    await target.close();
  });
  const send = (method: string, path: string, rawHeaders: string[]) =>
    sendExactRequest(method, `${forwarder.url}${path}`, rawHeaders, 2000);
  const lastArrived = () => headerLines(target.requests.at(-1)?.rawHeaders ?? []);

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
  it('refuses to add the token to another method, a POST with a body, or another path, and forwards none', async () => {
    const before = target.requests.length;
    const authorization = ['Authorization', `Bearer ${forwarder.placeholder}`];
    for (const [method, path, extra] of [
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
        /adds the token only to GET, HEAD and a bodiless POST/,
      );
    }
    assert.equal(target.requests.length, before);
  });
  it("forwards a bodiless POST on the appointment path, the 405 check's request, with the token", async () => {
    const answer = await send('POST', '/enterprises/acme/appointments/1', [
      'Authorization',
      `Bearer ${forwarder.placeholder}`,
    ]);
    assert.equal(answer.status, 200);
    assert.equal(target.requests.at(-1)?.method, 'POST');
    // node's client marks a bodiless POST with content-length 0; the forwarder passes it on.
    assert.deepEqual(lastArrived(), [
      ['authorization', 'Bearer the-real-token'],
      ['content-length', '0'],
    ]);
  });
});

describe('a Playwright run, recorded at the target', () => {
  let sandbox: RunningSandbox;
  let recorder: RecordingProxy;
  before(async () => {
    sandbox = await startSandbox();
    recorder = await startRecordingProxy(sandbox.url);
  });
  after(async () => {
    await recorder.close();
    await sandbox.close();
  });

  it('sends the "no Accept-Language" request with no Accept-Language, and no sec-fetch-* at all', async () => {
    const { code, output } = await runNode(
      ['node_modules/@playwright/test/cli.js', 'test', 'e2e/translations.spec.ts'],
      {
        CI: '',
        ENGAGE_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'engage-wire-')),
        ENGAGE_BASE_URL: recorder.url,
        ENGAGE_ENTERPRISE: 'acme',
        ENGAGE_TOKEN: 'sandbox-token',
        ENGAGE_APPOINTMENT_ID: '123',
        ENGAGE_DEFAULT_LANGUAGE: 'en',
      },
    );
    assert.equal(code, 0, output);
    const lookups = recorder.exchanges.filter((exchange) => exchange.path.includes('/appointments/'));
    assert.ok(lookups.length > 5, `${lookups.length} lookups recorded`);
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
  });
});
