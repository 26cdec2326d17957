// Why a load run's lookups failed, for the line after a crossed checks or bad-body threshold in
// `npm run load` and `npm start`, or after a passing run with failed lookups within its budget: the
// reasons counted in lookup_problems, read from k6's `--out json` file.
import { existsSync, readFileSync } from 'node:fs';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { k6Points, readK6Output } from './k6-output.ts';
import { BAD_BODY_METRIC, LOOKUP_PROBLEMS_METRIC } from './lib/load-thresholds.ts';

/** The thresholds whose crossing failed lookups explain. */
export const LOOKUP_OUTCOME_METRICS: readonly string[] = ['checks', BAD_BODY_METRIC];

/**
 * Whether the run's summary shows failed lookups: a failed check, or a crossed checks or bad-body
 * threshold (k6 counts one over no samples as met).
 */
function lookupsFailed(reports: string): boolean {
  const file = inReports(reports, REPORT_FILES.loadSummary);
  if (!existsSync(file)) return false;
  try {
    const summary = JSON.parse(readFileSync(file, 'utf8')) as {
      metrics?: Record<string, { values?: { fails?: number }; thresholds?: Record<string, { ok: boolean }> }>;
    };
    if ((summary.metrics?.checks?.values?.fails ?? 0) > 0) return true;
    return LOOKUP_OUTCOME_METRICS.some((metric) =>
      Object.values(summary.metrics?.[metric]?.thresholds ?? {}).some((threshold) => !threshold.ok),
    );
  } catch {
    return false;
  }
}

/**
 * Each reason lookups failed for, with its count, most first; undefined unless the summary shows
 * failed lookups: the metrics file, large after a long run, is read only then.
 */
export function failedLookupCounts(reports: string): Array<[string, number]> | undefined {
  if (!lookupsFailed(reports)) return undefined;
  const text = readK6Output(inReports(reports, REPORT_FILES.loadMetrics));
  const counts = new Map<string, number>();
  for (const { value, tags } of text === undefined ? [] : k6Points(text, LOOKUP_PROBLEMS_METRIC)) {
    const problem = tags.problem ?? 'unknown';
    counts.set(problem, (counts.get(problem) ?? 0) + value);
  }
  return counts.size === 0 ? undefined : [...counts].sort((a, b) => b[1] - a[1]);
}

/** The counts as one line: "HTTP 503 (24), 200 body: data.id is not the id asked for (1)". */
export const reasonsLine = (counts: Array<[string, number]>) =>
  counts.map(([problem, count]) => `${problem} (${count})`).join(', ');

/** failedLookupCounts as one line. */
export function failedLookupReasons(reports: string): string | undefined {
  const counts = failedLookupCounts(reports);
  return counts === undefined ? undefined : reasonsLine(counts);
}
