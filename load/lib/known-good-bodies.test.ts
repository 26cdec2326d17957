// Proves that remembering good bodies never lets a bad one through: only the exact bytes that passed
// for the same id and language skip the check, and a body that failed is checked every time.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { rememberingGoodBodies } from './known-good-bodies.ts';

it('checks a body once per lookup slot (id and language), and every body that differs or failed', () => {
  const seen: string[] = [];
  const check = rememberingGoodBodies((body, { id }) => {
    seen.push(`${id}:${body}`);
    return body === 'bad' ? 'broken' : undefined;
  }, 2);
  // Slots 0, 1 and 2 stand for 1 in English, 2 in English and 1 in Dutch.
  const [oneEn, twoEn, oneNl] = [
    { id: '1', language: 'en' },
    { id: '2', language: 'en' },
    { id: '1', language: 'nl' },
  ];
  assert.equal(check('good', oneEn, 0), undefined);
  assert.equal(check('good', oneEn, 0), undefined);
  assert.equal(check('good', twoEn, 1), undefined);
  assert.equal(check('good', oneNl, 2), undefined);
  assert.equal(check('bad', oneEn, 0), 'broken');
  assert.equal(check('bad', oneEn, 0), 'broken');
  assert.equal(check('good', oneEn, 0), undefined);
  assert.deepEqual(seen, ['1:good', '2:good', '1:good', '1:bad', '1:bad', '1:good']);
});
