// One failing `npm start` of every layer, read three ways: the report names the broken field with
// what was expected and what came, in the console, summary.md and index.html; the 401 checks fail
// with their reasons; and no configured or issued secret (both clients' secrets, as they are and as
// Basic credentials, the expired token, the broker token, every token the target issued and each
// forged from it one character off) is in its console output or any report file, traces unzipped:
// the traces hold the e2e proxy's placeholder instead.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import { FORGERIES, forgedTokens } from '../config/forged-tokens.ts';
import { PLACEHOLDER_PREFIX } from '../config/token-injecting-proxy.ts';
import { tokenRequest } from '../config/token-request.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { filesContaining } from '../testing/files-containing.ts';
import { type RecordingProxy, startRecordingProxy } from '../testing/recording-proxy.ts';
import { runEntryPoint } from '../testing/run-entry-point.ts';
import { standInK6Binary } from '../testing/stand-in-k6.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';

describe('a failing npm start of every layer', () => {
  let sandbox: RunningSandbox;
  let recorder: RecordingProxy;
  const reports = temporaryFolder('failing-run');
  const [client, noScopeClient] = SANDBOX_DEFAULTS.clients;
  const brokerToken = `broker-token-${Date.now()}`;
  let run: { code: number | null; output: string };
  before(async () => {
    // A provider that answers another appointment than the one asked for, and takes a token that was
    // never issued: the contracts fail (401 interaction) and so does e2e, three times (the id, the
    // never-issued and the forged token), which keeps Playwright traces. Each e2e failure restarts
    // Playwright's worker (about 1 s of CPU), so there are no more of them than these three: the other
    // checks of the appointment's own data skip as blocked by the wrong id. The 403 check passes, with
    // its own client's token.
    sandbox = await startSandbox({ faults: ['wrong-id', 'accept-invalid-tokens'] });
    recorder = await startRecordingProxy(sandbox.url);
    run = await runEntryPoint(
      'runner/main.ts',
      {
        ENGAGE_REPORTS_DIR: reports,
        ENGAGE_BASE_URL: recorder.url,
        ENGAGE_ENTERPRISE: 'acme',
        ENGAGE_APPOINTMENT_ID: '123',
        ENGAGE_DEFAULT_LANGUAGE: 'en',
        ENGAGE_TOKEN_URL: `${recorder.url}/realms/acme/protocol/openid-connect/token`,
        ENGAGE_CLIENT_ID: client.clientId,
        ENGAGE_CLIENT_SECRET: client.clientSecret,
        ENGAGE_NO_SCOPE_CLIENT_ID: noScopeClient.clientId,
        ENGAGE_NO_SCOPE_CLIENT_SECRET: noScopeClient.clientSecret,
        ENGAGE_EXPIRED_TOKEN: SANDBOX_DEFAULTS.expiredToken,
        // No such enterprise on the sandbox: a 404, which passes, once the forwarder gave it the token.
        ENGAGE_OTHER_TENANT_APPOINTMENT: 'globex/g-1',
        PACT_BROKER_TOKEN: brokerToken,
        K6_BIN: standInK6Binary(),
      },
      [],
    );
  });
  after(async () => {
    await recorder.close();
    await sandbox.close();
  });

  it('fails the contracts and e2e layers, and exits 1', () => {
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /the suite FAILED: contracts, e2e/);
  });

  it('says which optional expectations e2e checked, in the console, summary.md and index.html: none, against a remote target', () => {
    const line =
      /^(<p>)?Optional expectations e2e checks \(ENGAGE_EXPECT\): none, only documented and standard behaviour(<\/p>)?$/m;
    assert.match(run.output, line);
    assert.match(readFileSync(join(reports, 'summary.md'), 'utf8'), line);
    assert.match(readFileSync(join(reports, 'index.html'), 'utf8'), line);
  });

  it('names the failing step of the contracts layer and prints the last lines of its log', () => {
    assert.match(
      run.output,
      /✖ contracts failed in \d+\.\d s: provider verification exited with code 1\n {2}last lines of .*contracts\.log:/,
    );
  });

  it('names the field, what was expected and what came, with the counts, in the console, summary.md and index.html', () => {
    const summary = readFileSync(join(reports, 'summary.md'), 'utf8');
    const html = readFileSync(join(reports, 'index.html'), 'utf8');
    for (const [where, text] of [
      ['the console', run.output],
      ['summary.md', summary],
      ['index.html', html.replaceAll('&quot;', '"')],
    ] as const) {
      assert.match(
        text,
        /e2e · GET appointment 123 › is the appointment that was asked for: .*data\.id is "123-other", expected the requested "123"/,
        where,
      );
      assert.match(text, /\d+ passed, [1-9]\d* failed, \d+ skipped/, where);
    }
    const junit = readFileSync(join(reports, 'e2e', 'junit.xml'), 'utf8').replaceAll('&quot;', '"');
    const blocked = junit.match(/blocked by: GET appointment 123: data\.id is "123-other"/g) ?? [];
    assert.ok(blocked.length >= 9, `${blocked.length} checks of the appointment skip as blocked by the wrong id`);
    assert.match(summary, /^# API suite against http:\/\/127\.0\.0\.1:\d+: FAILED$/m);
    assert.match(
      summary,
      /^## Latency\n\n- e2e · an existing appointment, one request: \d+ ms, ceiling 1500 ms\n- e2e · an existing appointment, with the docs' headers, one request: \d+ ms, ceiling 1500 ms\n- e2e · an existing appointment, with a browser's Accept-Language, one request: \d+ ms, ceiling 1500 ms\n- e2e · an unknown appointment, one request: \d+ ms, ceiling 1500 ms\n- load · lookups answered 200 \(200\), p50 \/ p95 \/ p99: 4\.7 ms \/ 9\.9 ms \/ 9\.9 ms, p95 objective 500 ms$/m,
    );
  });

  it('fails e2e three times, on the wrong id and the two tokens that were taken, no other check failing on them', () => {
    const junit = readFileSync(join(reports, 'e2e', 'junit.xml'), 'utf8').replaceAll('&apos;', "'");
    const failed = junit
      .split('<testcase ')
      .filter((testcase) => testcase.split('</testcase>')[0]?.includes('<failure'))
      .map((testcase) => testcase.match(/^name="([^"]*)"/)?.[1]);
    assert.deepEqual(failed, [
      'GET appointment 123 › is the appointment that was asked for',
      'errors › a bearer token that was never issued gets 401 with the errors envelope',
      "errors › a token forged from the run's own gets 401 with the errors envelope",
    ]);
  });

  it('fails the 401 checks with their reasons, and passes the 403 and tenant checks with their tokens', () => {
    const junit = readFileSync(join(reports, 'e2e', 'junit.xml'), 'utf8').replaceAll('&apos;', "'");
    assert.match(junit, /a bearer token that was never issued gets 401[\s\S]*HTTP 200, expected 401/);
    // The sandbox's client-credentials tokens are signed JWTs: each of their forgeries was taken.
    const ofOtherTokens: string[] = [FORGERIES.oneCharacterChanged, FORGERIES.appended];
    for (const forgery of Object.values(FORGERIES).filter((forgery) => !ofOtherTokens.includes(forgery)))
      assert.ok(junit.includes(`${forgery}: HTTP 200, expected 401`), forgery);
    assert.match(
      junit,
      /<testcase name="errors › a token without the appointments scope gets 403[^"]*"[^>]*>\s*<\/testcase>/,
    );
    assert.match(
      junit,
      /<testcase name="errors › an appointment of another tenant is refused to this run's token, never served"[^>]*>\s*<\/testcase>/,
    );
  });

  it('leaves no configured or issued secret in any output, Playwright traces unzipped', () => {
    assert.ok(recorder.issuedTokens.length > 0, 'the target issued tokens');
    assert.ok(
      filesContaining(reports, '').some((file) => file.endsWith('trace.zip')),
      'the failures kept Playwright traces',
    );
    assert.ok(
      filesContaining(reports, PLACEHOLDER_PREFIX).some((file) => file.includes('trace.zip')),
      'the traces hold the placeholder the e2e requests carry',
    );
    const secrets: Record<string, string> = {
      ENGAGE_CLIENT_SECRET: client.clientSecret,
      ENGAGE_NO_SCOPE_CLIENT_SECRET: noScopeClient.clientSecret,
      ENGAGE_EXPIRED_TOKEN: SANDBOX_DEFAULTS.expiredToken,
      PACT_BROKER_TOKEN: brokerToken,
      // As the token requests carry them, in an HTTP Basic header.
      ...Object.fromEntries(
        [client, noScopeClient].map((each) => [
          `${each.clientId}'s Basic credentials`,
          (tokenRequest(each, 'basic', (ascii) => Buffer.from(ascii).toString('base64')).authorization ?? '').slice(
            'Basic '.length,
          ),
        ]),
      ),
      ...Object.fromEntries(recorder.issuedTokens.map((token, index) => [`issued token ${index + 1}`, token])),
      // A forgery one character off an issued token gives it away (its signature altered for a JWT,
      // one character changed for any other token: each token has one of them, never none); one with
      // no signature holds only what the masking leaves of an echoed JWT too.
      ...Object.fromEntries(
        recorder.issuedTokens.map((token, index) => {
          const forged = forgedTokens(token);
          const oneOff = forged[FORGERIES.alteredSignature] ?? forged[FORGERIES.oneCharacterChanged];
          assert.ok(oneOff !== undefined, `issued token ${index + 1} has a forgery one character off it`);
          return [`the forgery one character off issued token ${index + 1}`, oneOff];
        }),
      ),
    };
    for (const [name, secret] of Object.entries(secrets)) {
      assert.deepEqual(filesContaining(reports, secret), [], `no report file holds ${name}`);
      assert.ok(!run.output.includes(secret), `the console output does not hold ${name}`);
    }
  });
});
