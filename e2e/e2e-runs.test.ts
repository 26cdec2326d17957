// Proves the Playwright layer end to end: a run against a broken provider fails with a non-zero
// exit, once for a broken basic 200 while the checks built on it skip as "blocked by" it, and no
// output of that run (console, HTML, JUnit, traces) holds the token it used.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { filesContaining } from '../testing/files-containing.ts';
import { issueSandboxToken } from '../testing/issue-sandbox-token.ts';
import { runNode } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { startTinyServer } from '../testing/tiny-server.ts';

let broken: RunningSandbox;
let token: string;
before(async () => {
  // Each check is proven in checks-can-fail.test.ts; here the schema matcher shows that failures
  // reach Playwright's reports, with traces.
  broken = await startSandbox({ faults: ['wrong-enum'] });
  token = await issueSandboxToken(broken.url);
});
after(() => broken.close());

it('fails once against a broken 200, blocks the checks built on it, and leaves its token in no output', async () => {
  const reports = temporaryFolder('e2e-reports');
  const specs = ['e2e/appointment.spec.ts', 'e2e/translations.spec.ts', 'e2e/headers.spec.ts', 'e2e/latency.spec.ts'];
  const { code, output } = await runNode(['node_modules/@playwright/test/cli.js', 'test', ...specs], {
    CI: '',
    ENGAGE_REPORTS_DIR: reports,
    ENGAGE_BASE_URL: broken.url,
    ENGAGE_ENTERPRISE: 'acme',
    ENGAGE_TOKEN: token,
    ENGAGE_APPOINTMENT_ID: '123',
  });
  assert.equal(code, 1, output);
  assert.match(
    output,
    /expected the body to match appointment-response\.schema\.json; 2 violation\(s\):\n.*\/data\/meetingType: must be one of[\s\S]*\/data\/status: must be one of/,
    'toMatchSchema lists every violation',
  );
  assert.match(output, /^ {2}1 failed$/m, 'only the schema check of the basic 200 fails');
  const junit = readFileSync(join(reports, 'e2e', 'junit.xml'), 'utf8');
  const blocked = junit.match(/blocked by: GET appointment 123: the body does not match the schema:/g) ?? [];
  assert.ok(blocked.length >= 10, `${blocked.length} checks say what blocked them`);
  const traces = filesContaining(reports, '').filter((file) => file.endsWith('trace.zip'));
  assert.ok(traces.length > 0, 'failures keep a trace');
  assert.ok(filesContaining(reports, 'token-added-by-the-e2e-proxy').length > 0, 'the traces hold the placeholder');
  assert.deepEqual(filesContaining(reports, token), [], 'no report file holds the token');
  assert.doesNotMatch(output, new RegExp(token), 'the console output does not hold the token');
});

it('against a silent target: one failure naming the target, every other check blocked, in under 30 s', async () => {
  const silent = await startTinyServer(() => {});
  try {
    const reports = temporaryFolder('e2e-reports');
    const started = Date.now();
    const { code, output } = await runNode(['node_modules/@playwright/test/cli.js', 'test'], {
      CI: '',
      ENGAGE_REPORTS_DIR: reports,
      ENGAGE_BASE_URL: silent.url,
      ENGAGE_ENTERPRISE: 'acme',
      ENGAGE_TOKEN: 'a-token',
      ENGAGE_APPOINTMENT_ID: '123',
      // The probe waits one request timeout: 2 s keeps the test short, the behaviour is the same.
      ENGAGE_REQUEST_TIMEOUT_MS: '2000',
    });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(code, 1, output);
    assert.ok(seconds < 30, `took ${seconds} s`);
    assert.match(output, /^ {2}1 failed$/m);
    assert.match(output, new RegExp(`the target ${silent.url} did not answer within 2 s`));
    const ports = [...output.matchAll(/127\.0\.0\.1:(\d+)/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(ports)], [new URL(silent.url).port], 'only the target is named, never the forwarder');
    const junit = readFileSync(join(reports, 'e2e', 'junit.xml'), 'utf8');
    assert.ok((junit.match(/blocked by: the target .* did not answer within 2 s/g) ?? []).length > 20);
  } finally {
    await silent.close();
  }
});
