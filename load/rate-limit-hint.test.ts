// Proves the rate-limit hint: said only for 429s on a real target the run kept under its limit,
// naming where each figure of that limit came from.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DOCUMENTED_RATE_LIMIT } from '../config/api-facts.ts';
import { rateLimitHint } from './rate-limit-hint.ts';

const limited: Array<[string, number]> = [
  ['rate limited (429)', 12],
  ['HTTP 500', 1],
];
const remote = { remote: true, allowAboveRateLimit: false, limit: DOCUMENTED_RATE_LIMIT };

it('names the two settings after 429s under the documented limit', () => {
  assert.equal(
    rateLimitHint(limited, remote),
    'the target answered 429 to 12 lookups sent under the documented rate limit (3000 requests a minute, 4 at once): the docs allow an endpoint a lower one; if this one has it, give it in ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE and ENGAGE_LOAD_RATE_LIMIT_CONCURRENT, and the profiles stay under it',
  );
});

it('names where each figure came from under a limit the run was given', () => {
  assert.equal(
    rateLimitHint(limited, { ...remote, limit: { perMinute: 3000, concurrent: 2 } }),
    "the target answered 429 to 12 lookups sent under 3000 requests a minute (documented) and 2 at once (ENGAGE_LOAD_RATE_LIMIT_CONCURRENT): its limit is lower still, or other clients share it; lower ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE and ENGAGE_LOAD_RATE_LIMIT_CONCURRENT, or ask the API's owners",
  );
});

it('says nothing without 429s, on the sandbox, or for a run allowed above the limit', () => {
  assert.equal(rateLimitHint([['HTTP 500', 3]], remote), undefined);
  assert.equal(rateLimitHint(undefined, remote), undefined);
  assert.equal(rateLimitHint(limited, { ...remote, remote: false }), undefined);
  assert.equal(rateLimitHint(limited, { ...remote, allowAboveRateLimit: true }), undefined);
});
