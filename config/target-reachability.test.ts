// Proves a target that cannot be reached is named, with a proxy setting the Node layers do not follow
// named beside it, so that a user behind a mandatory proxy learns why.
import assert from 'node:assert/strict';
import { afterEach, it } from 'node:test';
import { describeNoAnswer } from './target-reachability.ts';

const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const saved = process.env.HTTPS_PROXY;
afterEach(() => {
  if (saved === undefined) delete process.env.HTTPS_PROXY;
  else process.env.HTTPS_PROXY = saved;
});

it('names the target, and a proxy set in the environment that the Node layers do not use', () => {
  delete process.env.HTTPS_PROXY;
  assert.equal(
    describeNoAnswer('https://staging.example', refused, 1000),
    'the target https://staging.example could not be reached (ECONNREFUSED)',
  );
  process.env.HTTPS_PROXY = 'http://proxy.example:3128';
  assert.equal(
    describeNoAnswer('https://staging.example', refused, 1000),
    'the target https://staging.example could not be reached (ECONNREFUSED); HTTPS_PROXY is set, but the suite connects directly (k6 alone follows it): run where the target is reachable without a proxy',
  );
});
