// The one check that fails when the target does not answer at all; every other check then skips as
// "blocked by" it (e2e/fixtures.ts), so a dead target is one clear failure within one request timeout.
// Named to sort last: with one worker Playwright runs the files in alphabetical order, and a failing
// test restarts the worker for the tests after it (about 1 s of CPU); last, it restarts nothing.

import { readHandoff } from '../config/handoffs.ts';
import { expect, test } from './fixtures.ts';

test('the target answers', async ({ forwarder }) => {
  const down = readHandoff(process.env, 'ENGAGE_E2E_TARGET_DOWN') ?? forwarder.down();
  expect(down, down).toBeUndefined();
});
