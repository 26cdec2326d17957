// Proves the odd ids the bad-input fuzzer sends are ids: never a dot segment, which a correct
// provider may resolve to the appointments collection; and injection-like ones only where
// `malformed-headers` is expected (checks-can-fail proves the fuzzer fails).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { badInputIds } from './bad-input-checks.ts';

it('never sends "." or ".." as an id', () => {
  // About one draw in 3,000 was a dot segment before they were left out.
  const ids = fc.sample(badInputIds(true), { numRuns: 20_000, seed: 1 });
  assert.deepEqual(
    ids.filter((id) => id === '.' || id === '..'),
    [],
  );
  assert.ok(
    ids.some((id) => id.includes('.')),
    'dots inside an id are still sent',
  );
});

it('sends no injection-like id, which a firewall refuses itself, unless malformed-headers is expected', () => {
  const injection = /etc\/passwd|%2f|OR '1'='1|DROP TABLE|\{\{7\*7\}\}|jndi|<script>|%00/;
  assert.ok(fc.sample(badInputIds(true), { numRuns: 2_000, seed: 1 }).some((id) => injection.test(id)));
  assert.deepEqual(
    fc.sample(badInputIds(false), { numRuns: 2_000, seed: 1 }).filter((id) => injection.test(id)),
    [],
  );
});
