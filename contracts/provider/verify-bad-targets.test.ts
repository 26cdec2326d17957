// Proves provider verification fails clearly, in time and without a stack trace, against a bad
// target: unreachable, resetting connections, never answering, storming 5xx, malformed JSON, or the
// wrong content type. The verifications run in turn in one process (verifyInTurn).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BAD_TARGET_KINDS, badTargetEnvironment, badTargetPool } from '../../testing/bad-targets.ts';
import { verifyInTurn } from '../../testing/verify-in-turn.ts';

const targets = badTargetPool();
after(() => targets.closeAll());

describe('provider verification against a bad target', () => {
  let runs: Awaited<ReturnType<typeof verifyInTurn>>;
  before(async () => {
    const environments = [];
    for (const kind of BAD_TARGET_KINDS) environments.push(badTargetEnvironment((await targets.start(kind)).url));
    runs = await verifyInTurn(environments);
  });
  // What each kind of bad target fails with: its own reason, not any failure.
  const failsWith: Record<(typeof BAD_TARGET_KINDS)[number], RegExp> = {
    unreachable:
      /^provider verification failed: the target http:\/\/127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)/m,
    'resets connections':
      /^provider verification failed: the target http:\/\/127\.0\.0\.1:\d+ could not be reached \(ECONNRESET\)/m,
    'never answers':
      /^provider verification failed: the target http:\/\/127\.0\.0\.1:\d+ did not answer within 1\.5 s/m,
    'storms of 5xx':
      /has status code 200 \(FAILED\)[\s\S]*^provider verification failed: \d+ interaction\(s\) did not match/m,
    'malformed JSON':
      /Failed to parse the actual body[\s\S]*^provider verification failed: \d+ interaction\(s\) did not match/m,
    'wrong content type':
      /Expected header 'Content-Type' to have value 'application\/json; charset=utf-8' but was 'text\/html'[\s\S]*^provider verification failed: \d+ interaction\(s\) did not match/m,
  };
  for (const [index, kind] of BAD_TARGET_KINDS.entries()) {
    it(`fails clearly and in time when the target ${kind === 'unreachable' ? 'is unreachable' : kind}`, () => {
      const { code, output, milliseconds } = runs[index] as (typeof runs)[number];
      assert.equal(code, 1, output);
      assert.match(output, failsWith[kind]);
      assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
      assert.ok(milliseconds < 30_000, `bounded in time (${milliseconds} ms)`);
    });
  }
});
