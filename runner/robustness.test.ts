// Proves every layer fails clearly, and within its time, against a bad target: one that is
// unreachable, resets connections, never answers, storms 5xx, sends malformed JSON or the wrong
// content type. Contracts run verify:provider; e2e runs its probe and checks; the runner stops a
// hung layer at its timeout. (The load layer's setup() fails fast in k6 itself; no k6 runs here.)
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkAppointmentResponse } from '../e2e/checks/response-checks.ts';
import { appointmentPath, createProbe, fetchGet } from '../e2e/http-probe.ts';
import { BAD_TARGET_KINDS, type BadTarget, startBadTarget } from '../testing/bad-targets.ts';
import { runEntryPoint } from '../testing/run-entry-point.ts';
import { standInK6Binary } from '../testing/stand-in-k6.ts';
import { writePactIntoTemporaryFolder } from '../testing/write-pact.ts';

const targets: BadTarget[] = [];
let pactFolder: string;
before(async () => {
  pactFolder = await writePactIntoTemporaryFolder();
});
after(() => Promise.all(targets.map((target) => target.close())));

async function badTarget(kind: (typeof BAD_TARGET_KINDS)[number]) {
  const target = await startBadTarget(kind);
  targets.push(target);
  return target;
}

const remote = (url: string) => ({
  ENGAGE_BASE_URL: url,
  ENGAGE_ENTERPRISE: 'acme',
  ENGAGE_TOKEN: 'robustness-token',
  ENGAGE_APPOINTMENT_ID: '123',
  ENGAGE_DEFAULT_LANGUAGE: 'en',
  ENGAGE_REQUEST_TIMEOUT_MS: '1500',
  ENGAGE_PACT_DIR: pactFolder,
});

describe('provider verification against a bad target', { concurrency: 2 }, () => {
  for (const kind of BAD_TARGET_KINDS) {
    it(`fails clearly and in time when the target ${kind === 'unreachable' ? 'is unreachable' : kind}`, async () => {
      const started = performance.now();
      const { code, output } = await runEntryPoint(
        'contracts/provider/verify-provider.ts',
        remote((await badTarget(kind)).url),
      );
      assert.equal(code, 1, output);
      assert.match(
        output,
        /^provider verification failed: (\d+ interaction\(s\) did not match the pact|cannot reach http:\/\/127\.0\.0\.1:\d+: .+)/m,
      );
      assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
      assert.ok(performance.now() - started < 30_000, 'bounded in time');
    });
  }
});

describe('the e2e probe and checks against a bad target', () => {
  const expected: Record<(typeof BAD_TARGET_KINDS)[number], RegExp> = {
    unreachable: /^GET http:\/\/127\.0\.0\.1:\d+\/enterprises\/acme\/appointments\/123 failed: fetch failed/,
    'resets connections': /failed: fetch failed/,
    'never answers': /failed: The operation was aborted due to timeout/,
    'storms of 5xx': /HTTP 503, expected 200/,
    'malformed JSON': /the body does not match the schema:\n\/: must be object \(got nothing\)/,
    'wrong content type': /Content-Type "text\/html" is not JSON/,
  };
  for (const kind of BAD_TARGET_KINDS) {
    it(`reports ${kind} clearly, within the request timeout`, async () => {
      const target = await badTarget(kind);
      const probe = createProbe(
        { baseUrl: target.url, enterprise: 'acme', getToken: async () => 'robustness-token' },
        fetchGet(1500),
      );
      const problems = await probe(appointmentPath('acme', '123')).then(
        (response) => checkAppointmentResponse(response, '123', 'GET').join('\n'),
        (error: Error) => error.message,
      );
      assert.match(problems, expected[kind]);
      assert.doesNotMatch(problems, /robustness-token/);
    });
  }
});

describe('npm start with a load run that hangs', () => {
  it('stops the load layer at its timeout and reports it as timed out', async () => {
    const environment = {
      ENGAGE_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'engage-robustness-')),
      K6_BIN: standInK6Binary(),
      STAND_IN_K6_HANG: '1',
    };
    const { code, output } = await runEntryPoint('runner/main.ts', environment, [
      '--only',
      'load',
      '--layer-timeout',
      '3',
    ]);
    assert.equal(code, 1, output);
    assert.match(output, /✖ load timed out in [3-9]\.\d s: k6 did not finish within the layer's 3 s and was stopped/);
  });
});

describe('npm start against a target that never answers', () => {
  it('stops the hung layer at its timeout and reports it as timed out', async () => {
    const target = await badTarget('never answers');
    const started = performance.now();
    const { code, output } = await runEntryPoint(
      'runner/main.ts',
      {
        ...remote(target.url),
        ENGAGE_REQUEST_TIMEOUT_MS: '600000',
        ENGAGE_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'engage-robustness-')),
      },
      ['--only', 'contracts', '--layer-timeout', '4'],
    );
    assert.equal(code, 1, output);
    assert.match(
      output,
      /✖ contracts timed out in [4-9]\.\d s: provider verification did not finish within the layer's 4 s and was stopped/,
    );
    assert.ok(performance.now() - started < 20_000);
  });
});
