// What a layer found, as the layers write it for `npm start`'s summary and the summary reads it:
// counts, the first failures with their messages, and why checks were skipped. One shape for
// Playwright's results, the Pact verification and the k6 thresholds.

export interface CheckFailure {
  /** Which check, as its layer names it. */
  check: string;
  /** What was wrong: the field, what was expected, what came. */
  message: string;
}

export interface LayerFindings {
  passed: number;
  failed: number;
  skipped: number;
  /** The first few failures, in the order the layer met them. */
  failures: CheckFailure[];
  /** How many checks were skipped, per reason. */
  skippedBy: Record<string, number>;
  /** Latency figures the layer measured, as "what: value" lines (e2e: single requests). */
  latency?: string[];
}

/** At most this many failures are kept per layer: the first ones say what to fix. */
export const FIRST_FAILURES = 3;
