// Proves the benchmarks' statistics: rounds come in pairs of both orders, and the ratio pairs each
// round's two figures, then each two rounds, instead of dividing the two sides' medians.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { baselineFirst, median, pairedRatio, pairedRounds, roundCount } from './paired-rounds.ts';

it('runs an even number of rounds, the baseline first in every other one', () => {
  assert.equal(roundCount(undefined), 6);
  assert.equal(roundCount('5'), 6);
  assert.equal(roundCount('1'), 2);
  assert.equal(roundCount('x'), 2);
  assert.deepEqual([1, 2, 3, 4].map(baselineFirst), [true, false, true, false]);
});

it("pairs each round's figures, then each two rounds of both orders, and takes the median", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5, 'an even count: the mean of the two middle values, not the upper one');
  // The true ratio is 0.8, the side that runs second loses 10 %, and the machine slows after two
  // rounds: the rounds' own ratios alternate 0.72 and 0.89 with the order, and each pair of them is 0.8.
  const baseline = [100, 90, 50, 45, 50, 45];
  const measured = [72, 80, 36, 40, 36, 40];
  assert.ok(Math.abs(pairedRatio(measured, baseline) - 0.8) < 1e-9, String(pairedRatio(measured, baseline)));
  // One round alone says 0.72 or 0.89, whichever side went first.
  assert.deepEqual(pairedRatio(measured.slice(0, 1), baseline.slice(0, 1)).toFixed(2), (72 / 100).toFixed(2));
});

it('measures both sides in each round, the baseline first in odd rounds, and reports each round as it ends', async () => {
  const order: string[] = [];
  const heard: string[] = [];
  const figures = await pairedRounds(
    'here',
    'there',
    4,
    (side) => {
      order.push(side);
      return order.length;
    },
    (round, { measured, baseline }) => heard.push(`${round}: ${measured}/${baseline}`),
  );
  assert.deepEqual(order, ['there', 'here', 'here', 'there', 'there', 'here', 'here', 'there']);
  assert.deepEqual(figures, { measured: [2, 3, 6, 7], baseline: [1, 4, 5, 8] });
  assert.deepEqual(heard, ['1: 2/1', '2: 3/4', '3: 6/5', '4: 7/8']);
});

it('stops at the first measurement that fails', async () => {
  let calls = 0;
  await assert.rejects(
    pairedRounds('here', 'there', 2, async (side) => {
      calls++;
      if (side === 'here') throw new Error('npm test failed');
      return 1;
    }),
    /npm test failed/,
  );
  assert.equal(calls, 2);
});
