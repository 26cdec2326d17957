// The rounds of the A/B benchmarks and their statistics: each round measures both sides seconds
// apart, the side that goes first alternating (the second run of a round is often slower); a ratio
// pairs each round with the next, of the other order, so that both the VM's drift and the order cancel.

/** The middle value, or the mean of the two middle ones of an even count (a pair of rounds is not its slower round). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

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
export async function pairedRounds<Side>(
  measured: Side,
  baseline: Side,
  rounds: number,
  measure: (side: Side) => Promise<number> | number,
  onRound: (round: number, figures: { measured: number; baseline: number }) => void = () => {},
): Promise<{ measured: number[]; baseline: number[] }> {
  const figures = { measured: [] as number[], baseline: [] as number[] };
  for (let round = 1; round <= rounds; round++) {
    const order = baselineFirst(round) ? (['baseline', 'measured'] as const) : (['measured', 'baseline'] as const);
    const taken = { measured: 0, baseline: 0 };
    for (const side of order) taken[side] = await measure(side === 'measured' ? measured : baseline);
    figures.measured.push(taken.measured);
    figures.baseline.push(taken.baseline);
    onRound(round, taken);
  }
  return figures;
}
