// Proves the order of npm test's files: the longest last time first, a file not yet timed before
// them all; and that a record that cannot be read or written never fails a run.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
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

  it('adds a run to the record by path from the repository, keeping the files it did not run, dropping those gone', () => {
    const record = join(temporaryFolder('durations'), 'record.json');
    writeFileSync(record, JSON.stringify({ 'scripts/run-test-files.ts': 5, 'scripts/gone.test.ts': 7 }));
    recordDurations(new Map([[resolve('scripts/test-durations.test.ts'), 1234.6]]), record);
    assert.deepEqual(readDurations(record), { 'scripts/run-test-files.ts': 5, 'scripts/test-durations.test.ts': 1235 });
  });

  it('reads no record, or what is not a time, as none, and leaves a record it cannot write without failing', () => {
    const folder = temporaryFolder('durations');
    const write = (name: string, text: string) => {
      writeFileSync(join(folder, name), text);
      return join(folder, name);
    };
    assert.deepEqual(readDurations(write('broken.json', '{ half')), {});
    assert.deepEqual(readDurations(write('array.json', '[1, 2]')), {});
    assert.deepEqual(readDurations(write('junk.json', '{ "a": "x", "b": -1, "c": null, "d": 12 }')), { d: 12 });
    assert.deepEqual(readDurations(join(folder, 'missing.json')), {});
    const aFile = write('a-file', '');
    assert.doesNotThrow(() => recordDurations(new Map([[resolve('package.json'), 1]]), join(aFile, 'record.json')));
  });
});
