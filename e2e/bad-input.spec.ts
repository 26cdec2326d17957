// Property-based bad input (fast-check): odd ids, and where `malformed-headers` is expected odd header
// values and injection-like ids, never get a 5xx, always a body that matches a schema, and no
// appointment but their own, sent exactly as generated. Fewer, paced runs against a real environment: half its documented rate limit.
import { DOCUMENTED_RATE_LIMIT } from '../config/api-facts.ts';
import { checkBadInput } from './checks/bad-input-checks.ts';
import { expectCheck, test } from './fixtures.ts';

test('odd ids and header values never get a 5xx, always a body that matches a schema, and no appointment but their own', async ({
  exactProbe,
  suite,
}) => {
  const onSandbox = suite.target.kind === 'sandbox';
  const budget = onSandbox
    ? { runs: 300, timeLimitMilliseconds: 10_000, pacingMilliseconds: 0 }
    : { runs: 100, timeLimitMilliseconds: 30_000, pacingMilliseconds: 60_000 / (DOCUMENTED_RATE_LIMIT.perMinute / 2) };
  expectCheck(await checkBadInput(exactProbe, suite.enterprise, budget, suite.expectations.has('malformed-headers')));
});
