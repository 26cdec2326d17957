// The single-request latency ceiling from slo.json, the same file the load thresholds come from.
// Only answers with the expected status count: a fast 500 says nothing about a lookup.
import slo from '../../slo.json' with { type: 'json' };
import type { Probe } from '../http-probe.ts';
import { type CheckResult, checked } from './check-result.ts';

export const SINGLE_REQUEST_CEILING_MILLISECONDS = slo.singleRequestCeilingMilliseconds;

export interface MeasuredLatency {
  label: string;
  milliseconds: number;
}

export interface TimedRequest {
  path: string;
  /** The status a healthy target answers: any other is a problem, and its time is not measured. */
  status: number;
}

/** Times each request once; any over the ceiling is a problem. The figures come back for the report. */
export async function checkLatency(
  probe: Probe,
  requests: Record<string, TimedRequest>,
  ceilingMilliseconds = SINGLE_REQUEST_CEILING_MILLISECONDS,
): Promise<CheckResult & { measured: MeasuredLatency[] }> {
  const measured: MeasuredLatency[] = [];
  const problems: string[] = [];
  for (const [label, { path, status }] of Object.entries(requests)) {
    const response = await probe(path);
    if (response.status === status) measured.push({ label, milliseconds: Math.round(response.durationMilliseconds) });
    else problems.push(`${label}: HTTP ${response.status}, expected ${status}, so its time is not a measure`);
  }
  problems.push(
    ...measured
      .filter(({ milliseconds }) => milliseconds > ceilingMilliseconds)
      .map(
        ({ label, milliseconds }) =>
          `${label}: ${milliseconds} ms, over the ceiling of ${ceilingMilliseconds} ms (slo.json)`,
      ),
  );
  return { ...checked(problems), measured };
}
