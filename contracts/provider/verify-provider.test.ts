// Proves provider verification can fail and never cries wolf: it passes against the sandbox and
// against another correct provider configured through ENGAGE_*, also behind an API gateway, and
// fails, with Pact's mismatch report and a non-zero exit, against each deliberately broken
// provider, and clearly, in time, against a bad target. One run goes through `npm run
// verify:provider`'s own entry point; the others run in turn in one process (verifyInTurn).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SUITE_USER_AGENT } from '../../config/api-facts.ts';
import { PLACEHOLDER_PREFIX } from '../../config/token-injecting-proxy.ts';
import { docsAppointmentResponse } from '../../schemas/docs-examples.ts';
import { type AnotherProvider, DATE_TIME_STYLES, startAnotherProvider } from '../../testing/another-provider.ts';
import { BAD_TARGET_KINDS, badTargetEnvironment, badTargetPool, UNREACHABLE_URL } from '../../testing/bad-targets.ts';
import { filesContaining } from '../../testing/files-containing.ts';
import { type GatewayProvider, startGatewayProvider, TEST_CA_FILE } from '../../testing/gateway-provider.ts';
import { type RecordingProxy, startRecordingProxy } from '../../testing/recording-proxy.ts';
import { type EntryPointRun, runEntryPoint } from '../../testing/run-entry-point.ts';
import { temporaryFolder } from '../../testing/temporary-folder.ts';
import { startTinyServer, type TinyServer } from '../../testing/tiny-server.ts';
import { verifyInTurn } from '../../testing/verify-in-turn.ts';
import { CONSUMER_NAME } from '../participants.ts';
import { pactSource } from './verify-provider.ts';

const brokenProviders: Array<[string, RegExp]> = [
  ['no-data-envelope', /missing the following keys: data/],
  ['wrong-types', /\$\.data\.appointmentParticipants|\$\.data\.subject|trailingBufferTime/],
  ['bad-date-time', /Expected '17\/08\/2022 09:00' to match/],
  ['not-found-without-errors', /missing the following keys: errors/],
  ['non-json-content-type', /Content-Type' to have value 'application\/json; charset=utf-8' but was 'text\/plain/],
  ['wrong-enum', /\$\.data\.(status|meetingType)/],
  [
    'numeric-status-code',
    /\$\.errors\[0\]\.statusCode -> Expected 404 \(Integer\) to be the same type as '404' \(String\)/,
  ],
  ['accept-invalid-tokens', /expected 401 but was 200/],
];
const dateTimeIds = Object.keys(DATE_TIME_STYLES) as Array<keyof typeof DATE_TIME_STYLES>;

