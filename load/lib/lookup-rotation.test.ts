// Proves the id × language rotation and the back-off after 429s.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupAt, rotationLength } from './lookup-rotation.ts';

describe('rotation', () => {
  it('meets every id with every language in a turn, both turning at every lookup', () => {
    const pairs = (ids: string[], languages: string[]) =>
      Array.from({ length: rotationLength(ids, languages) }, (_, slot) => lookupAt(slot, ids, languages)).map(
        ({ id, language }) => `${id}:${language}`,
      );
    assert.equal(rotationLength(['a', 'b'], ['en', 'nl']), 4);
    assert.deepEqual(pairs(['a', 'b'], ['en', 'nl']), ['a:en', 'b:nl', 'a:nl', 'b:en']);
    for (const [idCount, languageCount] of [
      [1, 6],
      [4, 6],
      [31, 6],
      [12, 6],
      [5, 1],
    ] as const) {
      const ids = Array.from({ length: idCount }, (_, index) => `id${index}`);
      const languages = Array.from({ length: languageCount }, (_, index) => `l${index}`);
      const turn = pairs(ids, languages);
      assert.equal(new Set(turn).size, idCount * languageCount, `${idCount} ids × ${languageCount} languages`);
      // A run of as many lookups as languages asks for each of them, however many ids there are.
      const first = turn.slice(0, languageCount).map((pair) => pair.split(':')[1]);
      assert.equal(new Set(first).size, languageCount, `${idCount} ids: the first lookups ask for ${first}`);
    }
    assert.equal(rotationLength(['a'], []), 1);
    assert.deepEqual(lookupAt(0, ['a'], []), { id: 'a', language: '' });
    assert.throws(() => rotationLength([], ['en']), /no appointment ids/);
  });
});
