// The pact folder's files as verification and publish list them: its .json files, none when it is
// missing, and a refusal in one line naming ENGAGE_PACT_DIR when it is a file.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { configRefusal } from '../testing/config-refusal.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { pactFiles } from './participants.ts';

it('lists the .json files of the pact folder, and none of a missing one', () => {
  const folder = temporaryFolder('pact-folder');
  writeFileSync(join(folder, 'a-b.json'), '{}');
  writeFileSync(join(folder, 'notes.txt'), '');
  mkdirSync(join(folder, 'nested.json'));
  assert.deepEqual(pactFiles(`${folder}/`), [`${folder}/a-b.json`]);
  assert.deepEqual(pactFiles(`${folder}/missing/`), []);
});

it('refuses a pact folder that is a file, naming ENGAGE_PACT_DIR, instead of a stack trace or "holds no pact"', () => {
  const file = join(temporaryFolder('pact-folder'), 'a-file');
  writeFileSync(file, '');
  assert.equal(
    configRefusal(() => pactFiles(`${file}/`)),
    `ENGAGE_PACT_DIR names ${file}, which is not a folder`,
  );
});