let other: AnotherProvider;
/** What the configured verification's requests look like when they arrive. */
let recorder: RecordingProxy;
let gateway: GatewayProvider;
/** Sends every request to the same path on an https host: what an http URL of an https API gets. */
let redirecting: TinyServer;
/** Refuses Pact's requests (they carry a correlation id) with a 401 that quotes their Authorization. */
let echoing: TinyServer;
const echoedToken = `echoed-token-${randomUUID()}`;
/** Answers the state handlers' read, and none of Pact's requests. */
let silentToPact: TinyServer;
const echoReports = temporaryFolder('echoed-verification');
/** Each verification's run, by the name of its case. */
let runs: Record<string, EntryPointRun & { milliseconds: number }>;
const badTargets = badTargetPool();
before(async () => {
  other = await startAnotherProvider();
  other.sandbox.store.put('globex', {
    ...other.sandbox.store.enterprise('globex')?.appointments.get('globex-7'),
    id: 'globex-unscheduled',
    start: null,
    end: null,
  } as never);
  const environment = other.environment;
  recorder = await startRecordingProxy(other.sandbox.url);
  // Under a path of its own, as a gateway routes an API (the base URL ends with it), over https with
  // a certificate of a private CA, which the verifications' process is given in NODE_EXTRA_CA_CERTS.
  gateway = await startGatewayProvider(other.sandbox.url, { tls: true, prefix: '/engage/v1' });
  // To the same server, under /v1, which redirects too: a followed redirect would end in fetch's
  // "redirect count exceeded", not in the 301 the remedy names.
  redirecting = await startTinyServer((request, response) => {
    response.writeHead(301, { location: `/v1${request.url}` });
    response.end();
  });
  echoing = await startTinyServer((request, response) => {
    response.writeHead(request.headers['x-correlation-id'] === undefined ? 200 : 401, {
      'content-type': 'application/json; charset=utf-8',
    });
    const refusal = { message: `refused ${request.headers.authorization}`, code: 'X', type: 'X', statusCode: '401' };
    response.end(
      JSON.stringify(
        request.headers['x-correlation-id'] === undefined ? docsAppointmentResponse() : { errors: [refusal] },
      ),
    );
  });
  silentToPact = await startTinyServer((request, response) => {
    if (request.headers['x-correlation-id'] !== undefined) return;
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(docsAppointmentResponse()));
  });
  const { ENGAGE_DEFAULT_LANGUAGE: _language, ...withoutLanguage } = environment;
  const cases: Record<string, Record<string, string>> = {
    ...Object.fromEntries(brokenProviders.map(([fault]) => [fault, { SANDBOX_FAULTS: fault }])),
    configured: { ...environment, ENGAGE_BASE_URL: recorder.url },
    gateway: { ...environment, ENGAGE_BASE_URL: gateway.url },
    redirected: { ...environment, ENGAGE_BASE_URL: redirecting.url },
    ...Object.fromEntries(dateTimeIds.map((id) => [id, { ...environment, ENGAGE_APPOINTMENT_ID: id }])),
    revoked: { ...environment, ENGAGE_TOKEN: 'revoked-token' },
    missing: { ...environment, ENGAGE_APPOINTMENT_ID: 'not-there' },
    withoutLanguage,
    unscheduled: { ...environment, ENGAGE_APPOINTMENT_ID: 'globex-unscheduled' },
    silentToPact: badTargetEnvironment(silentToPact.url),
    // The embedded sandbox told of another enterprise: its states seed their own.
    sandboxOfAnotherEnterprise: { ENGAGE_ENTERPRISE: 'globex' },
    echoing: {
      ...badTargetEnvironment(echoing.url),
      ENGAGE_TOKEN: echoedToken,
      ENGAGE_REPORTS_DIR: echoReports,
    },
  };
  for (const kind of BAD_TARGET_KINDS) cases[kind] = badTargetEnvironment((await badTargets.start(kind)).url);
  const results = await verifyInTurn(Object.values(cases), { NODE_EXTRA_CA_CERTS: TEST_CA_FILE });
  runs = Object.fromEntries(
    Object.keys(cases).map((name, index) => [name, results[index] as (typeof results)[number]]),
  );
});
after(async () => {
  await badTargets.closeAll();
  await recorder.close();
  await redirecting.close();
  await echoing.close();
  await silentToPact.close();
  await gateway.close();
  await other.sandbox.close();
});

