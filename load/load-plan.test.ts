// Proves the load plan: every load setting is read before anything starts, by npm run load and by
// npm start's check at start alike, and the command goes to the target it is given.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../config/config-error.ts';
import { readSuiteConfig } from '../config/suite-config.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { readLoadFlags } from './k6-command.ts';
import { checkLoadRun, planLoadRun } from './load-plan.ts';

const staging = {
  ENGAGE_BASE_URL: 'https://staging.example.com',
  ENGAGE_TOKEN: 'a-token',
  ENGAGE_ENTERPRISE: 'acme',
  ENGAGE_APPOINTMENT_ID: '123',
};
const refusal = (pattern: RegExp) => (error: unknown) => error instanceof ConfigError && pattern.test(error.message);

describe('the load plan', () => {
  it('goes to the given target, or shows where the sandbox will be before it starts', () => {
    const flags = readLoadFlags(['--profile', 'smoke'], {});
    const onStaging = planLoadRun(readSuiteConfig(staging), staging.ENGAGE_BASE_URL, flags, 'reports', staging);
    assert.equal(onStaging.command.environment.ENGAGE_BASE_URL, staging.ENGAGE_BASE_URL);
    assert.ok('smoke' in onStaging.options.scenarios);
    const onSandbox = planLoadRun(readSuiteConfig({}), undefined, flags, 'reports', {}, { shownUrl: '<sandbox>' });
    assert.equal(onSandbox.command.environment.ENGAGE_BASE_URL, '<sandbox>');
  });
  it('refuses a bad load setting as npm start starts, before any layer: an on/off word, a duration, an ids file', () => {
    const ids = join(temporaryFolder('load-plan'), 'ids.json');
    writeFileSync(ids, '["123",');
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT: 'ture' },
        /^ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT is "ture", which is neither/,
      ],
      [{ ENGAGE_LOAD_DURATION: 'soon' }, /^ENGAGE_LOAD_DURATION "soon" is not a duration of 1s or more/],
      [{ ENGAGE_APPOINTMENT_IDS_FILE: ids }, new RegExp(`^ENGAGE_APPOINTMENT_IDS_FILE ${ids} is not JSON$`)],
    ];
    for (const [environment, message] of cases)
      assert.throws(
        () => checkLoadRun(readSuiteConfig(environment), 'smoke', 'reports', environment),
        refusal(message),
      );
  });
  it('refuses a profile past the documented rate limit on a real target, and takes it on the sandbox', () => {
    assert.throws(
      () => checkLoadRun(readSuiteConfig(staging), 'breakpoint', 'reports', staging),
      refusal(/^ENGAGE_LOAD_PROFILE breakpoint ramps past the documented rate limit by design/),
    );
    assert.doesNotThrow(() => checkLoadRun(readSuiteConfig({}), 'breakpoint', 'reports', {}));
  });
  it("refuses a k6 variable of the shell that would change the verdict, and warns of k6's insecure TLS (k6-variables.test.ts); k6 reads none from .env", () => {
    const flags = readLoadFlags(['--profile', 'smoke'], {});
    const plan = (shell: Record<string, string>, fromEnvFiles: Record<string, string> = {}) =>
      planLoadRun(
        readSuiteConfig(staging),
        staging.ENGAGE_BASE_URL,
        flags,
        'reports',
        { ...staging, ...fromEnvFiles },
        {
          shell,
        },
      );
    assert.throws(() => plan({ K6_THRESHOLDS: '' }), refusal(/^K6_THRESHOLDS is set/));
    assert.deepEqual(plan({ K6_INSECURE_SKIP_TLS_VERIFY: 'true' }).warnings, [
      'warning: K6_INSECURE_SKIP_TLS_VERIFY is "true": k6 takes any certificate the target shows, where the other layers take only a trusted one (give a private CA in SSL_CERT_FILE instead)',
    ]);
    // The same in an .env file reaches no k6: neither refused nor warned of.
    const fromEnvFiles = { K6_VUS: '3', K6_THRESHOLDS: '', K6_INSECURE_SKIP_TLS_VERIFY: 'true' };
    assert.deepEqual(plan({}, fromEnvFiles).warnings, []);
    assert.deepEqual(
      checkLoadRun(readSuiteConfig(staging), 'smoke', 'reports', { ...staging, ...fromEnvFiles }, {}),
      [],
    );
  });
  it('warns of a duration the profile does not take, and of nothing for one it does', () => {
    const config = readSuiteConfig({});
    assert.deepEqual(checkLoadRun(config, 'average', 'reports', { ENGAGE_LOAD_DURATION: '30s' }), [
      'warning: ENGAGE_LOAD_DURATION 30s changes only the smoke and soak profiles: average runs its own stages',
    ]);
    // Given as npm run load's flag, it is named so.
    const flags = readLoadFlags(['--profile', 'average', '--duration', '30s'], {});
    assert.deepEqual(planLoadRun(config, undefined, flags, 'reports', {}, { shell: {} }).warnings, [
      'warning: --duration 30s changes only the smoke and soak profiles: average runs its own stages',
    ]);
    assert.deepEqual(checkLoadRun(config, 'smoke', 'reports', { ENGAGE_LOAD_DURATION: '30s' }), []);
    assert.deepEqual(checkLoadRun(config, 'average', 'reports', {}), []);
  });
});
