// The statistics of the A/B benchmarks, whose rounds each measure both sides seconds apart: medians,
// and the ratio of the two sides as the median of each round's own ratio, in which the VM's drift
// between rounds, moving both sides alike, cancels out.

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The median over the rounds of `measured[i] / baseline[i]`. */
export function pairedRatio(measured: number[], baseline: number[]): number {
  return median(measured.map((value, round) => value / (baseline[round] as number)));
}
