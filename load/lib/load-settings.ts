// The load run's settings from k6's __ENV (set by `npm run load`, or by hand): target, credentials,
// ids, languages, profile and the safety flags. Pure: no k6 or Node APIs, so Node can test it.

export type LoadAuth =
  | { kind: 'static-token'; token: string }
  | { kind: 'client-credentials'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

export interface LoadSettings {
  baseUrl: string;
  enterprise: string;
  auth: LoadAuth;
  appointmentIds: string[];
  /** A JSON file with an array of ids, loaded once into a SharedArray. */
  appointmentIdsFile?: string;
  languages: string[];
  profile: string;
  /** Set by `npm run load` when it started the embedded sandbox: no rate limit to respect. */
  targetIsSandbox: boolean;
  allowAboveRateLimit: boolean;
  confirmProduction: boolean;
  reportsDirectory: string;
}

export class LoadSettingsError extends Error {
  override name = 'LoadSettingsError';
}

const DEFAULT_LANGUAGES = ['en *', '*', 'en', 'nl', 'fr', 'de'];
const flag = (value: string | undefined) => value === 'true' || value === '1' || value === 'yes';
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

export function readLoadSettings(env: Record<string, string | undefined>): LoadSettings {
  const required = (name: string) => {
    const value = env[name]?.trim();
    if (value === undefined || value === '')
      throw new LoadSettingsError(`${name} is required (npm run load sets it for the embedded sandbox)`);
    return value;
  };
  const baseUrl = required('ENGAGE_BASE_URL').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(baseUrl))
    throw new LoadSettingsError(`ENGAGE_BASE_URL "${baseUrl}" is not an http(s) URL`);
  const appointmentIdsFile = env.ENGAGE_APPOINTMENT_IDS_FILE?.trim() || undefined;
  const appointmentIds = list(env.ENGAGE_APPOINTMENT_IDS);
  if (appointmentIds.length === 0 && env.ENGAGE_APPOINTMENT_ID?.trim())
    appointmentIds.push((env.ENGAGE_APPOINTMENT_ID as string).trim());
  if (appointmentIds.length === 0 && appointmentIdsFile === undefined) {
    throw new LoadSettingsError(
      'ENGAGE_APPOINTMENT_IDS (or ENGAGE_APPOINTMENT_ID, or ENGAGE_APPOINTMENT_IDS_FILE) is required',
    );
  }
  return {
    baseUrl,
    enterprise: required('ENGAGE_ENTERPRISE'),
    auth: readAuth(env),
    appointmentIds,
    appointmentIdsFile,
    languages: env.ENGAGE_LOAD_LANGUAGES === undefined ? DEFAULT_LANGUAGES : list(env.ENGAGE_LOAD_LANGUAGES),
    profile: env.ENGAGE_LOAD_PROFILE?.trim() || 'smoke',
    targetIsSandbox: flag(env.ENGAGE_LOAD_TARGET_IS_SANDBOX),
    allowAboveRateLimit: flag(env.ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT),
    confirmProduction: flag(env.ENGAGE_LOAD_CONFIRM_PRODUCTION),
    reportsDirectory: (env.ENGAGE_REPORTS_DIR?.trim() || 'reports').replace(/\/+$/, ''),
  };
}

function readAuth(env: Record<string, string | undefined>): LoadAuth {
  const token = env.ENGAGE_TOKEN?.trim();
  if (token) return { kind: 'static-token', token };
  const tokenUrl = env.ENGAGE_TOKEN_URL?.trim();
  const clientId = env.ENGAGE_CLIENT_ID?.trim();
  const clientSecret = env.ENGAGE_CLIENT_SECRET?.trim();
  if (tokenUrl && clientId && clientSecret) {
    return {
      kind: 'client-credentials',
      tokenUrl,
      clientId,
      clientSecret,
      scope: env.ENGAGE_SCOPE?.trim() || undefined,
    };
  }
  throw new LoadSettingsError(
    'ENGAGE_TOKEN, or ENGAGE_TOKEN_URL with ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET, is required',
  );
}
