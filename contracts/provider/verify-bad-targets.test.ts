// Proves provider verification fails clearly, in time and without a stack trace, against a bad
// target: unreachable, resetting connections, never answering, storming 5xx, malformed JSON, or the
// wrong content type.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BAD_TARGET_KINDS, badTargetEnvironment, badTargetPool } from '../../testing/bad-targets.ts';
import { runEntryPoint } from '../../testing/run-entry-point.ts';

const targets = badTargetPool();
after(() => targets.closeAll());

describe('provider verification against a bad target', { concurrency: 2 }, () => {
  for (const kind of BAD_TARGET_KINDS) {
    it(`fails clearly and in time when the target ${kind === 'unreachable' ? 'is unreachable' : kind}`, async () => {
      const started = performance.now();
      const { code, output } = await runEntryPoint(
        'contracts/provider/verify-provider.ts',
        badTargetEnvironment((await targets.start(kind)).url),
      );
      assert.equal(code, 1, output);
      assert.match(
        output,
        /^provider verification failed: (\d+ interaction\(s\) did not match the pact|the target http:\/\/127\.0\.0\.1:\d+ (could not be reached \(\w+\)|did not answer within 1\.5 s))/m,
      );
      assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
      assert.ok(performance.now() - started < 30_000, 'bounded in time');
    });
  }
});
