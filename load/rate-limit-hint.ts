// What `npm run load` ends with when a real target rate-limited lookups that the run kept under its
// limit: the docs allow an endpoint a lower limit than the documented one, which a run can be told.
// npm run load keeps it in summary.json too, for npm start's report to give beside the failed lookups.
import type { RateLimit } from '../config/api-facts.ts';
import { limitSetting, RATE_LIMIT_SETTINGS } from './lib/load-profiles.ts';
import { RATE_LIMITED_PROBLEM } from './lib/load-thresholds.ts';

export interface HintedRun {
  /** A real target: the sandbox's limit is the suite's own. */
  remote: boolean;
  /** The run was allowed above the limit, so 429s are what it asked for. */
  allowAboveRateLimit: boolean;
  limit: RateLimit;
}

/** What 429s among the failed lookups (`counts`, as failedLookupCounts gives them) may mean, or undefined. */
export function rateLimitHint(counts: Array<[string, number]> | undefined, run: HintedRun): string | undefined {
  const limited = counts?.find(([problem]) => problem === RATE_LIMITED_PROBLEM)?.[1];
  if (limited === undefined || !run.remote || run.allowAboveRateLimit) return undefined;
  const { perMinute, concurrent } = run.limit;
  const settings = `${RATE_LIMIT_SETTINGS.perMinute} and ${RATE_LIMIT_SETTINGS.concurrent}`;
  const perMinuteFrom = limitSetting(run.limit, 'perMinute');
  const concurrentFrom = limitSetting(run.limit, 'concurrent');
  if (perMinuteFrom === undefined && concurrentFrom === undefined)
    return `the target answered 429 to ${limited} lookups sent under the documented rate limit (${perMinute} requests a minute, ${concurrent} at once): the docs allow an endpoint a lower one; if this one has it, give it in ${settings}, and the profiles stay under it`;
  return `the target answered 429 to ${limited} lookups sent under ${perMinute} requests a minute (${perMinuteFrom ?? 'documented'}) and ${concurrent} at once (${concurrentFrom ?? 'documented'}): its limit is lower still, or other clients share it; lower ${settings}, or ask the API's owners`;
}
