// Proves the id × language rotation and the back-off after 429s.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffSeconds, rotation } from './lookup-rotation.ts';

describe('rotation', () => {
  it('meets every id with every language, the ids turning fastest', () => {
    assert.deepEqual(
      rotation(['a', 'b'], ['en', 'nl']).map(({ id, language }) => `${id}:${language}`),
      ['a:en', 'b:en', 'a:nl', 'b:nl'],
    );
    assert.deepEqual(rotation(['a'], []), [{ id: 'a', language: '' }]);
    assert.throws(() => rotation([], ['en']), /no appointment ids/);
  });
  it('backs off exponentially after 429s, up to a ceiling', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 10].map((times) => backoffSeconds(times)),
      [0.5, 1, 2, 4, 8],
    );
  });
});
