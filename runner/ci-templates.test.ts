// Proves the CI templates users copy still fit the project: both parse as YAML, and every npm
// script they call exists in package.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
);

/** Every shell line of a workflow: GitHub `run:` values and GitLab `script:` items. */
function shellLines(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(shellLines);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === 'run' && typeof value === 'string') return value.split('\n');
    if ((key === 'script' || key === 'before_script') && Array.isArray(value)) return value.map(String);
    return shellLines(value);
  });
}

function npmScriptsCalled(lines: string[]): string[] {
  return lines.flatMap((line) =>
    [...line.matchAll(/\bnpm (?:run ([\w:.-]+)|(start|test)\b)/g)].map((match) => (match[1] ?? match[2]) as string),
  );
}

for (const file of ['.github/workflows/api-suite.yml', '.gitlab-ci.yml']) {
  describe(file, () => {
    const called = npmScriptsCalled(shellLines(parse(readFileSync(file, 'utf8'))));
    it('calls the suite through npm scripts', () => {
      assert.ok(called.includes('test'), 'npm test');
      for (const script of ['test:contracts', 'pact:publish', 'pact:can-i-deploy', 'test:e2e', 'load'])
        assert.ok(called.includes(script), script);
    });
    it('calls only npm scripts that exist', () => {
      assert.deepEqual(
        called.filter((script) => !scripts.includes(script)),
        [],
      );
    });
  });
}

describe('the script finder', () => {
  it('sees a script that does not exist', () => {
    assert.deepEqual(npmScriptsCalled(['npm run test:nothing && npm start']), ['test:nothing', 'start']);
  });
});
