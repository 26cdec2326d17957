// Proves what blocks a check built on an appointment's first GET: a broken basic 200 blocks every
// check, another appointment only those that read the appointment's own data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockingProblem } from './blocking.ts';

describe('blockingProblem', () => {
  const basic = 'GET appointment 123: HTTP 500, expected 200';
  const otherId = 'GET appointment 123: data.id is "124", expected the requested "123"';
  it('blocks every check when the basic 200 failed', () => {
    assert.equal(blockingProblem({ basic }, 'the basic 200'), basic);
    assert.equal(blockingProblem({ basic }, 'the requested appointment'), basic);
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
