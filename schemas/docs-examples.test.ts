// Proves the repository's copies of the docs' examples are the published ones in ../shared/fixtures,
// value for value, so that every test that accepts the copies accepts the docs' examples.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { DOCS_EXAMPLES } from './docs-examples.ts';

const shared = new URL('../../shared/fixtures/', import.meta.url);
const pairs: Array<[URL, string]> = [
  [DOCS_EXAMPLES.appointment, 'docs-appointment-200.json'],
  [DOCS_EXAMPLES.error, 'docs-error-404.json'],
];

for (const [copy, name] of pairs) {
  it(`schemas/docs-examples holds ../shared/fixtures/${name} as it is`, (context) => {
    const original = new URL(name, shared);
    if (!existsSync(original)) return context.skip('../shared/fixtures is not beside this clone');
    assert.deepEqual(JSON.parse(readFileSync(copy, 'utf8')), JSON.parse(readFileSync(original, 'utf8')));
  });
}
