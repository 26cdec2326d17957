// Proves how `npm run bench -- --against` names the commit it compares with (a short hash, and a
// revision that names no commit refused in one line), and what a failed clone or install says of why.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { it } from 'node:test';
import { ConfigError } from '../config/config-error.ts';
import { againstCommit, commitOf, failureReason } from './revision-checkout.ts';

const notACheckout = existsSync('.git') ? false : 'the suite is not a git checkout here';

it('names a revision by its short hash, and none for a revision that names no commit', { skip: notACheckout }, () => {
  assert.match(commitOf('HEAD') ?? '', /^[0-9a-f]{7,}$/);
  assert.equal(commitOf('no-such-commit'), undefined);
});

it('refuses --against a revision that names no commit, in one line', { skip: notACheckout }, () => {
  assert.throws(
    () => againstCommit('no-such-commit'),
    (error) =>
      error instanceof ConfigError &&
      error.message ===
        '--against "no-such-commit" names no commit of this repository (a shallow clone may lack it: git fetch --unshallow)',
  );
});

it("says why a step failed: the first error line, not npm's pointer to its log; else the last line, else the exit code", () => {
  const npm = [
    'npm error code ENOTCACHED',
    'npm error request to https://registry.npmjs.org/ajv failed: cache mode is only-if-cached',
    'npm error A complete log of this run can be found in: /root/.npm/_logs/x-debug-0.log',
  ].join('\n');
  assert.equal(failureReason(npm, 1), 'npm error code ENOTCACHED');
  assert.equal(failureReason('Cloning…\nsomething went wrong\n', 128), 'something went wrong');
  assert.equal(failureReason('', 3), 'exit code 3');
});
