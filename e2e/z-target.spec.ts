// The one check that fails when nothing answers (the others skip as blocked by it, e2e/fixtures.ts);
// named to run last, since Playwright restarts its worker after a failure for the tests that follow.

import { readHandoff } from '../config/handoffs.ts';
import { expect, test } from './fixtures.ts';

test('the target answers', async ({ forwarder }) => {
  const down = readHandoff(process.env, 'ENGAGE_E2E_TARGET_DOWN') ?? forwarder.down();
  expect(down, down).toBeUndefined();
});
