// Pass/fail thresholds from slo.json, the file the e2e latency ceiling reads too: lookup latency
// (p95, p99) over 200s only, failed lookups (429s included), checks, at least one lookup answered 200,
// no 200 with a wrong body, and an abort where a run is clearly lost.

export interface LookupSlo {
  p95Milliseconds: number;
  p99Milliseconds: number;
  maxFailedRequestRate: number;
  minCheckPassRate: number;
}

export type Threshold = string | { threshold: string; abortOnFail: boolean; delayAbortEval: string };

/** A threshold's expression, as k6's summary names it. */
export const thresholdText = (given: Threshold) => (typeof given === 'string' ? given : given.threshold);

/**
 * Each of the `given` thresholds ("metric expression") that k6 will not judge: k6 judges the ones of
 * its options (`judged`, exec.test.options.thresholds), which K6_THRESHOLDS or a config file replace.
 */
export function unjudgedThresholds(
  given: Record<string, Threshold[]>,
  judged: Record<string, Threshold[]> | undefined,
): string[] {
  return Object.entries(given).flatMap(([metric, thresholds]) =>
    thresholds
      .map(thresholdText)
      .filter((text) => !(judged?.[metric] ?? []).some((other) => thresholdText(other) === text))
      .map((text) => `${metric} ${text}`),
  );
}

/** The tag every lookup request carries, so that the thresholds look at lookups only. */
export const LOOKUP_TAG = 'appointment-by-id';
/** Lookup latency, judged over 200s only: a fast 500 is not a fast lookup. */
export const LOOKUP_LATENCY_METRIC = `http_req_duration{name:${LOOKUP_TAG},status:200}`;
/**
 * Lookups answered anything but 200 (a 429 included), as a rate. Lookups only: a token request the
 * endpoint refused once, while the VU's token still held, failed no lookup (token_refresh_failures counts it).
 */
export const LOOKUP_FAILED_METRIC = `http_req_failed{name:${LOOKUP_TAG}}`;
/** Failed lookups, counted by reason (tag `problem`), in k6's `--out json` file. */
export const LOOKUP_PROBLEMS_METRIC = 'lookup_problems';
/** The reason of a lookup answered 429. */
export const RATE_LIMITED_PROBLEM = 'rate limited (429)';
/**
 * Lookups answered 200 with a body that is not the appointment asked for (not JSON, another id, a
 * field off): no matter of load, so none is allowed, where the checks' 1 % budget grows with the run.
 */
export const BAD_BODY_METRIC = 'lookup_bad_bodies';
/** Lookups answered 200: a run with none fails, however its other figures look. */
export const LOOKUP_COUNT_METRIC = `http_reqs{name:${LOOKUP_TAG},status:200}`;

export function lookupThresholds(slo: LookupSlo): Record<string, Threshold[]> {
  const abort = (threshold: string): Threshold => ({ threshold, abortOnFail: true, delayAbortEval: '10s' });
  return {
    [LOOKUP_LATENCY_METRIC]: [
      `p(95)<${slo.p95Milliseconds}`,
      `p(99)<${slo.p99Milliseconds}`,
      // Ten times the objective is no longer a slow run but a broken one.
      abort(`p(95)<${slo.p95Milliseconds * 10}`),
    ],
    [LOOKUP_COUNT_METRIC]: ['count>0'],
    [LOOKUP_FAILED_METRIC]: [`rate<${slo.maxFailedRequestRate}`, abort('rate<0.5')],
    checks: [`rate>${slo.minCheckPassRate}`, abort('rate>0.5')],
    [BAD_BODY_METRIC]: ['count==0'],
  };
}
