// Proves the tests' way of waiting on a program they started: it returns once the condition holds,
// and fails with the program's output as soon as the program ends without it, instead of hanging;
// and that a program a test runs inherits none of the CI's git variables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GIT_VERSION_VARIABLES } from '../contracts/git-version.ts';
import { runNode, startProgram, waitWhileRunning } from '../testing/run-entry-point.ts';

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

describe('runNode', () => {
  it("hands the program none of the CI's git variables, only the ones the test sets", async () => {
    // A pull request's CI job: GitHub sets these for every step, npm test's included.
    const ci = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'their-branch', CI_COMMIT_TAG: 'v1' };
    Object.assign(process.env, ci);
    try {
      const { output } = await runNode(
        [
          '-e',
          `console.log(JSON.stringify(${JSON.stringify(GIT_VERSION_VARIABLES)}.map((name) => process.env[name])))`,
        ],
        { GITHUB_SHA: 'set-by-the-test' },
      );
      const seen = JSON.parse(output) as Array<string | null>;
      assert.deepEqual(
        Object.fromEntries(
          GIT_VERSION_VARIABLES.flatMap((name, index) => (seen[index] === null ? [] : [[name, seen[index]]])),
        ),
        { GITHUB_SHA: 'set-by-the-test' },
      );
    } finally {
      for (const name of Object.keys(ci)) delete process.env[name];
    }
  });
});
