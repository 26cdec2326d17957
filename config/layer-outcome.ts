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
  /**
   * What the counts are of: checks, unless they are k6's thresholds (the load layer): then passed is
   * met, failed is crossed, and skipped is not judged (its metric had no samples); or the pact's
   * interactions as provider verification saw them (the contracts layer): verified or failed.
   */
  counted?: 'thresholds' | 'interactions';
}

/** The words for a k6 threshold's result, in every summary, report and count of the suite. */
export const THRESHOLD_RESULT = { met: 'met', crossed: 'crossed', notJudged: 'not judged (no samples)' } as const;

/**
 * The counts in one line: "74 passed, 0 failed, 11 skipped", for thresholds "9 thresholds: 9 met, 0
 * crossed", for interactions "4 interactions: 4 verified, 0 failed".
 */
export function countsLine(findings: LayerFindings): string {
  if (findings.counted === 'interactions') {
    const total = findings.passed + findings.failed;
    return `${total === 1 ? '1 interaction' : `${total} interactions`}: ${findings.passed} verified, ${findings.failed} failed`;
  }
  if (findings.counted !== 'thresholds')
    return `${findings.passed} passed, ${findings.failed} failed, ${findings.skipped} skipped`;
  const total = findings.passed + findings.failed + findings.skipped;
  const { met, crossed, notJudged } = THRESHOLD_RESULT;
  const unjudged = findings.skipped > 0 ? `, ${findings.skipped} ${notJudged}` : '';
  return `${total === 1 ? '1 threshold' : `${total} thresholds`}: ${findings.passed} ${met}, ${findings.failed} ${crossed}${unjudged}`;
}

/** At most this many failures are kept per layer: the first ones say what to fix. */
export const FIRST_FAILURES = 3;
