// Proves the Playwright layer end to end: a run against a broken provider fails with a non-zero
// exit, and no output of that run (console, HTML, JUnit, attachments) holds the token it used.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { filesContaining } from '../testing/files-containing.ts';

let broken: RunningSandbox;
let token: string;
before(async () => {
  broken = await startSandbox({ faults: ['wrong-enum', 'no-correlation-echo'], rateLimit: true });
  const response = await fetch(`${broken.url}/realms/acme/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'sandbox-client',
      client_secret: 'sandbox-client-secret',
    }),
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});
after(() => broken.close());

it('fails against a broken provider and leaves its token in no output', async () => {
  const reports = mkdtempSync(join(tmpdir(), 'engage-e2e-reports-'));
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(ENGAGE_|SANDBOX_)/.test(name)),
  );
  const child = spawn(
    process.execPath,
    [
      'node_modules/@playwright/test/cli.js',
      'test',
      'e2e/appointment.spec.ts',
      'e2e/headers.spec.ts',
      'e2e/errors.spec.ts',
    ],
    {
      env: {
        ...environment,
        CI: '',
        ENGAGE_REPORTS_DIR: reports,
        ENGAGE_BASE_URL: broken.url,
        ENGAGE_ENTERPRISE: 'acme',
        ENGAGE_TOKEN: token,
        ENGAGE_APPOINTMENT_ID: '123',
        ENGAGE_EXPECT: 'correlation-echo,rate-limit',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const [code] = await once(child, 'exit');
  assert.equal(code, 1, output);
  assert.match(output, /\/data\/status: must be one of/, 'the schema failure is reported');
  assert.match(output, /the response carries nothing, expected the same value/);
  assert.ok(readdirSync(join(reports, 'e2e')).includes('junit.xml'));
  assert.ok(filesContaining(reports, '[redacted]').length > 0, 'a redacted http log was attached to a failure');
  assert.deepEqual(filesContaining(reports, token), [], 'no report file holds the token');
  assert.doesNotMatch(output, new RegExp(token), 'the console output does not hold the token');
});
