// The load run's settings from k6's __ENV (set by `npm run load`, or by hand): target, credentials,
// ids, languages, profile and the safety flags. Pure: no k6 or Node APIs, so Node can test it.
// `k6 archive` runs the script with an empty __ENV, so the run's shape (profile, flags) is read apart
// from the target, which may be missing until the archive runs.

import { baseUrlPathProblem, DOCUMENTED_RATE_LIMIT, type RateLimit } from '../../config/api-facts.ts';
import { type ChosenAuth, chooseAuth } from '../../config/auth-choice.ts';
import { ConfigError } from '../../config/config-error.ts';
import { readHandoff } from '../../config/handoffs.ts';
import { isOn, onOffSetting } from '../../config/on-off-setting.ts';
import { isPlainHttpUrl, PLAIN_HTTP_URL_RULE, shownUrl } from '../../config/plain-http-url.ts';
import { REQUEST_TIMEOUT_RULE, readNumber } from '../../config/read-number.ts';
import { settingValue } from '../../config/setting-value.ts';
import { DEFAULT_PROFILE, durationSeconds, LEAST_RATE_LIMIT_PER_MINUTE, RATE_LIMIT_SETTINGS } from './load-profiles.ts';

export type LoadAuth = ChosenAuth;

/** What the k6 options depend on; never requires the target, so an archive can be built without it. */
export interface RunShape {
  profile: string;
  /** ENGAGE_LOAD_DURATION: the length of a constant-rate profile (smoke, soak), e.g. "4s". */
  duration?: string;
  /** Set by `npm run load` when it started the embedded sandbox: no rate limit to respect. */
  targetIsSandbox: boolean;
  allowAboveRateLimit: boolean;
  confirmProduction: boolean;
  /**
   * The target's limit for this endpoint: the documented one, or a lower one the docs allow ("possibly
   * less per endpoint") given in ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE and ENGAGE_LOAD_RATE_LIMIT_CONCURRENT.
   */
  rateLimit: RateLimit;
  /** Known when the environment names it; an archive learns it only when it runs. */
  baseUrl?: string;
}

export interface LoadSettings extends RunShape {
  baseUrl: string;
  enterprise: string;
  auth: LoadAuth;
  appointmentIds: string[];
  /** A JSON file with an array of ids, loaded once into a SharedArray. */
  appointmentIdsFile?: string;
  languages: string[];
  requestTimeoutMilliseconds: number;
}

type Env = Record<string, string | undefined>;

const DEFAULT_LANGUAGES = ['en *', '*', 'en', 'nl', 'fr', 'de'];
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function readBaseUrl(env: Env): string | undefined {
  const baseUrl = settingValue(env, 'ENGAGE_BASE_URL')?.replace(/\/+$/, '');
  // `npm run load` passes the URL as Node read it; a bare k6 run gets no more leeway than that, so
  // that the production guard compares the host k6 will really reach.
  if (baseUrl !== undefined && !isPlainHttpUrl(baseUrl)) throw notPlain('ENGAGE_BASE_URL', baseUrl);
  const problem = baseUrl === undefined ? undefined : baseUrlPathProblem(baseUrl);
  if (problem !== undefined) throw new ConfigError('ENGAGE_BASE_URL', problem);
  return baseUrl;
}

function notPlain(variable: string, url: string): ConfigError {
  return new ConfigError(variable, `${shownUrl(url)} is not ${PLAIN_HTTP_URL_RULE}`);
}

/**
 * Why `duration` is no length for a run: k6's (Go's durations: 1m30s, 1.5h), of a second at least,
 * the shortest k6's arrival-rate scenarios take: a run of no time checks nothing.
 */
export function durationProblem(duration: string): string | undefined {
  return durationSeconds(duration) >= 1
    ? undefined
    : `"${duration}" is not a duration of 1s or more, such as 30s, 1m30s or 2h`;
}

/**
 * A target's own limit, at most the documented one (going above it is ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT's
 * to allow), and at least one that smoke, the lightest profile, stays under.
 */
function readRateLimit(env: Env): RateLimit {
  const { perMinute: perMinuteSetting, concurrent: concurrentSetting } = RATE_LIMIT_SETTINGS;
  const perMinute = readNumber(perMinuteSetting, settingValue(env, perMinuteSetting), {
    min: LEAST_RATE_LIMIT_PER_MINUTE,
    max: DOCUMENTED_RATE_LIMIT.perMinute,
    whole: true,
    unit: 'requests a minute',
    fallback: DOCUMENTED_RATE_LIMIT.perMinute,
  });
  const concurrent = readNumber(concurrentSetting, settingValue(env, concurrentSetting), {
    min: 1,
    max: DOCUMENTED_RATE_LIMIT.concurrent,
    whole: true,
    unit: 'requests at once',
    fallback: DOCUMENTED_RATE_LIMIT.concurrent,
  });
  return { perMinute, concurrent };
}

