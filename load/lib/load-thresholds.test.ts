// Proves the thresholds from slo.json: latency over 200s only, errors, checks, no bad 200 body, and the aborts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import slo from '../../slo.json' with { type: 'json' };
import {
  BAD_BODY_METRIC,
  LOOKUP_COUNT_METRIC,
  LOOKUP_FAILED_METRIC,
  LOOKUP_LATENCY_METRIC,
  lookupThresholds,
  unjudgedThresholds,
} from './load-thresholds.ts';

describe('thresholds', () => {
  it('come from slo.json and cover latency, errors and checks, with aborts where a run is lost', () => {
    const thresholds = lookupThresholds(slo.lookup);
    assert.deepEqual(thresholds[LOOKUP_LATENCY_METRIC]?.slice(0, 2), [
      `p(95)<${slo.lookup.p95Milliseconds}`,
      `p(99)<${slo.lookup.p99Milliseconds}`,
    ]);
    assert.equal(thresholds[LOOKUP_FAILED_METRIC]?.[0], `rate<${slo.lookup.maxFailedRequestRate}`);
    assert.equal(LOOKUP_FAILED_METRIC, 'http_req_failed{name:appointment-by-id}');
    assert.equal(thresholds.checks?.[0], `rate>${slo.lookup.minCheckPassRate}`);
    assert.equal(LOOKUP_LATENCY_METRIC, 'http_req_duration{name:appointment-by-id,status:200}');
    assert.deepEqual(thresholds[LOOKUP_COUNT_METRIC], ['count>0']);
    // A wrong body is no matter of load: one fails the run, however many lookups it made.
    assert.deepEqual(thresholds[BAD_BODY_METRIC], ['count==0']);
    const aborts = Object.values(thresholds)
      .flat()
      .filter((threshold) => typeof threshold === 'object');
    assert.ok(
      aborts.length >= 3 && aborts.every((threshold) => typeof threshold === 'object' && threshold.abortOnFail),
    );
  });
});

describe('unjudgedThresholds', () => {
  const given = lookupThresholds(slo.lookup);
  it("is none when k6 judges the script's own, as its options hold them", () => {
    assert.deepEqual(unjudgedThresholds(given, given), []);
  });
  it('names each one k6 will not judge, when thresholds from elsewhere replace them, or there are none', () => {
    assert.deepEqual(unjudgedThresholds({ checks: ['rate>0.99'] }, { checks: ['rate>=0'] }), ['checks rate>0.99']);
    assert.equal(unjudgedThresholds(given, {}).length, Object.values(given).flat().length);
    assert.equal(unjudgedThresholds(given, undefined).length, Object.values(given).flat().length);
  });
});
