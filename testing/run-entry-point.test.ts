// Proves the tests' way of waiting on a program they started: it returns once the condition holds,
// and fails with the program's output as soon as the program ends without it, instead of hanging.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startProgram, waitWhileRunning } from '../testing/run-entry-point.ts';

const node = (code: string) => startProgram(process.execPath, ['-e', code], { PATH: process.env.PATH });

describe('waitWhileRunning', () => {
  it('returns once the condition holds', async () => {
    const run = node('console.log("ready"); setTimeout(() => {}, 5000)');
    await waitWhileRunning(run, () => run.output().includes('ready'), 'it was ready');
    run.child.kill();
  });

  it('fails at once, naming what it waited for, with the output, when the program ends first', async () => {
    const run = node('console.log("refused: no target"); process.exit(2)');
    const started = Date.now();
    await assert.rejects(
      waitWhileRunning(run, () => run.output().includes('ready'), 'it was ready'),
      /^Error: the program ended before it was ready:\nrefused: no target\n$/,
    );
    assert.ok(Date.now() - started < 5000);
  });

  it('fails after its timeout when the program neither ends nor gets there, and stops it', async () => {
    const run = node('setTimeout(() => {}, 60_000)');
    await assert.rejects(
      waitWhileRunning(run, () => false, 'it was ready', 300),
      /300 ms passed before it was ready/,
    );
    assert.equal(await run.exited, null, 'stopped by a signal');
  });
});
