// Keeps README.md one document: each section heading appears once, so copies cannot drift apart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

it('README.md has each ## section once', () => {
  const headings = readFileSync('README.md', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('## '));
  const repeated = headings.filter((heading, index) => headings.indexOf(heading) !== index);
  assert.deepEqual(repeated, [], `repeated README sections: ${repeated.join(', ')}`);
});
