// Proves the k6 options of a run: the safety guards (production, the documented rate limit), on
// the profiles and on the scenarios k6 really runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUITE_USER_AGENT } from '../../config/api-facts.ts';
import slo from '../../slo.json' with { type: 'json' };
import { buildLoadOptions, guardProblems, isProductionUrl } from './load-options.ts';
import { type LoadSettings, readLoadSettings, readRunShape } from './load-settings.ts';

const environment = {
  ENGAGE_BASE_URL: 'https://api.development.pexipengage.com',
  ENGAGE_ENTERPRISE: 'acme',
  ENGAGE_TOKEN: 't',
  ENGAGE_APPOINTMENT_IDS: 'a,b',
};
const settings = (overrides: Partial<LoadSettings> = {}): LoadSettings => ({
  ...readLoadSettings(environment),
  ...overrides,
});

describe('the safety guards', () => {
  it('refuse breakpoint against a real target without --allow-above-rate-limit', () => {
    assert.throws(
      () => buildLoadOptions(settings({ profile: 'breakpoint' }), slo.lookup),
      /^ConfigError: ENGAGE_LOAD_PROFILE breakpoint ramps past the documented rate limit by design: set ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true/,
    );
    assert.ok(
      buildLoadOptions(settings({ profile: 'breakpoint', allowAboveRateLimit: true }), slo.lookup).scenarios.breakpoint,
    );
    assert.ok(
      buildLoadOptions(settings({ profile: 'breakpoint', targetIsSandbox: true }), slo.lookup).scenarios.breakpoint,
    );
  });
  it('refuse anything heavier than smoke against production without --confirm-production', () => {
    const production = { baseUrl: 'https://api.pexipengage.com' };
    assert.ok(buildLoadOptions(settings({ ...production, profile: 'smoke' }), slo.lookup));
    assert.throws(
      () => buildLoadOptions(settings({ ...production, profile: 'average' }), slo.lookup),
      /^ConfigError: ENGAGE_LOAD_PROFILE average may not run against this target: https:\/\/api\.pexipengage\.com is production: anything heavier than smoke there needs ENGAGE_LOAD_CONFIRM_PRODUCTION=true/,
    );
    assert.ok(buildLoadOptions(settings({ ...production, profile: 'average', confirmProduction: true }), slo.lookup));
    assert.equal(isProductionUrl('https://api.development.pexipengage.com'), false);
  });
  it('recognise production however its URL is written', () => {
    for (const url of [
      'https://api.pexipengage.com',
      'https://api.pexipengage.com.',
      'https://API.PexipEngage.com/',
      'https://api.pexipengage.com:443/v1',
      'http://user@api.pexipengage.com',
      'https://api.pexipengage.com..?x=1',
    ])
      assert.equal(isProductionUrl(url), true, url);
    for (const url of [
      'https://api.pexipengage.com.evil.test',
      'https://api.pexipengage.community',
      'https://x/api.pexipengage.com',
    ])
      assert.equal(isProductionUrl(url), false, url);
  });
  it('check the scenarios k6 really runs: an archive or --vus cannot sidestep them', () => {
    const shape = readRunShape({ ENGAGE_BASE_URL: 'https://api.pexipengage.com.' });
    assert.deepEqual(guardProblems(shape, { default: { executor: 'constant-vus', vus: 2 } }), [
      'https://api.pexipengage.com. is production: anything heavier than smoke there needs ENGAGE_LOAD_CONFIRM_PRODUCTION=true (npm run load: --confirm-production)',
      'the default scenario uses the constant-vus executor, whose request rate has no bound: set ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true (npm run load: --allow-above-rate-limit) to go above the rate limit',
    ]);
    const smoke = buildLoadOptions(readRunShape({}), slo.lookup).scenarios;
    assert.deepEqual(guardProblems(shape, smoke), []);
    assert.deepEqual(
      guardProblems(readRunShape({ ENGAGE_BASE_URL: 'https://staging.test' }), {
        spike: {
          executor: 'ramping-arrival-rate',
          timeUnit: '1m0s',
          stages: [{ duration: '1m', target: 6000 }],
          maxVUs: 4,
        },
      }),
      [
        'the spike scenario peaks at 6000 requests a minute, above the documented 3000: set ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true (npm run load: --allow-above-rate-limit) to go above the rate limit',
      ],
    );
  });
  it("keep under a target's own lower limit, when the run gives one, and name it", () => {
    const lower = readRunShape({
      ENGAGE_BASE_URL: 'https://staging.test',
      ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE: '1200',
      ENGAGE_LOAD_RATE_LIMIT_CONCURRENT: '2',
    });
    const average = buildLoadOptions({ ...lower, profile: 'average' }, slo.lookup).scenarios.average;
    // 80 % of 1,200 a minute is 16 a second; average holds half of that.
    assert.deepEqual(
      average?.executor === 'ramping-arrival-rate' && [average.maxVUs, average.stages.map((stage) => stage.target)],
      [2, [8, 8, 0]],
    );
    const one = readRunShape({ ENGAGE_BASE_URL: 'https://staging.test', ENGAGE_LOAD_RATE_LIMIT_CONCURRENT: '1' });
    assert.equal(buildLoadOptions(one, slo.lookup).scenarios.smoke?.maxVUs, 1, 'smoke too');
    assert.deepEqual(guardProblems(lower, { default: { executor: 'constant-arrival-rate', rate: 30, maxVUs: 3 } }), [
      "the default scenario peaks at 1800 requests a minute, above the target's 1200 (ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE) and runs up to 3 VUs at once, above the target's 2 (ENGAGE_LOAD_RATE_LIMIT_CONCURRENT) concurrent requests: set ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true (npm run load: --allow-above-rate-limit) to go above the rate limit",
    ]);
  });
  it('refuse an unknown profile, naming the choices', () => {
    assert.throws(
      () => buildLoadOptions(settings({ profile: 'marathon' }), slo.lookup),
      /ENGAGE_LOAD_PROFILE "marathon" is not one of smoke, average/,
    );
  });
  it('use the documented-limit profile against a real target and the full one against the sandbox', () => {
    const remote = buildLoadOptions(settings({ profile: 'stress' }), slo.lookup).scenarios.stress;
    const sandbox = buildLoadOptions(settings({ profile: 'stress', targetIsSandbox: true }), slo.lookup).scenarios
      .stress;
    assert.equal(remote?.maxVUs, 4);
    assert.equal(sandbox?.maxVUs, 50);
  });
});

describe('the summary options', () => {
  it("ask k6 for each trend's count, by which the summaries tell a latency threshold judged over no lookup", () => {
    assert.ok(buildLoadOptions(settings(), slo.lookup).summaryTrendStats.includes('count'));
  });
});

describe('redirects', () => {
  it('are followed by no lookup: a redirect is itself the answer, which setup() words', () => {
    assert.equal(buildLoadOptions(settings(), slo.lookup).maxRedirects, 0);
  });
});

it("every request carries the suite's User-Agent, not k6's own, as the suite's other layers", () => {
  assert.equal(buildLoadOptions(settings(), slo.lookup).userAgent, SUITE_USER_AGENT);
});
