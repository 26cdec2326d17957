// Proves where k6 is found: K6_BIN (refused in one line when it is not an executable), else the PATH,
// always as an absolute path, so that a relative K6_BIN works from any working folder.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { it } from 'node:test';
import { ConfigError } from '../config/config-error.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { findK6 } from './find-k6.ts';

const folder = temporaryFolder('find-k6');
const k6 = join(folder, 'k6');
writeFileSync(k6, '#!/bin/sh\n');
chmodSync(k6, 0o755);

it('takes K6_BIN, relative or not, as an absolute path', () => {
  assert.equal(findK6({ K6_BIN: k6 }), k6);
  const found = findK6({ K6_BIN: relative(process.cwd(), k6) });
  assert.ok(found !== undefined && isAbsolute(found), String(found));
  assert.equal(found, k6);
});

it('refuses a K6_BIN that is missing or not an executable file, naming it', () => {
  assert.throws(
    () => findK6({ K6_BIN: join(folder, 'nothing') }),
    (error: Error) => error instanceof ConfigError && /^K6_BIN ".*nothing" does not exist$/.test(error.message),
  );
  const notExecutable = join(folder, 'notes.txt');
  writeFileSync(notExecutable, '');
  assert.throws(
    () => findK6({ K6_BIN: notExecutable }),
    (error: Error) =>
      error instanceof ConfigError && /^K6_BIN ".*notes\.txt" is not an executable file$/.test(error.message),
  );
  // The folder k6 is in, where its binary was meant.
  assert.throws(
    () => findK6({ K6_BIN: folder }),
    (error: Error) => error.message === `K6_BIN "${folder}" is a folder: set it to the k6 binary (${k6})`,
  );
});

it('else looks on the PATH, and finds nothing where there is no k6', () => {
  assert.equal(findK6({ PATH: `/nonexistent:${folder}` }), k6);
  assert.equal(findK6({ PATH: '/nonexistent' }), undefined);
});
