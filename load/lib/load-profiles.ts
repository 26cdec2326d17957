// The load profiles in one place (smoke, average, stress, spike, soak, breakpoint) as k6 scenarios,
// scaled to what the target allows: under a real environment's documented rate limit (api-facts.ts)
// unless a run explicitly allows going above it.
import { DOCUMENTED_RATE_LIMIT, type RateLimit } from '../../config/api-facts.ts';
import { ConfigError } from '../../config/config-error.ts';
import { settingValue } from '../../config/setting-value.ts';

export interface TargetLimits {
  /** Arrivals per second at the peak of the heaviest profile. */
  peakRatePerSecond: number;
  maxVUs: number;
}

/** The share of a limit's rate the profiles peak at, leaving room for other clients. */
const SAFE_SHARE = 0.8;
/** 80 % of a limit's rate (40 a second of the documented 3,000 a minute), and its concurrency. */
export const safeLimits = (limit: RateLimit): TargetLimits => ({
  peakRatePerSecond: (SAFE_SHARE * limit.perMinute) / 60,
  maxVUs: limit.concurrent,
});
/** The settings of a target's own limit, when lower than the documented one (the docs allow that per endpoint). */
export const RATE_LIMIT_SETTINGS = {
  perMinute: 'ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE',
  concurrent: 'ENGAGE_LOAD_RATE_LIMIT_CONCURRENT',
} as const;
/** The setting one figure of a limit came from, or undefined for the documented figure. */
export const limitSetting = (limit: RateLimit, field: keyof RateLimit): string | undefined =>
  limit[field] === DOCUMENTED_RATE_LIMIT[field] ? undefined : RATE_LIMIT_SETTINGS[field];
export const DOCUMENTED_LIMIT_SAFE: TargetLimits = safeLimits(DOCUMENTED_RATE_LIMIT);
/** The sandbox, or a target whose owner allowed going above the documented limit. */
export const UNLIMITED: TargetLimits = { peakRatePerSecond: 400, maxVUs: 50 };

export interface Stage {
  duration: string;
  target: number;
}

export type Scenario =
  | {
      executor: 'constant-arrival-rate';
      rate: number;
      timeUnit: '1s';
      duration: string;
      preAllocatedVUs: number;
      maxVUs: number;
    }
  | {
      executor: 'ramping-arrival-rate';
      startRate: number;
      timeUnit: '1s';
      stages: Stage[];
      preAllocatedVUs: number;
      maxVUs: number;
    };

export const PROFILE_NAMES = ['smoke', 'average', 'stress', 'spike', 'soak', 'breakpoint'] as const;
/** The profile of a run that names none. */
export const DEFAULT_PROFILE = 'smoke';
/** Smoke's arrivals a second: what production allows without --confirm-production. */
export const SMOKE_RATE_PER_SECOND = 2;
/** The lowest limit a run may give: one that smoke's rate stays under (150 a minute, 80 % of which is 2 a second). */
export const LEAST_RATE_LIMIT_PER_MINUTE = Math.ceil((SMOKE_RATE_PER_SECOND * 60) / SAFE_SHARE);
export type ProfileName = (typeof PROFILE_NAMES)[number];

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

/**
 * The profile a run asks for, as npm start and npm run load both read it: the --profile flag when
 * given, else ENGAGE_LOAD_PROFILE, else smoke; an unknown one is a ConfigError naming where it came from.
 */
export function chosenProfile(flag: string | undefined, environment: Readonly<Record<string, string | undefined>>) {
  const [source, name] =
    flag !== undefined
      ? ['--profile', flag]
      : ['ENGAGE_LOAD_PROFILE', settingValue(environment, 'ENGAGE_LOAD_PROFILE') ?? DEFAULT_PROFILE];
  if (!isProfileName(name)) throw new ConfigError(source, `"${name}" is not one of ${PROFILE_NAMES.join(', ')}`);
  return name;
}

/**
 * The scenario of a profile for a target's limits; rates are whole arrivals per second. `duration`
 * replaces the length of the constant-rate profiles (smoke, soak).
 */
