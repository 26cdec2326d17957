// Proves the one line of counts that npm start prints and writes for each layer.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { countsLine } from './layer-outcome.ts';

it('counts checks as passed, failed and skipped, thresholds as met, crossed and not judged, and interactions as verified or failed', () => {
  const found = { passed: 74, failed: 1, skipped: 11, failures: [], skippedBy: {} };
  assert.equal(countsLine(found), '74 passed, 1 failed, 11 skipped');
  const thresholds = { ...found, counted: 'thresholds' as const };
  assert.equal(countsLine({ ...thresholds, passed: 8, skipped: 0 }), '9 thresholds: 8 met, 1 crossed');
  assert.equal(countsLine({ ...thresholds, passed: 1, failed: 0, skipped: 0 }), '1 threshold: 1 met, 0 crossed');
  assert.equal(
    countsLine({ ...thresholds, passed: 0, failed: 1, skipped: 8 }),
    '9 thresholds: 0 met, 1 crossed, 8 not judged (no samples)',
  );
  const interactions = { ...found, counted: 'interactions' as const, skipped: 0 };
  assert.equal(countsLine({ ...interactions, passed: 3, failed: 1 }), '4 interactions: 3 verified, 1 failed');
  assert.equal(countsLine({ ...interactions, passed: 1, failed: 0 }), '1 interaction: 1 verified, 0 failed');
});
