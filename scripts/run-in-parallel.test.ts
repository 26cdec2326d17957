// Proves how npm test runs its parts at once: every script runs as npm would run it, the first one's
// output streams, the others' follow whole, one line each says how it ended, and any failure fails it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { typescriptProgram } from '../config/typescript-node.ts';
import { runProgram } from '../testing/run-entry-point.ts';

const project = mkdtempSync(join(tmpdir(), 'engage-run-in-parallel-'));
mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
writeFileSync(join(project, 'node_modules', '.bin', 'local-tool'), '#!/bin/sh\necho "local tool ran"\n', {
  mode: 0o755,
});
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({
    scripts: { first: 'sleep 0.2 && echo "first out"', tool: 'local-tool', broken: 'echo "broken out" && exit 3' },
  }),
);
const run = (...scripts: string[]) =>
  runProgram(process.execPath, typescriptProgram('scripts/run-in-parallel.ts', ...scripts), process.env, project);

describe('run-in-parallel', () => {
  it('runs each script as npm would, with node_modules/.bin on the PATH, and passes when all pass', async () => {
    const { code, output } = await run('first', 'tool');
    assert.equal(code, 0, output);
    assert.match(
      output,
      /^first out\nnpm run first passed in \d+\.\d s\n\n> npm run tool\nlocal tool ran\nnpm run tool passed in \d+\.\d s\n$/,
    );
  });

  it('fails when one script fails, naming it and its exit code', async () => {
    const { code, output } = await run('first', 'broken');
    assert.equal(code, 1, output);
    assert.match(output, /broken out/);
    assert.match(output, /^npm run broken failed with exit code 3 after \d+\.\d s$/m);
  });

  it('refuses a script package.json does not have, naming it', async () => {
    const { code, output } = await run('first', 'nope');
    assert.equal(code, 2);
    assert.match(output, /package\.json has no script nope$/m);
  });
});
