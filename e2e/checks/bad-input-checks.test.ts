// Proves the odd ids the bad-input fuzzer sends are ids: never a dot segment, which a correct
// provider may resolve to the appointments collection (checks-can-fail proves the fuzzer fails).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { badInputIds } from './bad-input-checks.ts';

it('never sends "." or ".." as an id', () => {
  // About one draw in 3,000 was a dot segment before they were left out.
  const ids = fc.sample(badInputIds, { numRuns: 20_000, seed: 1 });
  assert.deepEqual(
    ids.filter((id) => id === '.' || id === '..'),
    [],
  );
  assert.ok(
    ids.some((id) => id.includes('.')),
    'dots inside an id are still sent',
  );
});
