// No secret in any output: a failing `npm start` of every layer, with client credentials, a no-scope
// token and a broker token configured, leaves none of them (nor any token the target issued) in
// its console output or any file under its reports folder, Playwright traces unzipped.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { filesContaining } from '../testing/files-containing.ts';
import { issueSandboxToken } from '../testing/issue-sandbox-token.ts';
import { type RecordingProxy, startRecordingProxy } from '../testing/recording-proxy.ts';
import { runEntryPoint } from '../testing/run-entry-point.ts';
import { standInK6Binary } from '../testing/stand-in-k6.ts';

let sandbox: RunningSandbox;
let recorder: RecordingProxy;
before(async () => {
  // A broken provider, so that every layer fails and Playwright keeps its traces.
  sandbox = await startSandbox({ faults: ['wrong-enum', 'no-auth-check'] });
  recorder = await startRecordingProxy(sandbox.url);
});
after(async () => {
  await recorder.close();
  await sandbox.close();
});

it('a failing npm start leaves no configured or issued secret in any output', async () => {
  const reports = mkdtempSync(join(tmpdir(), 'engage-secrets-'));
  const [client] = SANDBOX_DEFAULTS.clients;
  const noScopeToken = await issueSandboxToken(sandbox.url, 'acme', 'sandbox-client-no-scope');
  const brokerToken = `broker-token-${Date.now()}`;
  const { code, output } = await runEntryPoint(
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
      ENGAGE_NO_SCOPE_TOKEN: noScopeToken,
      PACT_BROKER_TOKEN: brokerToken,
      K6_BIN: standInK6Binary(),
    },
    [],
  );
  assert.equal(code, 1, output);
  assert.match(output, /the suite FAILED: contracts, e2e/);
  assert.ok(recorder.issuedTokens.length > 0, 'the target issued tokens');
  assert.ok(
    filesContaining(reports, '').some((file) => file.endsWith('trace.zip')),
    'the failures kept Playwright traces',
  );
  const secrets: Record<string, string> = {
    ENGAGE_CLIENT_SECRET: client.clientSecret,
    ENGAGE_NO_SCOPE_TOKEN: noScopeToken,
    PACT_BROKER_TOKEN: brokerToken,
    ...Object.fromEntries(recorder.issuedTokens.map((token, index) => [`issued token ${index + 1}`, token])),
  };
  for (const [name, secret] of Object.entries(secrets)) {
    assert.deepEqual(filesContaining(reports, secret), [], `no report file holds ${name}`);
    assert.ok(!output.includes(secret), `the console output does not hold ${name}`);
  }
});
