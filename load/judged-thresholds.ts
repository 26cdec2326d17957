// Whether k6 judged any threshold of a run it passed, read from the run's summary.json: k6 passes a
// run it judged none of (K6_NO_THRESHOLDS, --no-thresholds, from wherever they came), and no verdict
// is no pass.
import { readFileSync } from 'node:fs';

/** True when `summaryFile` holds k6's metrics and none of them carries a threshold result. */
export function judgedNoThreshold(summaryFile: string): boolean {
  try {
    const { metrics } = JSON.parse(readFileSync(summaryFile, 'utf8')) as {
      metrics?: Record<string, { thresholds?: Record<string, unknown> }>;
    };
    return (
      metrics !== undefined &&
      Object.values(metrics).every(({ thresholds = {} }) => Object.keys(thresholds).length === 0)
    );
  } catch {
    return false;
  }
}
