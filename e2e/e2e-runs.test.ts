// Proves the Playwright layer end to end against a silent target: one failure naming the target, and
// every other check skips as blocked by it; run alone, it warns of a setting it does not read, and
// refuses a reports folder that cannot be made in one line. A broken provider's run, traces and secrets are in
// runner/failing-run.test.ts; each check failing alone is in e2e/checks/checks-can-fail.test.ts.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { filesContaining } from '../testing/files-containing.ts';
import { runNode } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { startTinyServer } from '../testing/tiny-server.ts';

it('against a silent target: one failure naming the target, every other check blocked, in under 30 s', async () => {
  const silent = await startTinyServer(() => {});
  const token = `static-token-${process.pid}`;
  try {
    const reports = temporaryFolder('e2e-reports');
    const started = Date.now();
    const { code, output } = await runNode(['node_modules/@playwright/test/cli.js', 'test'], {
      CI: '',
      ENGAGE_REPORTS_DIR: reports,
      ENGAGE_BASE_URL: silent.url,
      ENGAGE_ENTERPRISE: 'acme',
      ENGAGE_TOKEN: token,
      ENGAGE_APPOINTMENT_ID: '123',
      // The probe waits one request timeout: 2 s keeps the test short, the behaviour is the same.
      ENGAGE_REQUEST_TIMEOUT_MS: '2000',
      // Run alone, as npm run test:e2e, the layer warns of a setting it does not read.
      ENGAGE_EXPECTS: 'rate-limit',
    });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(code, 1, output);
    assert.ok(seconds < 30, `took ${seconds} s`);
    assert.match(output, /^ {2}1 failed$/m);
    assert.match(output, /^warning: ENGAGE_EXPECTS is not a setting of the suite, .*did you mean ENGAGE_EXPECT\?\)$/m);
    assert.match(output, new RegExp(`the target ${silent.url} did not answer within 2 s`));
    const ports = [...output.matchAll(/127\.0\.0\.1:(\d+)/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(ports)], [new URL(silent.url).port], 'only the target is named, never the forwarder');
    const junit = readFileSync(join(reports, 'e2e', 'junit.xml'), 'utf8');
    assert.ok((junit.match(/blocked by: the target .* did not answer within 2 s/g) ?? []).length > 20);
    // The one failure ran last (z-target.spec.ts), so no worker was started after it.
    const workers = JSON.stringify(JSON.parse(readFileSync(join(reports, 'e2e', 'results.json'), 'utf8'))).match(
      /"workerIndex":\d+/g,
    );
    assert.deepEqual([...new Set(workers)], ['"workerIndex":0']);
    // A static ENGAGE_TOKEN is in no output, the failure's trace included (failing-run scans a run
    // whose traces hold requests, with both clients' credentials and the static ENGAGE_EXPIRED_TOKEN).
    assert.ok(
      filesContaining(reports, '').some((file) => file.endsWith('trace.zip')),
      'the failure kept a trace',
    );
    assert.deepEqual(filesContaining(reports, token), [], 'no report file holds the token');
    assert.doesNotMatch(output, new RegExp(token));
  } finally {
    await silent.close();
  }
});

it('refuses a reports folder that cannot be made in one line, with exit code 2, before any test', async () => {
  const file = join(temporaryFolder('e2e-reports'), 'a-file');
  writeFileSync(file, '');
  const { code, output } = await runNode(['node_modules/@playwright/test/cli.js', 'test', '--list'], {
    CI: '',
    ENGAGE_REPORTS_DIR: `${file}/reports`,
  });
  assert.equal(code, 2, output);
  assert.equal(
    output.trim(),
    `configuration error: ENGAGE_REPORTS_DIR "${file}/reports" cannot be the reports folder: ${file} is a file, not a folder`,
  );
});
