// k6's own variables, which k6 reads from the shell npm run load and npm start hand it: those that
// would change what the load layer judges are refused before k6 starts (a run judged by other rules
// than the suite's could pass whatever the API does); one that weakens TLS is warned of.
import { ConfigError } from '../config/config-error.ts';
import type { Environment } from '../config/environment-files.ts';
import { settingValue } from '../config/setting-value.ts';

/** What k6 reads as true in an on/off variable of its own (Go's strconv.ParseBool). */
const K6_TRUE = /^(1|t|T|TRUE|true|True)$/;

const ownScenario = (profile: string) => `run a scenario of its own in place of the ${profile} profile's`;

/** Each variable that replaces part of the run the profile chose, with what it would do. */
const REPLACING: Record<string, (profile: string) => string> = {
  K6_VUS: ownScenario,
  K6_ITERATIONS: ownScenario,
  K6_DURATION: (profile) => `${ownScenario(profile)} (--duration sets its length)`,
  K6_STAGES: ownScenario,
  K6_RPS: (profile) => `cap the requests per second below what the ${profile} profile asks`,
};

/** Throws a ConfigError for the first k6 variable that would change what the run of `profile` is judged on. */
export function refuseK6Variables(environment: Environment, profile: string): void {
  const noThresholds = settingValue(environment, 'K6_NO_THRESHOLDS');
  if (noThresholds !== undefined && K6_TRUE.test(noThresholds))
    throw new ConfigError(
      'K6_NO_THRESHOLDS',
      `is "${noThresholds}": k6 would judge none of the load layer's thresholds and pass any run, however many lookups failed; unset it`,
    );
  // Set at all, blank included: k6 then judges the run by these alone, and a blank one by none.
  if (environment.K6_THRESHOLDS !== undefined)
    throw new ConfigError(
      'K6_THRESHOLDS',
      `is set ("${environment.K6_THRESHOLDS}"): k6 would judge the run by it in place of the load layer's thresholds, and pass a run they fail; unset it`,
    );
  for (const [name, effect] of Object.entries(REPLACING))
    if (settingValue(environment, name) !== undefined)
      throw new ConfigError(name, `is set: k6 would ${effect(profile)}; unset it`);
}

/** A warning for each k6 variable that weakens what the run checks, without changing its verdict. */
export function k6VariableWarnings(environment: Environment): string[] {
  const insecure = settingValue(environment, 'K6_INSECURE_SKIP_TLS_VERIFY');
  return insecure !== undefined && K6_TRUE.test(insecure)
    ? [
        `warning: K6_INSECURE_SKIP_TLS_VERIFY is "${insecure}": k6 takes any certificate the target shows, where the other layers take only a trusted one (give a private CA in SSL_CERT_FILE instead)`,
      ]
    : [];
}
