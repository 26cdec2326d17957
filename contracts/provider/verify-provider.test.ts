// Proves provider verification can fail and never cries wolf: it passes against the sandbox and
// against another correct provider configured through ENGAGE_*, and fails, with Pact's mismatch
// report and a non-zero exit, against each deliberately broken provider.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appointment, location, text } from '../../sandbox/seed-helpers.ts';
import { type RunningSandbox, startSandbox } from '../../sandbox/start-sandbox.ts';
import { issueSandboxToken } from '../../testing/issue-sandbox-token.ts';
import { runEntryPoint } from '../../testing/run-entry-point.ts';

const verify = (environment: Record<string, string> = {}) =>
  runEntryPoint('contracts/provider/verify-provider.ts', environment);

describe('verification against the embedded sandbox', { concurrency: 2 }, () => {
  it('passes', async () => {
    const { code, output } = await verify();
    assert.equal(code, 0, output);
    assert.match(output, /provider verification passed/);
  });

  const brokenProviders: Array<[string, RegExp]> = [
    ['no-data-envelope', /missing the following keys: data/],
    ['wrong-types', /\$\.data\.appointmentParticipants|\$\.data\.subject|trailingBufferTime/],
    ['bad-date-time', /to match a timestamp pattern/],
    ['not-found-without-errors', /missing the following keys: errors/],
    ['non-json-content-type', /[Cc]ontent-[Tt]ype|text\/plain/],
    ['wrong-enum', /\$\.data\.(status|meetingType)/],
    ['numeric-status-code', /statusCode/],
  ];
  for (const [fault, mismatch] of brokenProviders) {
    it(`fails against a provider with the fault ${fault}`, async () => {
      const { code, output } = await verify({ SANDBOX_FAULTS: fault });
      assert.equal(code, 1, output);
      assert.match(output, /Failures:/, "Pact's mismatch report is shown");
      assert.match(output, mismatch);
      assert.match(output, /provider verification failed: \d+ interaction\(s\) did not match the pact/);
    });
  }
});

describe('verification against a configured environment', { concurrency: 2 }, () => {
  let other: RunningSandbox;
  let realToken: string;
  before(async () => {
    // Another correct provider: its own enterprise, ids and default language, and only issued tokens.
    const scheduled = appointment('globex-7', {
      location: location({ city: [text('fr', 'Gand'), text('de', 'Gent')], state: [], street1: [], street2: [] }),
    });
    other = await startSandbox({
      seed: { enterprises: [{ id: 'globex', defaultLanguage: 'fr', appointments: [scheduled] }] },
    });
    realToken = await issueSandboxToken(other.url, 'globex');
  });
  after(() => other.close());

  const environment = () => ({
    ENGAGE_BASE_URL: other.url,
    ENGAGE_ENTERPRISE: 'globex',
    ENGAGE_TOKEN: realToken,
    ENGAGE_APPOINTMENT_ID: 'globex-7',
    ENGAGE_DEFAULT_LANGUAGE: 'fr',
  });

  it('passes, with the configured token swapped in for the placeholder, and never prints it', async () => {
    const { code, output } = await verify(environment());
    assert.equal(code, 0, output);
    assert.doesNotMatch(output, new RegExp(realToken));
  });
  it('fails when the configured token is not valid there', async () => {
    const { code } = await verify({ ...environment(), ENGAGE_TOKEN: 'revoked-token' });
    assert.equal(code, 1);
  });
  it('fails when the configured appointment does not exist there', async () => {
    const { code } = await verify({ ...environment(), ENGAGE_APPOINTMENT_ID: 'not-there' });
    assert.equal(code, 1);
  });
  it('stops with one line when a variable it needs is missing', async () => {
    const { ENGAGE_DEFAULT_LANGUAGE: _language, ...withoutLanguage } = environment();
    const { code, output } = await verify(withoutLanguage);
    assert.equal(code, 2);
    assert.match(output, /^configuration error: ENGAGE_DEFAULT_LANGUAGE is required to verify the contract/m);
  });
});
