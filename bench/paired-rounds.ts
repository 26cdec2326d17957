// The rounds of the A/B benchmarks and their statistics: each round measures both sides seconds
// apart, the side that goes first alternating (the second run of a round is often slower); a ratio
// pairs each round with the next, of the other order, so that both the VM's drift and the order cancel.

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** BENCH_ROUNDS (default 6), made even so that each order runs as often as the other. */
export function roundCount(raw: string | undefined): number {
  const asked = Number(raw ?? 6);
  return Number.isFinite(asked) && asked > 1 ? 2 * Math.ceil(asked / 2) : 2;
}

/** Whether the baseline runs first in `round` (1, 2, …): odd rounds yes, even rounds no. */
export const baselineFirst = (round: number) => round % 2 === 1;

/**
 * The ratio measured / baseline: per round, then the geometric mean of each two rounds (one of each
 * order), then the median of those.
 */
export function pairedRatio(measured: number[], baseline: number[]): number {
  const ratios = measured.map((value, round) => value / (baseline[round] as number));
  const pairs: number[] = [];
  for (let round = 0; round + 1 < ratios.length; round += 2)
    pairs.push(Math.sqrt((ratios[round] as number) * (ratios[round + 1] as number)));
  return median(pairs.length > 0 ? pairs : ratios);
}

/**
 * Measures both sides once per round, in `rounds` rounds, the baseline first in odd ones; `onRound`
 * hears each round's two figures as it ends. Stops at the first measurement that throws.
 */
export function pairedRounds<Side>(
  measured: Side,
  baseline: Side,
  rounds: number,
  measure: (side: Side) => number,
  onRound: (round: number, figures: { measured: number; baseline: number }) => void = () => {},
): { measured: number[]; baseline: number[] } {
  const figures = { measured: [] as number[], baseline: [] as number[] };
  for (let round = 1; round <= rounds; round++) {
    const order = baselineFirst(round) ? (['baseline', 'measured'] as const) : (['measured', 'baseline'] as const);
    const taken = { measured: 0, baseline: 0 };
    for (const side of order) taken[side] = measure(side === 'measured' ? measured : baseline);
    figures.measured.push(taken.measured);
    figures.baseline.push(taken.baseline);
    onRound(round, taken);
  }
  return figures;
}
