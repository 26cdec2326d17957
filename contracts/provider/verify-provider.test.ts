// Proves provider verification can fail and never cries wolf: it passes against the sandbox and
// against another correct provider configured through ENGAGE_*, and fails, with Pact's mismatch
// report and a non-zero exit, against each deliberately broken provider.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AnotherProvider, DATE_TIME_STYLES, startAnotherProvider } from '../../testing/another-provider.ts';
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
    ['bad-date-time', /Expected '17\/08\/2022 09:00' to match/],
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
  let other: AnotherProvider;
  before(async () => {
    other = await startAnotherProvider();
  });
  after(() => other.sandbox.close());
  const environment = () => other.environment;

  it('passes, with the configured token swapped in for the placeholder, and never prints it', async () => {
    const { code, output } = await verify(environment());
    assert.equal(code, 0, output);
    assert.doesNotMatch(output, new RegExp(other.token));
  });
  for (const id of Object.keys(DATE_TIME_STYLES)) {
    it(`passes an appointment whose date-times look like ${DATE_TIME_STYLES[id as keyof typeof DATE_TIME_STYLES][0]}`, async () => {
      const { code, output } = await verify({ ...environment(), ENGAGE_APPOINTMENT_ID: id });
      assert.equal(code, 0, output);
    });
  }
  it('fails when the configured token is not valid there', async () => {
    const { code } = await verify({ ...environment(), ENGAGE_TOKEN: 'revoked-token' });
    assert.equal(code, 1);
  });
  it('fails when the configured appointment does not exist there', async () => {
    const { code } = await verify({ ...environment(), ENGAGE_APPOINTMENT_ID: 'not-there' });
    assert.equal(code, 1);
  });
  it('needs no ENGAGE_DEFAULT_LANGUAGE: the language state reads a language from the appointment itself', async () => {
    const { ENGAGE_DEFAULT_LANGUAGE: _language, ...withoutLanguage } = environment();
    const { code, output } = await verify(withoutLanguage);
    assert.equal(code, 0, output);
  });
  it('says which appointment cannot stand in for the language state, and why', async () => {
    other.sandbox.store.put('globex', {
      ...other.sandbox.store.enterprise('globex')?.appointments.get('globex-7'),
      id: 'globex-unscheduled',
      start: null,
      end: null,
    } as never);
    const { code, output } = await verify({ ...environment(), ENGAGE_APPOINTMENT_ID: 'globex-unscheduled' });
    assert.equal(code, 1);
    assert.match(
      output,
      /ENGAGE_APPOINTMENT_ID globex-unscheduled cannot stand in for the state .*: it is not scheduled \(start or end is null\)/,
    );
  });
});
