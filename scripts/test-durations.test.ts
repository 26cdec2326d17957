// Proves the order of npm test's files: the longest last time first, a file not yet timed before
// them all; that node:test's own events reach the record through the reporter, on the Node that runs
// it; and that a record that cannot be read or written never fails a run.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runNode } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { longestFirst, readDurations, recordDurations } from './test-durations.ts';

describe('the order of test files', () => {
  it('starts the longest last time first, one not yet timed before them, equals by name', () => {
    const durations = { 'a.test.ts': 100, 'b.test.ts': 9000, 'c.test.ts': 100, 'gone.test.ts': 1 };
    assert.deepEqual(longestFirst(['c.test.ts', 'a.test.ts', 'new.test.ts', 'b.test.ts'], durations), [
      'new.test.ts',
      'b.test.ts',
      'a.test.ts',
      'c.test.ts',
    ]);
  });

  it('adds a run to the record by path from the repository, keeping the files it did not run', () => {
    const folder = temporaryFolder('durations');
    const record = join(folder, 'record.json');
    writeFileSync(record, JSON.stringify({ 'kept.test.ts': 5, 'runner/x.test.ts': 1 }));
    const reported = join(folder, 'reported.json');
    writeFileSync(reported, JSON.stringify({ [resolve('runner/x.test.ts')]: 1234.6 }));
    recordDurations(reported, record);
    assert.deepEqual(readDurations(record), { 'kept.test.ts': 5, 'runner/x.test.ts': 1235 });
  });

  it('reads no record as none, and leaves a record it cannot write without failing', () => {
    const folder = temporaryFolder('durations');
    writeFileSync(join(folder, 'broken.json'), '{ half');
    assert.deepEqual(readDurations(join(folder, 'broken.json')), {});
    assert.deepEqual(readDurations(join(folder, 'missing.json')), {});
    const aFile = join(folder, 'a-file');
    writeFileSync(aFile, '');
    assert.doesNotThrow(() => recordDurations(join(folder, 'missing.json'), join(aFile, 'record.json')));
  });

  it("records each file's top-level tests from node:test's own events, failing ones too", async () => {
    const folder = temporaryFolder('durations');
    const file = join(folder, 'timed.test.mjs');
    writeFileSync(
      file,
      `import { it } from 'node:test';
it('waits', async () => { await new Promise((done) => setTimeout(done, 200)); });
it('fails', async () => { await new Promise((done) => setTimeout(done, 100)); throw new Error('as meant'); });
`,
    );
    const reported = join(folder, 'reported.json');
    const { code, output } = await runNode([
      '--test',
      '--test-reporter=./scripts/file-durations-reporter.mjs',
      `--test-reporter-destination=${reported}`,
      file,
    ]);
    assert.equal(code, 1, output);
    const durations = JSON.parse(readFileSync(reported, 'utf8'));
    assert.deepEqual(Object.keys(durations), [file]);
    assert.ok(durations[file] >= 300 && durations[file] < 5000, `${durations[file]} ms`);
  });
});
