// Proves how every entry point ends: a ConfigError is one line and exit 2, without any secret
// setting's value, and a main left waiting on a promise nothing can settle fails with a line instead
// of Node's silent exit code 13.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runNode } from '../testing/run-entry-point.ts';
import { withTypescript } from './typescript-node.ts';

const program = (main: string) =>
  withTypescript(
    '--input-type=module',
    '--eval',
    `import { runMain } from './config/entry-point.ts';
   import { ConfigError } from './config/config-error.ts';
   await runMain(${main});`,
  );

describe('runMain', () => {
  it('turns a ConfigError into one line and exit code 2', async () => {
    const { code, output } = await runNode(program(`() => { throw new ConfigError('ENGAGE_X', 'is wrong'); }`));
    assert.equal(code, 2);
    assert.equal(output, 'configuration error: ENGAGE_X is wrong\n');
  });
  it('never repeats the value of a secret setting, as a refusal quotes a token given to the wrong variable', async () => {
    const secret = `client-secret-${process.pid}`;
    const { code, output } = await runNode(
      program(`() => { throw new ConfigError('ENGAGE_TOKEN_URL', '"${secret}" is not a URL'); }`),
      { ENGAGE_CLIENT_SECRET: secret, ENGAGE_TOKEN_URL: secret },
    );
    assert.equal(code, 2);
    assert.equal(output, 'configuration error: ENGAGE_TOKEN_URL "[redacted]" is not a URL\n');
  });
  it('turns a ConfigError into one line and exit code 2 at once with exitNow', async () => {
    const { code, output } = await runNode(
      // A timer a host such as Playwright would keep running: exitNow must not wait for it.
      program(
        `() => { setTimeout(() => console.log('went on'), 300); throw new ConfigError('ENGAGE_X', 'is wrong'); }, { exitNow: true }`,
      ),
    );
    assert.equal(code, 2);
    assert.equal(output, 'configuration error: ENGAGE_X is wrong\n');
  });
  it('fails with a line when main waits on something that never finishes', async () => {
    const { code, output } = await runNode(program('() => new Promise(() => {})'));
    assert.equal(code, 1);
    // Node 22 and later also warn of the unsettled top-level await on their own line.
    assert.match(output, /^internal error: the run stopped while waiting on something that never finished$/m);
  });
  it('leaves the code of an exit that main did not wait for, such as an interrupt', async () => {
    const { code, output } = await runNode(
      program('() => { setTimeout(() => process.exit(130), 10); return new Promise(() => {}); }'),
    );
    assert.equal(code, 130);
    assert.equal(output, '');
  });
  it('leaves a finished main alone', async () => {
    const { code, output } = await runNode(program(`async () => { console.log('done'); }`));
    assert.equal(code, 0);
    assert.equal(output, 'done\n');
  });
});
