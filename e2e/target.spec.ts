// The one check that fails when the target does not answer at all; every other check then skips as
// "blocked by" it (e2e/fixtures.ts), so a dead target is one clear failure within one request timeout.
import { expect, test } from './fixtures.ts';
import { TARGET_DOWN_VARIABLE } from './global-setup.ts';

test('the target answers', async ({ forwarder }) => {
  const down = process.env[TARGET_DOWN_VARIABLE] ?? forwarder.down();
  expect(down, down).toBeUndefined();
});
