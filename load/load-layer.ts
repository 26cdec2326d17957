// What npm start needs from the load layer, and nothing more: the profiles a run may name, the flags
// of npm run load (a user may give them to npm start), how long a profile runs, where k6 is, whether the load settings make a
// run, how the k6 summary names lookups and their latency, how to read its thresholds and its metrics
// file, why lookups failed, and why setup() stopped a run.
export { failedLookupReasons, LOOKUP_OUTCOME_METRICS } from './failed-lookups.ts';
export { findK6, K6_NOT_FOUND, K6_NOT_FOUND_PROBLEM } from './find-k6.ts';
export { LOAD_FLAGS } from './k6-command.ts';
export { k6Points, readK6Output } from './k6-output.ts';
export { chosenProfile, isProfileName, PROFILE_NAMES, profileSeconds } from './lib/load-profiles.ts';
export {
  LOOKUP_COUNT_METRIC,
  LOOKUP_FAILED_METRIC,
  LOOKUP_LATENCY_METRIC,
  LOOKUP_TAG,
  lookupThresholds,
} from './lib/load-thresholds.ts';
export {
  lookupLatency,
  SETUP_CHECK,
  SETUP_STOPPED,
  type SummaryData,
  thresholdOutcomes,
} from './lib/summary-reports.ts';
export { checkLoadRun } from './load-plan.ts';
