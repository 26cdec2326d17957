// Proves that test folders go when their process ends well, and stay when a test failed.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { withTypescript } from '../config/typescript-node.ts';
import { runProgram } from './run-entry-point.ts';

/** The folder a process made with temporaryFolder before exiting with `exitCode`. */
async function folderOfProcessExiting(exitCode: number): Promise<string> {
  const helper = pathToFileURL('testing/temporary-folder.ts').href;
  const script = `const { temporaryFolder } = await import(${JSON.stringify(helper)});
console.log(temporaryFolder('temporary-folder-test'));
process.exitCode = ${exitCode};`;
  const { code, output } = await runProgram(
    process.execPath,
    withTypescript('--input-type=module', '--eval', script),
    process.env,
  );
  assert.equal(code, exitCode, output);
  return output.trim();
}

it('removes the folders when the process exits with 0, and keeps them when it failed', async () => {
  const removed = await folderOfProcessExiting(0);
  assert.match(removed, /engage-temporary-folder-test-/);
  assert.equal(existsSync(removed), false, `${removed} was removed`);
  const kept = await folderOfProcessExiting(1);
  assert.equal(existsSync(kept), true, `${kept} was kept`);
  rmSync(kept, { recursive: true });
});