describe('verification against the embedded sandbox', () => {
  it('passes, run as npm run verify:provider runs it, reading the .env file --env names and warning of a misspelt setting in it, with proxies set', async () => {
    // Proxies that lead nowhere: Pact's verifier sent its local requests through them.
    const proxy = UNREACHABLE_URL;
    const settings = temporaryFolder('verify-env');
    writeFileSync(join(settings, '.env.local-check'), 'ENGAGE_TOKN=typo\n');
    const { code, output } = await runEntryPoint(
      'contracts/provider/verify-provider.ts',
      { ENGAGE_CONFIG_DIR: settings, HTTP_PROXY: proxy, HTTPS_PROXY: proxy, ALL_PROXY: proxy },
      ['--env', 'local-check'],
    );
    assert.equal(code, 0, output);
    assert.match(
      output,
      /^warning: ENGAGE_TOKN is not a setting of the suite, .*did you mean ENGAGE_TOKEN\?\), in \S+\/\.env\.local-check$/m,
    );
    assert.match(output, /provider verification passed/);
  });
  it('passes whatever ENGAGE_ENTERPRISE says: the states seed the sandbox under its own', () => {
    const { code, output } = runs.sandboxOfAnotherEnterprise as EntryPointRun;
    assert.equal(code, 0, output);
  });
  for (const [fault, mismatch] of brokenProviders) {
    it(`fails against a provider with the fault ${fault}`, () => {
      const { code, output } = runs[fault] as EntryPointRun;
      assert.equal(code, 1, output);
      assert.match(output, /Failures:/, "Pact's mismatch report is shown");
      assert.match(output, mismatch);
      assert.match(output, /provider verification failed: \d+ interaction\(s\) did not match the pact/);
    });
  }
});

describe('verification against a configured environment', () => {
  it('passes, with the configured token swapped in for the placeholder, and never prints it', () => {
    const { code, output } = runs.configured as EntryPointRun;
    assert.equal(code, 0, output);
    assert.doesNotMatch(output, new RegExp(other.token));
  });
  it("sends the suite's User-Agent with each of Pact's requests, which firewalls require (Pact's verifier sends none)", () => {
    const lookups = recorder.exchanges.filter((exchange) => exchange.path.includes('/appointments/'));
    assert.ok(lookups.length >= 4, `${lookups.length} requests`);
    // The state handlers' own read of the configured appointment included.
    assert.deepEqual([...new Set(lookups.map((exchange) => exchange.userAgent))], [SUITE_USER_AGENT]);
  });
  it('passes it behind an API gateway, over https with a private CA, under a path prefix, with gzip and chunked answers', () => {
    const { code, output } = runs.gateway as EntryPointRun;
    assert.equal(code, 0, output);
    assert.ok(gateway.compressed() > 0, 'answers went out gzip-compressed');
  });
  for (const id of dateTimeIds) {
    it(`passes an appointment whose date-times look like ${DATE_TIME_STYLES[id][0]}`, () => {
      const { code, output } = runs[id] as EntryPointRun;
      assert.equal(code, 0, output);
    });
  }
  it('fails when the configured token is not valid there, saying in its last line to check ENGAGE_TOKEN', () => {
    const { code, output } = runs.revoked as EntryPointRun;
    assert.equal(code, 1, output);
    assert.match(
      output,
      /^provider verification failed: .*; the states could not be set up: GET appointment \S+ \(ENGAGE_APPOINTMENT_ID\) got HTTP 401; the token was refused: check ENGAGE_TOKEN$/m,
    );
  });
  it('fails on a redirect, naming the base URL to set, without following it (and losing the token on the way)', () => {
    const { code, output } = runs.redirected as EntryPointRun;
    assert.equal(code, 1, output);
    assert.match(
      output,
      /^provider verification failed: .*GET appointment globex-7 \(ENGAGE_APPOINTMENT_ID\) got HTTP 301; a redirect, which the API does not answer with: set ENGAGE_BASE_URL to http:\/\/127\.0\.0\.1:\d+\/v1$/m,
    );
  });
  it('fails when the configured appointment does not exist there, saying so in its last line', () => {
    const { code, output } = runs.missing as EntryPointRun;
    assert.equal(code, 1, output);
    assert.match(
      output,
      /^provider verification failed: .*; the states could not be set up: GET appointment not-there \(ENGAGE_APPOINTMENT_ID\) got HTTP 404; no such appointment: check the id and ENGAGE_ENTERPRISE$/m,
    );
  });
  it('says so when the target stopped answering mid-run, after which the forwarder sent nothing more', () => {
    const { code, output } = runs.silentToPact as EntryPointRun;
    assert.equal(code, 1, output);
    assert.match(
      output,
      /^provider verification failed: .*; the target http:\/\/127\.0\.0\.1:\d+ did not answer within 1\.5 s.*, so the later interactions were not sent$/m,
    );
  });
  it("masks the token a target's answers echo: Pact's report and its findings hold the forwarder's placeholder", () => {
    const { code, output } = runs.echoing as EntryPointRun;
    assert.equal(code, 1, output);
    assert.ok(output.includes(`refused Bearer ${PLACEHOLDER_PREFIX}`), "Pact's report shows the echo, masked");
    assert.ok(!output.includes(echoedToken), 'the console holds no token');
    assert.deepEqual(filesContaining(echoReports, echoedToken), [], 'no report file holds it');
    assert.ok(filesContaining(echoReports, '').length > 0, 'the findings were written');
  });
  it('needs no ENGAGE_DEFAULT_LANGUAGE: the language state reads a language from the appointment itself', () => {
    const { code, output } = runs.withoutLanguage as EntryPointRun;
    assert.equal(code, 0, output);
  });
  it('says which appointment cannot stand in for the language state, and why', () => {
    const { code, output } = runs.unscheduled as EntryPointRun;
    assert.equal(code, 1);
    assert.match(
      output,
      /ENGAGE_APPOINTMENT_ID globex-unscheduled cannot stand in for the state .*: it is not scheduled \(start or end is null\)/,
    );
  });
});

