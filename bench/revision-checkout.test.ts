// Proves how `npm run bench -- --against` names the commit it compares with: a short hash, and a
// revision that names no commit refused in one line before anything is cloned or installed.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { it } from 'node:test';
import { ConfigError } from '../config/config-error.ts';
import { checkoutRevision, commitOf } from './revision-checkout.ts';

const notACheckout = existsSync('.git') ? false : 'the suite is not a git checkout here';

it('names a revision by its short hash', { skip: notACheckout }, () => {
  assert.match(commitOf('.', 'HEAD'), /^[0-9a-f]{7,}$/);
});

it('refuses a revision that names no commit, before cloning anything', { skip: notACheckout }, () => {
  for (const attempt of [() => commitOf('.', 'no-such-commit'), () => checkoutRevision('.', 'no-such-commit')])
    assert.throws(
      attempt,
      (error) =>
        error instanceof ConfigError &&
        error.message === '--against "no-such-commit" names no commit of this repository',
    );
});