export function profileScenario(name: ProfileName, limits: TargetLimits, duration?: string): Scenario {
  const vus = { preAllocatedVUs: Math.min(2, limits.maxVUs), maxVUs: limits.maxVUs };
  // Stages as [duration, share of the peak rate].
  const ramping = (...stages: Array<[string, number]>): Scenario => ({
    executor: 'ramping-arrival-rate',
    startRate: 1,
    timeUnit: '1s',
    ...vus,
    stages: stages.map(([duration, share]) => ({
      duration,
      target: share === 0 ? 0 : Math.max(1, Math.floor(limits.peakRatePerSecond * share)),
    })),
  });
  switch (name) {
    case 'smoke':
      return {
        executor: 'constant-arrival-rate',
        rate: SMOKE_RATE_PER_SECOND,
        timeUnit: '1s',
        duration: duration ?? '15s',
        preAllocatedVUs: 1,
        maxVUs: Math.min(2, limits.maxVUs),
      };
    case 'average':
      return ramping(['1m', 0.5], ['3m', 0.5], ['30s', 0]);
    case 'stress':
      return ramping(['2m', 0.9], ['5m', 0.9], ['1m', 0]);
    case 'spike':
      return ramping(['30s', 0.1], ['10s', 1], ['1m', 1], ['10s', 0.1], ['30s', 0]);
    case 'soak':
      return {
        executor: 'constant-arrival-rate',
        rate: Math.max(1, Math.floor(limits.peakRatePerSecond * 0.5)),
        timeUnit: '1s',
        duration: duration ?? '1h',
        ...vus,
      };
    case 'breakpoint':
      return ramping(['10m', 1]);
  }
}
/** How long a profile's scenario runs, in seconds (`duration` as profileScenario takes it); NaN for a bad duration. */
export function profileSeconds(name: ProfileName, duration?: string): number {
  const scenario = profileScenario(name, DOCUMENTED_LIMIT_SAFE, duration);
  return scenario.executor === 'constant-arrival-rate'
    ? durationSeconds(scenario.duration)
    : scenario.stages.reduce((total, stage) => total + durationSeconds(stage.duration), 0);
}

/** A k6 duration ("1s", "1m0s", "500ms", "1h30m") in seconds; NaN when it is not one. */
export function durationSeconds(duration: string | number): number {
  if (typeof duration === 'number') return duration / 1000;
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== duration) return Number.NaN;
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * (units[unit as string] as number), 0);
}

/** Any scenario as k6 reports it in exec.test.options, whatever its executor. */
export interface AnyScenario {
  executor: string;
  rate?: number;
  startRate?: number;
  timeUnit?: string | number;
  stages?: Stage[];
  vus?: number;
  maxVUs?: number;
  startVUs?: number;
}

/**
 * The peak arrivals per minute and the VUs a scenario may run at once. An executor that is not
 * arrival-rate starts the next iteration as soon as one ends, so its rate has no bound: Infinity.
 */
export function scenarioPeak(scenario: AnyScenario): { perMinute: number; concurrent: number } {
  const stageTargets = (scenario.stages ?? []).map((stage) => stage.target);
  if (scenario.executor === 'constant-arrival-rate' || scenario.executor === 'ramping-arrival-rate') {
    const arrivals =
      scenario.executor === 'constant-arrival-rate'
        ? (scenario.rate ?? 0)
        : Math.max(scenario.startRate ?? 0, ...stageTargets);
    const perSecond = arrivals / durationSeconds(scenario.timeUnit ?? '1s');
    return { perMinute: perSecond * 60, concurrent: scenario.maxVUs ?? 0 };
  }
  return {
    perMinute: Number.POSITIVE_INFINITY,
    concurrent: Math.max(scenario.vus ?? 0, scenario.maxVUs ?? 0, scenario.startVUs ?? 0, ...stageTargets),
  };
}

/**
 * Problems that make a scenario go above the target's rate limit (the documented one unless the run
 * gives a lower one); none means it stays within.
 */
export function rateLimitProblems(scenario: AnyScenario, limit: RateLimit = DOCUMENTED_RATE_LIMIT): string[] {
  const peak = scenarioPeak(scenario);
  const whose = (field: keyof RateLimit) => {
    const setting = limitSetting(limit, field);
    return setting === undefined ? `the documented ${limit[field]}` : `the target's ${limit[field]} (${setting})`;
  };
  const problems = [];
  if (peak.perMinute === Number.POSITIVE_INFINITY)
    problems.push(`uses the ${scenario.executor} executor, whose request rate has no bound`);
  else if (peak.perMinute > limit.perMinute)
    problems.push(`peaks at ${peak.perMinute} requests a minute, above ${whose('perMinute')}`);
  if (peak.concurrent > limit.concurrent)
    problems.push(`runs up to ${peak.concurrent} VUs at once, above ${whose('concurrent')} concurrent requests`);
  return problems;
}
