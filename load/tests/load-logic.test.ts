// Proves the pure logic of the k6 scripts in Node: profiles and their rate-limit arithmetic, the
// safety guards, thresholds from slo.json, id and language rotation, the body check and token refresh.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docsAppointmentResponse } from '../../schemas/docs-examples.ts';
import slo from '../../slo.json' with { type: 'json' };
import { appointmentBodyProblem } from '../lib/appointment-body-check.ts';
import { buildLoadOptions, guardProblems, isProductionUrl } from '../lib/load-options.ts';
import {
  DOCUMENTED_LIMIT_SAFE,
  PROFILE_NAMES,
  profileScenario,
  rateLimitProblems,
  scenarioPeak,
  UNLIMITED,
} from '../lib/load-profiles.ts';
import { type LoadSettings, readLoadSettings, readRunShape } from '../lib/load-settings.ts';
import { LOOKUP_COUNT_METRIC, LOOKUP_LATENCY_METRIC, lookupThresholds } from '../lib/load-thresholds.ts';
import { backoffSeconds, rotation } from '../lib/lookup-rotation.ts';
import { issuedToken, lastingToken, tokenNeedsRefresh } from '../lib/token-refresh.ts';

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

describe('the safety guards', () => {
  it('refuse breakpoint against a real target without --allow-above-rate-limit', () => {
    assert.throws(
      () => buildLoadOptions(settings({ profile: 'breakpoint' }), slo.lookup),
      /breakpoint ramps past the documented rate limit by design: pass --allow-above-rate-limit/,
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
      /is production: anything heavier than smoke there needs --confirm-production/,
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
      'https://api.pexipengage.com. is production: anything heavier than smoke there needs --confirm-production (ENGAGE_LOAD_CONFIRM_PRODUCTION=true)',
      'the default scenario uses the constant-vus executor, whose request rate has no bound: pass --allow-above-rate-limit (ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true) to go above the documented rate limit',
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
        'the spike scenario peaks at 6000 requests a minute, above the documented 3000: pass --allow-above-rate-limit (ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true) to go above the documented rate limit',
      ],
    );
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

describe('settings', () => {
  it('read ids, languages and credentials, and name what is missing', () => {
    assert.deepEqual(readLoadSettings(environment).appointmentIds, ['a', 'b']);
    assert.deepEqual(readLoadSettings({ ...environment, ENGAGE_LOAD_LANGUAGES: 'nl, fr' }).languages, ['nl', 'fr']);
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_TOKEN: '' }),
      /ENGAGE_TOKEN, or ENGAGE_TOKEN_URL with ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET, is required/,
    );
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_APPOINTMENT_IDS: '' }),
      /ENGAGE_APPOINTMENT_IDS .* is required/,
    );
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_BASE_URL: 'nope' }),
      /ENGAGE_BASE_URL "nope" is not a plain http\(s\) URL/,
    );
  });
});

describe('thresholds', () => {
  it('come from slo.json and cover latency, errors, checks and 429s, with aborts where a run is lost', () => {
    const thresholds = lookupThresholds(slo.lookup);
    assert.deepEqual(thresholds[LOOKUP_LATENCY_METRIC]?.slice(0, 2), [
      `p(95)<${slo.lookup.p95Milliseconds}`,
      `p(99)<${slo.lookup.p99Milliseconds}`,
    ]);
    assert.equal(thresholds.http_req_failed?.[0], `rate<${slo.lookup.maxFailedRequestRate}`);
    assert.equal(thresholds.checks?.[0], `rate>${slo.lookup.minCheckPassRate}`);
    assert.equal(thresholds.rate_limited?.[0], `rate<${slo.lookup.maxRateLimitedRate}`);
    assert.equal(LOOKUP_LATENCY_METRIC, 'http_req_duration{name:appointment-by-id,status:200}');
    assert.deepEqual(thresholds[LOOKUP_COUNT_METRIC], ['count>0']);
    const aborts = Object.values(thresholds)
      .flat()
      .filter((threshold) => typeof threshold === 'object');
    assert.ok(
      aborts.length >= 3 && aborts.every((threshold) => typeof threshold === 'object' && threshold.abortOnFail),
    );
  });
});

describe('rotation', () => {
  it('meets every id with every language, the ids turning fastest', () => {
    assert.deepEqual(
      rotation(['a', 'b'], ['en', 'nl']).map(({ id, language }) => `${id}:${language}`),
      ['a:en', 'b:en', 'a:nl', 'b:nl'],
    );
    assert.deepEqual(rotation(['a'], []), [{ id: 'a', language: '' }]);
    assert.throws(() => rotation([], ['en']), /no appointment ids/);
  });
  it('backs off exponentially after 429s, up to a ceiling', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 10].map((times) => backoffSeconds(times)),
      [0.5, 1, 2, 4, 8],
    );
  });
});

describe('the body check', () => {
  it('accepts the docs example and names the first wrong field', () => {
    const body = docsAppointmentResponse();
    assert.equal(appointmentBodyProblem(body, '123'), undefined);
    assert.equal(appointmentBodyProblem(body, '124'), 'data.id is "123", not "124"');
    assert.equal(
      appointmentBodyProblem({ ...body, data: { ...body.data, status: 'LATE' } }, '123'),
      'status "LATE" is not documented',
    );
    assert.equal(
      appointmentBodyProblem({ ...body, data: { ...body.data, start: '17/08/2022' } }, '123'),
      'start is not a date-time',
    );
    assert.equal(
      appointmentBodyProblem(
        { ...body, data: { ...body.data, location: { ...body.data.location, city: 'Gent' } } },
        '123',
      ),
      'location.city is not a translatable value',
    );
    assert.equal(appointmentBodyProblem({ appointment: body.data }, '123'), 'no data object');
    assert.equal(appointmentBodyProblem({ ...body, data: { ...body.data, location: null } }, '123'), undefined);
  });
});

describe('token refresh', () => {
  it('happens shortly before expiry, and never for a static token', () => {
    const token = issuedToken('t', 300, 0);
    assert.equal(tokenNeedsRefresh(token, 269_999), false);
    assert.equal(tokenNeedsRefresh(token, 270_000), true);
    assert.equal(tokenNeedsRefresh(issuedToken('t', 60, 0), 54_000), true);
    assert.equal(tokenNeedsRefresh(lastingToken('t'), Number.MAX_SAFE_INTEGER), false);
  });
});
