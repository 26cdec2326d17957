// What a path a setting names is, in the words a refusal uses: a folder, nothing, a file, a link to
// nothing, or a FIFO (a socket or device alike); and whether it is an (executable) file or a folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { isFile, isFolder, pathKind } from './path-kind.ts';

it('tells a folder, nothing, a file and a link to nothing apart', () => {
  const folder = temporaryFolder('path-kind');
  const file = join(folder, 'a-file');
  writeFileSync(file, '');
  symlinkSync(join(folder, 'missing'), join(folder, 'dangling'));
  assert.deepEqual([folder, join(folder, 'missing'), file, join(folder, 'dangling')].map(pathKind), [
    'folder',
    'none',
    'is a file',
    'is a link to nothing',
  ]);
  assert.deepEqual([isFolder(folder), isFolder(file), isFile(file), isFile(folder)], [true, false, true, false]);
  chmodSync(file, 0o755);
  assert.equal(isFile(file, { executable: true }), true);
});

it('calls a FIFO a socket, FIFO or device, not a file', {
  skip: spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0 ? false : 'no mkfifo on this machine',
}, () => {
  const fifo = join(temporaryFolder('path-kind'), 'fifo');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo made the FIFO');
  assert.equal(pathKind(fifo), 'is a socket, FIFO or device');
  assert.equal(isFile(fifo), false);
});
