// The single-request latency ceiling from slo.json, the same file the load thresholds come from.
// Only answers with the expected status count: a fast 500 says nothing about a lookup. A request
// over the ceiling is tried once more: one cold connection is no slow API.
import { randomUUID } from 'node:crypto';
import { appointmentPath } from '../../config/api-facts.ts';
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
  /** The headers of each try, made anew for each (a correlation id is one a request). */
  headers?: () => Record<string, string>;
}

/**
 * What the latency spec times: the appointment, the appointment as the docs' own request and as a
 * browser ask for it (a provider slow to resolve a language is slow for its users), and an unknown
 * appointment.
 */
export function latencyRequests(target: {
  enterprise: string;
  appointmentId: string;
  missingAppointmentId: string;
}): Record<string, TimedRequest> {
  const path = appointmentPath(target.enterprise, target.appointmentId);
  return {
    'an existing appointment': { path, status: 200 },
    "an existing appointment, with the docs' headers": {
      path,
      status: 200,
      headers: () => ({ 'accept-language': 'en *', 'x-correlation-id': randomUUID() }),
    },
    // A weighted list, as every browser sends: a provider may be slow to sort weights only.
    "an existing appointment, with a browser's Accept-Language": {
      path,
      status: 200,
      headers: () => ({ 'accept-language': 'en-US,en;q=0.9,nl;q=0.8' }),
    },
    'an unknown appointment': { path: appointmentPath(target.enterprise, target.missingAppointmentId), status: 404 },
  };
}

/** Tries per request: one cold connection or TLS handshake is no slow API; a second slow answer is one. */
export const LATENCY_TRIES = 2;

/**
 * Times each request, up to LATENCY_TRIES times until one answers under the ceiling; a request whose
 * fastest answer is over it is a problem. The figures (each request's fastest) come back for the report.
 */
export async function checkLatency(
  probe: Probe,
  requests: Record<string, TimedRequest>,
  ceilingMilliseconds = SINGLE_REQUEST_CEILING_MILLISECONDS,
): Promise<CheckResult & { measured: MeasuredLatency[] }> {
  const measured: MeasuredLatency[] = [];
  const problems: string[] = [];
  for (const [label, { path, status, headers }] of Object.entries(requests)) {
    let fastest = Number.POSITIVE_INFINITY;
    let tries = 0;
    while (tries < LATENCY_TRIES && fastest > ceilingMilliseconds) {
      tries++;
      const response = await probe(path, headers?.());
      if (response.status !== status) {
        problems.push(`${label}: HTTP ${response.status}, expected ${status}, so its time is not a measure`);
        break;
      }
      fastest = Math.min(fastest, Math.round(response.durationMilliseconds));
    }
    if (!Number.isFinite(fastest)) continue;
    measured.push({ label, milliseconds: fastest });
    if (fastest > ceilingMilliseconds)
      problems.push(
        `${label}: ${fastest} ms at best of ${tries} tries, over the ceiling of ${ceilingMilliseconds} ms (slo.json)`,
      );
  }
  return { ...checked(problems), measured };
}
