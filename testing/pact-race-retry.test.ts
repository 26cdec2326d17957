// Proves that the pact race retry runs an interaction again only for Pact's "not received" after the
// client's own assertions passed, and never hides a request the client did not make or a failure.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { V3MockServer } from '@pact-foundation/pact';
import { withRaceRetry } from './pact-race-retry.ts';

const server = { url: 'http://127.0.0.1:1', port: 1, id: 'x' } as unknown as V3MockServer;
const notReceived = new Error(
  'Mock server failed with the following mismatches: 0) The following request was expected but not received',
);

it('runs once more when Pact says "not received" after the client passed, and then passes', async () => {
  let runs = 0;
  await withRaceRetry(async (tracked) => {
    runs++;
    await tracked(async () => {})(server);
    if (runs === 1) throw notReceived;
  });
  assert.equal(runs, 2);
});

it('fails when the client itself failed, whatever Pact says', async () => {
  let runs = 0;
  await assert.rejects(
    withRaceRetry(async (tracked) => {
      runs++;
      await tracked(async () => {
        throw new Error('the client got no answer');
      })(server).catch(() => {});
      throw notReceived;
    }),
    /expected but not received/,
  );
  assert.equal(runs, 1);
});

it('fails on any other Pact error, and when the second run fails too', async () => {
  let mismatchRuns = 0;
  await assert.rejects(
    withRaceRetry(async (tracked) => {
      mismatchRuns++;
      await tracked(async () => {})(server);
      throw new Error('Mock server failed: a mismatch in the body');
    }),
    /mismatch in the body/,
  );
  assert.equal(mismatchRuns, 1, 'another Pact error is not run again');
  let runs = 0;
  await assert.rejects(
    withRaceRetry(async (tracked) => {
      runs++;
      await tracked(async () => {})(server);
      throw notReceived;
    }),
    /expected but not received/,
  );
  assert.equal(runs, 2);
});
