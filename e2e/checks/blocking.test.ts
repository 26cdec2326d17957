// Proves what blocks a check built on an appointment's first GET (a broken basic 200 blocks every
// check, another appointment only those that read its own data), and that a blocker always fails
// the basic check of its kind, even when that check's own GET met no problem.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockingProblem, withFirstAnswer } from './blocking.ts';

const okJson = 'GET appointment 123: HTTP 500, expected 200';
const schema = 'GET appointment 123: the body does not match the schema: /data/status: must be one of';
const otherId = 'GET appointment 123: data.id is "124", expected the requested "123"';

describe('blockingProblem', () => {
  it('blocks every check when the basic 200 failed', () => {
    for (const first of [{ okJson }, { schema }]) {
      assert.ok(blockingProblem(first, 'the basic 200'));
      assert.ok(blockingProblem(first, 'the requested appointment'));
    }
  });
  it('blocks only the checks of the appointment’s own data when another appointment came', () => {
    assert.equal(blockingProblem({ otherId }, 'the basic 200'), undefined);
    assert.equal(blockingProblem({ otherId }, 'the requested appointment'), otherId);
  });
  it('blocks nothing when the requested appointment came', () => {
    assert.equal(blockingProblem({}, 'the basic 200'), undefined);
    assert.equal(blockingProblem({}, 'the requested appointment'), undefined);
  });
});

describe('withFirstAnswer', () => {
  it("fails a basic check on the first GET's problem of its kind when its own GET met none", () => {
    assert.match(
      withFirstAnswer([], { okJson }, 'okJson').join(),
      /HTTP 500, expected 200 \(on the worker's first GET.*answered them differently\)/,
    );
    assert.match(withFirstAnswer([], { schema }, 'schema').join(), /must be one of \(on the worker's first GET/);
    assert.match(withFirstAnswer([], { otherId }, 'otherId').join(), /data\.id is "124".*\(on the worker's first GET/);
  });
  it('reports its own problems alone, so that one problem is one failure', () => {
    assert.deepEqual(withFirstAnswer(['own problem'], { okJson }, 'okJson'), ['own problem']);
  });
  it('leaves a check alone when the first GET met no problem of its kind', () => {
    assert.deepEqual(withFirstAnswer([], { otherId }, 'okJson'), []);
    assert.deepEqual(withFirstAnswer([], {}, 'schema'), []);
  });
});
