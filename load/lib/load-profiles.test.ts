// Proves the load profiles, their rate-limit arithmetic, and how a run's profile is chosen.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chosenProfile,
  DOCUMENTED_LIMIT_SAFE,
  PROFILE_NAMES,
  profileScenario,
  profileSeconds,
  rateLimitProblems,
  scenarioPeak,
  UNLIMITED,
} from './load-profiles.ts';

describe('profiles', () => {
  it('stay within the documented rate limit against a real target, every one but breakpoint', () => {
    for (const name of PROFILE_NAMES.filter((profile) => profile !== 'breakpoint')) {
      assert.deepEqual(rateLimitProblems(profileScenario(name, DOCUMENTED_LIMIT_SAFE)), [], name);
    }
  });
  it('go above it where the target allows, and the arithmetic says by how much', () => {
    const stress = profileScenario('stress', UNLIMITED);
    assert.deepEqual(scenarioPeak(stress), { perMinute: 360 * 60, concurrent: 50 });
    assert.deepEqual(rateLimitProblems(stress), [
      'peaks at 21600 requests a minute, above the documented 3000',
      'runs up to 50 VUs at once, above the documented 4 concurrent requests',
    ]);
  });
  it('smoke is 1 to 2 VUs for about 15 s', () => {
    const smoke = profileScenario('smoke', UNLIMITED);
    assert.equal(smoke.maxVUs, 2);
    assert.equal(smoke.executor === 'constant-arrival-rate' && smoke.duration, '15s');
  });
});

describe('how long a profile runs', () => {
  it('is the constant-rate duration, or the sum of the stages', () => {
    assert.equal(profileSeconds('smoke'), 15);
    assert.equal(profileSeconds('smoke', '1m30s'), 90);
    assert.equal(profileSeconds('soak'), 3600);
    assert.equal(profileSeconds('average'), 60 + 180 + 30);
    assert.ok(Number.isNaN(profileSeconds('soak', 'soon')));
  });
});

describe('the profile a run asks for', () => {
  it('is --profile, else ENGAGE_LOAD_PROFILE trimmed, else smoke when unset or blank (npm start and npm run load alike)', () => {
    assert.equal(chosenProfile('stress', { ENGAGE_LOAD_PROFILE: 'soak' }), 'stress');
    assert.equal(chosenProfile(undefined, { ENGAGE_LOAD_PROFILE: 'average' }), 'average');
    assert.equal(chosenProfile(undefined, { ENGAGE_LOAD_PROFILE: ' soak ' }), 'soak');
    assert.equal(chosenProfile(undefined, { ENGAGE_LOAD_PROFILE: ' ' }), 'smoke');
    assert.equal(chosenProfile(undefined, {}), 'smoke');
  });
  it('refuses an unknown one, naming where it came from', () => {
    assert.throws(() => chosenProfile('marathon', {}), /^ConfigError: --profile "marathon" is not one of smoke, /);
    assert.throws(
      () => chosenProfile(undefined, { ENGAGE_LOAD_PROFILE: 'marathon' }),
      /^ConfigError: ENGAGE_LOAD_PROFILE "marathon" is not one of smoke, /,
    );
  });
});