describe('the pacts verified against a broker', () => {
  it("with ENGAGE_API_VERSION on a tag, leaves this run's own pact out, saying so, instead of asking for a branch named like the tag", () => {
    const said: string[] = [];
    const log = console.log;
    console.log = (line: string) => said.push(line);
    try {
      const source = pactSource({
        PACT_BROKER_BASE_URL: 'https://broker.example',
        ENGAGE_API_VERSION: '2026.11.3',
        GITHUB_SHA: '0123abc0123abc',
        GITHUB_REF_NAME: 'v1.2',
        GITHUB_REF_TYPE: 'tag',
      });
      assert.deepEqual('consumerVersionSelectors' in source && source.consumerVersionSelectors, [
        { consumer: CONSUMER_NAME, mainBranch: true },
        { consumer: CONSUMER_NAME, deployedOrReleased: true },
      ]);
    } finally {
      console.log = log;
    }
    assert.match(said.join('\n'), /^note: this run is on a tag or a detached checkout, so only the pacts/);
  });
});

describe('verification against a bad target', () => {
  // What each kind of bad target fails with: its own reason, not any failure.
  const failsWith: Record<(typeof BAD_TARGET_KINDS)[number], RegExp> = {
    unreachable:
      /^provider verification failed: the target http:\/\/127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)/m,
    'resets connections':
      /^provider verification failed: the target http:\/\/127\.0\.0\.1:\d+ could not be reached \(ECONNRESET\)/m,
    'never answers':
      /^provider verification failed: the target http:\/\/127\.0\.0\.1:\d+ did not answer within 1\.5 s/m,
    'storms of 5xx':
      /has status code 200 \(FAILED\)[\s\S]*^provider verification failed: \d+ interaction\(s\) did not match/m,
    'malformed JSON':
      /Failed to parse the actual body[\s\S]*^provider verification failed: \d+ interaction\(s\) did not match/m,
    'wrong content type':
      /Expected header 'Content-Type' to have value 'application\/json; charset=utf-8' but was 'text\/html'[\s\S]*^provider verification failed: \d+ interaction\(s\) did not match/m,
  };
  for (const kind of BAD_TARGET_KINDS) {
    it(`fails clearly and in time when the target ${kind === 'unreachable' ? 'is unreachable' : kind}`, () => {
      const { code, output, milliseconds } = runs[kind] as (typeof runs)[string];
      assert.equal(code, 1, output);
      assert.match(output, failsWith[kind]);
      assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
      assert.ok(milliseconds < 30_000, `bounded in time (${milliseconds} ms)`);
    });
  }
});
