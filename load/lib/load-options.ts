// The k6 options of a run: the chosen profile's scenario scaled to the target, the thresholds from
// slo.json, and the safety guards (documented rate limit, production). Guards throw with the flag to set.

import {
  DOCUMENTED_LIMIT_SAFE,
  isProfileName,
  PROFILE_NAMES,
  profileScenario,
  rateLimitProblems,
  type Scenario,
  UNLIMITED,
} from './load-profiles.ts';
import { type LoadSettings, LoadSettingsError } from './load-settings.ts';
import { type LookupSlo, lookupThresholds, type Threshold } from './load-thresholds.ts';

export const PRODUCTION_HOSTS = ['api.pexipengage.com'];

export interface LoadOptions {
  scenarios: Record<string, Scenario & { tags: Record<string, string> }>;
  thresholds: Record<string, Threshold[]>;
  summaryTrendStats: string[];
  setupTimeout: string;
}

export function isProductionUrl(baseUrl: string): boolean {
  const host = /^https?:\/\/([^/:]+)/.exec(baseUrl)?.[1]?.toLowerCase();
  return host !== undefined && PRODUCTION_HOSTS.includes(host);
}

export function buildLoadOptions(settings: LoadSettings, slo: LookupSlo): LoadOptions {
  const { profile, targetIsSandbox, allowAboveRateLimit } = settings;
  if (!isProfileName(profile))
    throw new LoadSettingsError(`ENGAGE_LOAD_PROFILE "${profile}" is not one of ${PROFILE_NAMES.join(', ')}`);
  if (isProductionUrl(settings.baseUrl) && profile !== 'smoke' && !settings.confirmProduction) {
    throw new LoadSettingsError(
      `${settings.baseUrl} is production: a ${profile} run there needs --confirm-production (ENGAGE_LOAD_CONFIRM_PRODUCTION=true)`,
    );
  }
  const unlimited = targetIsSandbox || allowAboveRateLimit;
  if (profile === 'breakpoint' && !unlimited) {
    throw new LoadSettingsError(
      'breakpoint ramps past the documented rate limit by design: pass --allow-above-rate-limit (ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true) if the target may take it',
    );
  }
  const scenario = profileScenario(profile, unlimited ? UNLIMITED : DOCUMENTED_LIMIT_SAFE);
  const problems = rateLimitProblems(scenario);
  if (!unlimited && problems.length > 0) {
    throw new LoadSettingsError(
      `the ${profile} profile ${problems.join(' and ')}: pass --allow-above-rate-limit to go above it`,
    );
  }
  return {
    scenarios: { [profile]: { ...scenario, tags: { profile } } },
    thresholds: lookupThresholds(slo),
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
    setupTimeout: '30s',
  };
}
