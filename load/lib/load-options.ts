// The k6 options of a run: the chosen profile's scenario scaled to the target, the thresholds from
// slo.json, and the safety guards (documented rate limit, production). Guards name the flag to set.
// They run twice: on the profile when the options are built, and in setup() on the scenarios k6
// really runs (an archive's baked-in options, or CLI overrides such as --vus), once the target is known.

import { SUITE_USER_AGENT } from '../../config/api-facts.ts';
import { ConfigError } from '../../config/config-error.ts';
import {
  type AnyScenario,
  isProfileName,
  PROFILE_NAMES,
  profileScenario,
  rateLimitProblems,
  type Scenario,
  SMOKE_RATE_PER_SECOND,
  safeLimits,
  UNLIMITED,
} from './load-profiles.ts';
import type { RunShape } from './load-settings.ts';
import { type LookupSlo, lookupThresholds, type Threshold } from './load-thresholds.ts';

const PRODUCTION_HOSTS = ['api.pexipengage.com'];

export interface LoadOptions {
  scenarios: Record<string, Scenario & { tags: Record<string, string> }>;
  thresholds: Record<string, Threshold[]>;
  summaryTrendStats: string[];
  setupTimeout: string;
  maxRedirects: number;
  userAgent: string;
}

/** The host of an http(s) URL as DNS compares it: lower case, without the trailing dot(s). */
function normalisedHost(baseUrl: string): string | undefined {
  return /^https?:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(baseUrl)?.[1]?.toLowerCase().replace(/\.+$/, '');
}

export function isProductionUrl(baseUrl: string): boolean {
  const host = normalisedHost(baseUrl);
  return host !== undefined && PRODUCTION_HOSTS.includes(host);
}

const heavierThanSmoke = (scenarios: Record<string, AnyScenario>) =>
  Object.entries(scenarios).some(
    ([name, scenario]) =>
      name !== 'smoke' || scenario.executor !== 'constant-arrival-rate' || (scenario.rate ?? 0) > SMOKE_RATE_PER_SECOND,
  );

/** The one line that refuses `what` (a profile, the scenarios k6 was given) for the guards' problems. */
export const guardRefusal = (what: string, problems: string[]) =>
  `${what} may not run against this target: ${problems.join('; ')}`;

/** How long k6 gives setup(): its token request and readiness GET (lookup.ts) must end within it. */
export const SETUP_TIMEOUT_SECONDS = 60;

/** Why the scenarios may not run against the target; none means they may. */
export function guardProblems(shape: RunShape, scenarios: Record<string, AnyScenario>): string[] {
  const problems: string[] = [];
  if (
    shape.baseUrl !== undefined &&
    isProductionUrl(shape.baseUrl) &&
    !shape.confirmProduction &&
    heavierThanSmoke(scenarios)
  ) {
    problems.push(
      `${shape.baseUrl} is production: anything heavier than smoke there needs ENGAGE_LOAD_CONFIRM_PRODUCTION=true (npm run load: --confirm-production)`,
    );
  }
  if (!shape.targetIsSandbox && !shape.allowAboveRateLimit) {
    for (const [name, scenario] of Object.entries(scenarios)) {
      const above = rateLimitProblems(scenario, shape.rateLimit);
      if (above.length > 0)
        problems.push(
          `the ${name} scenario ${above.join(' and ')}: set ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true (npm run load: --allow-above-rate-limit) to go above the rate limit`,
        );
    }
  }
  return problems;
}

export function buildLoadOptions(shape: RunShape, slo: LookupSlo): LoadOptions {
  const { profile, targetIsSandbox, allowAboveRateLimit } = shape;
  if (!isProfileName(profile))
    throw new ConfigError('ENGAGE_LOAD_PROFILE', `"${profile}" is not one of ${PROFILE_NAMES.join(', ')}`);
  const unlimited = targetIsSandbox || allowAboveRateLimit;
  if (profile === 'breakpoint' && !unlimited) {
    throw new ConfigError(
      'ENGAGE_LOAD_PROFILE',
      'breakpoint ramps past the documented rate limit by design: set ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true (npm run load: --allow-above-rate-limit) if the target may take it',
    );
  }
  const scenario = profileScenario(profile, unlimited ? UNLIMITED : safeLimits(shape.rateLimit), shape.duration);
  const problems = guardProblems(shape, { [profile]: scenario });
  if (problems.length > 0) throw new ConfigError('ENGAGE_LOAD_PROFILE', guardRefusal(profile, problems));
  return {
    scenarios: { [profile]: { ...scenario, tags: { profile } } },
    thresholds: lookupThresholds(slo),
    // count: a latency threshold over no samples (a run stopped in setup()) is shown as not judged.
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
    setupTimeout: `${SETUP_TIMEOUT_SECONDS}s`,
    // The API answers where it is: a redirect is itself the answer (setup() names ENGAGE_BASE_URL
    // for it), and following one would send every lookup twice and measure the hop.
    maxRedirects: 0,
    userAgent: SUITE_USER_AGENT,
  };
}