export function readRunShape(env: Env): RunShape {
  const duration = settingValue(env, 'ENGAGE_LOAD_DURATION');
  const problem = duration === undefined ? undefined : durationProblem(duration);
  if (problem !== undefined) throw new ConfigError('ENGAGE_LOAD_DURATION', problem);
  return {
    profile: settingValue(env, 'ENGAGE_LOAD_PROFILE') ?? DEFAULT_PROFILE,
    duration,
    targetIsSandbox: isOn(readHandoff(env, 'ENGAGE_LOAD_TARGET_IS_SANDBOX')),
    allowAboveRateLimit: onOffSetting(env, 'ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT'),
    confirmProduction: onOffSetting(env, 'ENGAGE_LOAD_CONFIRM_PRODUCTION'),
    rateLimit: readRateLimit(env),
    baseUrl: readBaseUrl(env),
  };
}

export function readLoadSettings(env: Env): LoadSettings {
  const required = (name: string) => {
    const value = settingValue(env, name);
    if (value === undefined) throw new ConfigError(name, 'is required (npm run load sets it for the embedded sandbox)');
    return value;
  };
  const shape = readRunShape(env);
  const baseUrl = shape.baseUrl ?? required('ENGAGE_BASE_URL');
  const appointmentIdsFile = settingValue(env, 'ENGAGE_APPOINTMENT_IDS_FILE');
  const appointmentIds = list(env.ENGAGE_APPOINTMENT_IDS);
  const singleId = settingValue(env, 'ENGAGE_APPOINTMENT_ID');
  if (appointmentIds.length === 0 && singleId !== undefined) appointmentIds.push(singleId);
  if (appointmentIds.length === 0 && appointmentIdsFile === undefined) {
    throw new ConfigError(
      'ENGAGE_APPOINTMENT_IDS',
      '(or ENGAGE_APPOINTMENT_ID, or ENGAGE_APPOINTMENT_IDS_FILE) is required',
    );
  }
  const timeoutMs = readNumber(
    'ENGAGE_REQUEST_TIMEOUT_MS',
    settingValue(env, 'ENGAGE_REQUEST_TIMEOUT_MS'),
    REQUEST_TIMEOUT_RULE,
  );
  return {
    ...shape,
    baseUrl,
    enterprise: required('ENGAGE_ENTERPRISE'),
    auth: readAuth(env),
    appointmentIds,
    appointmentIdsFile,
    languages:
      settingValue(env, 'ENGAGE_LOAD_LANGUAGES') === undefined ? DEFAULT_LANGUAGES : list(env.ENGAGE_LOAD_LANGUAGES),
    requestTimeoutMilliseconds: timeoutMs,
  };
}

/**
 * The ids in ENGAGE_APPOINTMENT_IDS_FILE, a JSON array of strings or whole numbers (a number is read
 * as its text, as ids are in the path and in data.id; past 2^53 JSON has already changed its digits),
 * trimmed like ENGAGE_APPOINTMENT_IDS; `read` is k6's open(). Its problem is one line.
 */
export function appointmentIdsFromFile(file: string, read: (file: string) => string): string[] {
  const problem = (what: string) => new ConfigError('ENGAGE_APPOINTMENT_IDS_FILE', `${file} ${what}`);
  let text: string;
  try {
    text = read(file);
  } catch (error) {
    throw problem(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  let ids: unknown;
  try {
    ids = JSON.parse(text);
  } catch {
    throw problem('is not JSON');
  }
  const isId = (id: unknown) => (typeof id === 'string' && id.trim() !== '') || Number.isSafeInteger(id);
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isId))
    throw problem('must hold a JSON array of appointment ids, strings or whole numbers below 2^53, at least one');
  return ids.map((id) => String(id).trim());
}

/** The suite's own credential rule (config/auth-choice.ts). */
function readAuth(env: Env): LoadAuth {
  const auth = chooseAuth((name) => settingValue(env, name));
  if (auth.kind === 'client-credentials' && !isPlainHttpUrl(auth.tokenUrl))
    throw notPlain('ENGAGE_TOKEN_URL', auth.tokenUrl);
  return auth;
}
