// Proves that scripts/run-node-tests.ts refuses to run without the suite's TypeScript loader, which
// its test files inherit: on a Node that strips types itself (22.18 and later), it would start.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runNode } from '../testing/run-entry-point.ts';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const stripsTypes = major > 22 || (major === 22 && minor >= 18);

it('refuses, in one line with exit code 2, to run without the loader', {
  skip: !stripsTypes && `Node ${process.versions.node} runs no .ts without the loader at all`,
}, async () => {
  const { code, output } = await runNode(['scripts/run-node-tests.ts', 'no-such-test']);
  assert.equal(code, 2, output);
  assert.match(
    output.trim(),
    /^scripts\/run-node-tests\.ts runs under the suite's TypeScript loader, which its test files inherit: node --import \.\/scripts\/ts-loader\/register\.mjs scripts\/run-node-tests\.ts, as the npm scripts run it$/,
  );
});
