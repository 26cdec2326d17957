// Proves the benchmarks' statistics: the ratio pairs each round's two figures, not the two medians.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { median, pairedRatio } from './paired-rounds.ts';

it("takes the median of each round's own ratio, not the ratio of the two sides' medians", () => {
  assert.equal(median([3, 1, 2]), 2);
  // The machine slows down after the first round: the rounds' ratios are 0.7, 0.9 and 0.7, while the
  // medians of each side apart (36 and 40) would pair figures from different rounds and say 0.9.
  const baseline = [100, 40, 30];
  const measured = [70, 36, 21];
  assert.equal(pairedRatio(measured, baseline), 0.7);
  assert.equal(median(measured) / median(baseline), 0.9);
});
