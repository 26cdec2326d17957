// Proves that test files start in the order given (which `node --test` would not keep), each timed
// from node:test's own events, nested tests once, and that a failing test fails the run.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { withTypescript } from '../config/typescript-node.ts';
import { runNode } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';

describe('runTestFiles', () => {
  /** Runs `files` through runTestFiles, one at a time, in a process that is not a test's (runNode leaves out NODE_TEST_CONTEXT): node:test runs no files from within one. */
  async function runFiles(folder: string, files: string[]) {
    const driver = join(folder, 'driver.mjs');
    writeFileSync(
      driver,
      `import { runTestFiles } from ${JSON.stringify(pathToFileURL(resolve('scripts/run-test-files.ts')).href)};
const { passed, durations } = await runTestFiles(${JSON.stringify(files)}, 1, process.stdout);
console.log(JSON.stringify({ passed, durations: Object.fromEntries(durations) }));
`,
    );
    const { code, output } = await runNode(withTypescript(driver));
    assert.equal(code, 0, output);
    const result: { passed: boolean; durations: Record<string, number> } = JSON.parse(
      output.trim().split('\n').at(-1) ?? '',
    );
    return { ...result, output };
  }

  it("starts the files in the order given, and times each file's top-level tests from node:test's own events", async () => {
    const folder = temporaryFolder('durations');
    const log = join(folder, 'started');
    const file = (name: string, body: string) => {
      writeFileSync(
        join(folder, name),
        `import { appendFileSync } from 'node:fs';
import { describe, it } from 'node:test';
appendFileSync(${JSON.stringify(log)}, '${name}\\n');
${body}
`,
      );
      return join(folder, name);
    };
    const sleep = (milliseconds: number) => `await new Promise((done) => setTimeout(done, ${milliseconds}))`;
    // Nested tests count once, in their top-level test's time.
    const slow = file('z.test.mjs', `describe('z', () => { it('waits', async () => { ${sleep(500)}; }); });`);
    const quick = file('a.test.mjs', `it('a', async () => { ${sleep(100)}; });`);
    const { passed, durations, output } = await runFiles(folder, [slow, quick]);
    assert.ok(passed, output);
    assert.equal(readFileSync(log, 'utf8'), 'z.test.mjs\na.test.mjs\n');
    assert.match(output, /✔ waits[\s\S]*✔ a[\s\S]*ℹ pass 2/);
    assert.deepEqual(Object.keys(durations), [slow, quick]);
    // Counted twice, it would be 1000 ms or more.
    assert.ok((durations[slow] ?? 0) >= 480 && (durations[slow] ?? 0) < 950, `z took ${durations[slow]} ms`);
    assert.ok((durations[quick] ?? 0) >= 80, `a took ${durations[quick]} ms`);
  });

  it('fails on a failing test, and counts its time too', async () => {
    const folder = temporaryFolder('durations');
    const failing = join(folder, 'failing.test.mjs');
    writeFileSync(
      failing,
      `import { it } from 'node:test';
it('fails', async () => { await new Promise((done) => setTimeout(done, 100)); throw new Error('as meant'); });
`,
    );
    const { passed, durations, output } = await runFiles(folder, [failing]);
    assert.equal(passed, false, output);
    assert.match(output, /✖ failing tests:/);
    assert.ok((durations[failing] ?? 0) >= 80, `${durations[failing]} ms`);
  });
});
