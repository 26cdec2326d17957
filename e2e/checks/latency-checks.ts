// The single-request latency ceiling from slo.json, the same file the load thresholds come from.
import slo from '../../slo.json' with { type: 'json' };
import type { Probe } from '../http-probe.ts';
import { type CheckResult, checked } from './check-result.ts';

export const SINGLE_REQUEST_CEILING_MILLISECONDS = slo.singleRequestCeilingMilliseconds;

export interface MeasuredLatency {
  label: string;
  milliseconds: number;
}

/** Times each request once; any over the ceiling is a problem. The figures come back for the report. */
export async function checkLatency(
  probe: Probe,
  requests: Record<string, string>,
  ceilingMilliseconds = SINGLE_REQUEST_CEILING_MILLISECONDS,
): Promise<CheckResult & { measured: MeasuredLatency[] }> {
  const measured: MeasuredLatency[] = [];
  for (const [label, path] of Object.entries(requests)) {
    measured.push({ label, milliseconds: Math.round((await probe(path)).durationMilliseconds) });
  }
  const problems = measured
    .filter(({ milliseconds }) => milliseconds > ceilingMilliseconds)
    .map(
      ({ label, milliseconds }) =>
        `${label}: ${milliseconds} ms, over the ceiling of ${ceilingMilliseconds} ms (slo.json)`,
    );
  return { ...checked(problems), measured };
}
