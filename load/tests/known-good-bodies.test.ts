// Proves that remembering good bodies never lets a bad one through: only the exact bytes that passed
// for the same id and language skip the check, and a body that failed is checked every time.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { rememberingGoodBodies } from '../lib/known-good-bodies.ts';

it('checks a body once per id and language, and every body that differs or failed', () => {
  const seen: string[] = [];
  const check = rememberingGoodBodies((body, id) => {
    seen.push(`${id}:${body}`);
    return body === 'bad' ? 'broken' : undefined;
  }, 2);
  assert.equal(check('good', '1', 'en'), undefined);
  assert.equal(check('good', '1', 'en'), undefined);
  assert.equal(check('good', '2', 'en'), undefined);
  assert.equal(check('good', '1', 'nl'), undefined);
  assert.equal(check('bad', '1', 'en'), 'broken');
  assert.equal(check('bad', '1', 'en'), 'broken');
  assert.equal(check('good', '1', 'en'), undefined);
  assert.deepEqual(seen, ['1:good', '2:good', '1:good', '1:bad', '1:bad', '1:good']);
});
