// k6's own variables: refused when they would change what the run is judged on, warned of when
// they weaken TLS, and left alone otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configRefusal } from '../testing/config-refusal.ts';
import { k6VariableWarnings, refuseK6Variables } from './k6-variables.ts';

const refusal = (environment: Record<string, string>) =>
  configRefusal(() => refuseK6Variables(environment, 'soak')) ?? 'taken';

describe('refuseK6Variables', () => {
  it('refuses K6_NO_THRESHOLDS for each value k6 reads as true, and takes the others', () => {
    for (const value of ['true', '1', 't', 'T', 'TRUE', 'True'])
      assert.equal(
        refusal({ K6_NO_THRESHOLDS: value }),
        `K6_NO_THRESHOLDS is "${value}": k6 would judge none of the load layer's thresholds and pass any run, however many lookups failed; unset it`,
      );
    for (const value of ['false', '0', 'F']) assert.equal(refusal({ K6_NO_THRESHOLDS: value }), 'taken');
  });
  it('refuses K6_THRESHOLDS set at all, blank included: k6 judges the run by it alone', () => {
    for (const value of ['', 'checks:rate>=0'])
      assert.equal(
        refusal({ K6_THRESHOLDS: value }),
        `K6_THRESHOLDS is set ("${value}"): k6 would judge the run by it in place of the load layer's thresholds, and pass a run they fail; unset it`,
      );
  });
  it("refuses the variables that replace the profile's scenario or cap its rate, naming the profile", () => {
    assert.equal(
      refusal({ K6_VUS: '1' }),
      "K6_VUS is set: k6 would run a scenario of its own in place of the soak profile's; unset it",
    );
    assert.equal(
      refusal({ K6_DURATION: '1s' }),
      "K6_DURATION is set: k6 would run a scenario of its own in place of the soak profile's (--duration sets its length); unset it",
    );
    for (const name of ['K6_ITERATIONS', 'K6_STAGES'])
      assert.match(refusal({ [name]: '1' }), new RegExp(`^${name} is set`));
    assert.equal(
      refusal({ K6_RPS: '1' }),
      'K6_RPS is set: k6 would cap the requests per second below what the soak profile asks; unset it',
    );
  });
  it("takes k6's other variables, and the suite's own", () => {
    assert.equal(refusal({ K6_BIN: '/usr/bin/k6', K6_NO_USAGE_REPORT: 'true', K6_WEB_DASHBOARD: 'true' }), 'taken');
  });
});

describe('k6VariableWarnings', () => {
  it('warns of K6_INSECURE_SKIP_TLS_VERIFY when k6 reads it as true', () => {
    assert.deepEqual(k6VariableWarnings({ K6_INSECURE_SKIP_TLS_VERIFY: 'true' }), [
      'warning: K6_INSECURE_SKIP_TLS_VERIFY is "true": k6 takes any certificate the target shows, where the other layers take only a trusted one (give a private CA in SSL_CERT_FILE instead)',
    ]);
    assert.deepEqual(k6VariableWarnings({ K6_INSECURE_SKIP_TLS_VERIFY: 'false' }), []);
  });
});
