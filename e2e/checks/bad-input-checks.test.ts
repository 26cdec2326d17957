// Proves the odd ids the bad-input fuzzer sends are ids: never a dot segment, which a correct
// provider may resolve to the appointments collection; injection-like ones, and what gateways refuse
// in a path, only where `malformed-headers` is expected (checks-can-fail proves the fuzzer fails, on a
// 5xx and on another id's appointment).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { badInputIds, LONG_ID } from './bad-input-checks.ts';

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

it('sends no slash, backslash, percent sign, semicolon, control character or line separator, which gateways refuse in a path, unless malformed-headers is expected', () => {
  const refused = ['/', '\\', '%', ';', '\u0000', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029'];
  const holdsOne = (id: string) => refused.some((character) => id.includes(character));
  // One draw in about 5,000 held a line separator before they were left out, one in two a slash or the like.
  const ids = fc.sample(badInputIds(false), { numRuns: 50_000, seed: 7 });
  assert.deepEqual(ids.filter(holdsOne), []);
  assert.ok(fc.sample(badInputIds(true), { numRuns: 2_000, seed: 1 }).some(holdsOne));
});

it('draws the 4 KB id, with malformed-headers or not', () => {
  for (const withAttackSignatures of [true, false])
    assert.ok(fc.sample(badInputIds(withAttackSignatures), { numRuns: 2_000, seed: 1 }).includes(LONG_ID));
});
