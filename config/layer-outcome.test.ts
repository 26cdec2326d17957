// Proves the one line of counts that npm start prints and writes for each layer.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { countsLine } from './layer-outcome.ts';

it('counts checks as passed, failed and skipped, and thresholds as met and crossed', () => {
  const found = { passed: 74, failed: 1, skipped: 11, failures: [], skippedBy: {} };
  assert.equal(countsLine(found), '74 passed, 1 failed, 11 skipped');
  assert.equal(countsLine({ ...found, passed: 8, counted: 'thresholds' }), '9 thresholds: 8 met, 1 crossed');
  assert.equal(countsLine({ ...found, passed: 1, failed: 0, counted: 'thresholds' }), '1 threshold: 1 met, 0 crossed');
});
