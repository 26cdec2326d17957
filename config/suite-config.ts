// The validated configuration of a run, read once from ENGAGE_* variables. Every problem becomes a
// ConfigError naming the variable; secrets are held as Secret so that they never print.
import { randomUUID } from 'node:crypto';
import { type ClientSettings, NO_SCOPE_CLIENT } from './answer-remedy.ts';
import { baseUrlPathProblem, LANGUAGE_TAG, SANDBOX_DEFAULTS } from './api-facts.ts';
import { bearerToken, CLIENT_CREDENTIAL_NAMES, chooseAuth } from './auth-choice.ts';
import { ConfigError } from './config-error.ts';
import type { Environment } from './environment-files.ts';
import { readHttpUrl } from './http-url.ts';
import { isOptionalExpectation, OPTIONAL_EXPECTATIONS, type OptionalExpectation } from './optional-expectations.ts';
import { REQUEST_TIMEOUT_RULE, readNumber } from './read-number.ts';
import { Secret } from './secret.ts';
import { settingValue } from './setting-value.ts';

export type TargetConfig = { kind: 'sandbox' } | { kind: 'remote'; baseUrl: string };

export type AuthConfig =
  | { kind: 'static-token'; token: Secret }
  | {
      kind: 'client-credentials';
      tokenUrl: string;
      clientId: string;
      clientSecret: Secret;
      scope?: string;
      /** The variables they come from (the suite's client unless said), for a refusal's message. */
      settings?: ClientSettings;
    };

export interface SuiteConfig {
  target: TargetConfig;
  enterprise: string;
  auth: AuthConfig;
  appointmentId: string;
  /** Appointments to look at where one is not enough (language rules, load rotation); starts with appointmentId. */
  appointmentIds: string[];
  missingAppointmentId: string;
  /** Whether ENGAGE_MISSING_APPOINTMENT_ID chose it (the preflight checks that it is missing), or it is made up. */
  missingAppointmentIdChosen: boolean;
  /** An enterprise that does not exist, different per run: the tenant check asks for the appointment there. */
  otherEnterprise: string;
  /** ENGAGE_OTHER_TENANT_APPOINTMENT: an appointment of another enterprise, which the run's token must not read. */
  otherTenantAppointment?: { enterprise: string; id: string };
  /** The enterprise's default language, when known; checks that need it skip and say so otherwise. */
  defaultLanguage?: string;
  expectations: ReadonlySet<OptionalExpectation>;
  /** Credentials of a valid token without the appointments scope, for the 403 check. */
  noScopeAuth?: AuthConfig;
  /** A token of the API that has expired, for the expired-token check; it skips without one. */
  expiredToken?: Secret;
  /** How long one request may take before the suite gives up on it. */
  requestTimeoutMilliseconds: number;
}

const pathSegmentPattern = /^[A-Za-z0-9._~-]+$/;

/** ENGAGE_BASE_URL as a plain http(s) URL that does not hold the appointments path already. */
function readBaseUrl(raw: string): string {
  const baseUrl = readHttpUrl('ENGAGE_BASE_URL', raw);
  const problem = baseUrlPathProblem(baseUrl);
  if (problem !== undefined) throw new ConfigError('ENGAGE_BASE_URL', problem);
  return baseUrl;
}

export function readSuiteConfig(environment: Environment): SuiteConfig {
  const value = (name: string) => settingValue(environment, name);
  const baseUrl = value('ENGAGE_BASE_URL');
  const target: TargetConfig =
    baseUrl === undefined ? { kind: 'sandbox' } : { kind: 'remote', baseUrl: readBaseUrl(baseUrl) };
  const onSandbox = target.kind === 'sandbox';
  // Client credentials name a token endpoint, which the embedded sandbox (on a port of its run) never
  // is: a base URL left blank in an env file would otherwise send the run there unsaid.
  const remoteOnly = [...CLIENT_CREDENTIAL_NAMES, 'ENGAGE_SCOPE', NO_SCOPE_CLIENT.id, NO_SCOPE_CLIENT.secret].filter(
    (name) => value(name) !== undefined,
  );
  if (onSandbox && remoteOnly.length > 0)
    throw new ConfigError(
      'ENGAGE_BASE_URL',
      `is unset or blank, which tests the embedded sandbox, but ${remoteOnly.join(', ')} ${remoteOnly.length === 1 ? 'is' : 'are'} set, which only a real target takes: set ENGAGE_BASE_URL to the API, or unset ${remoteOnly.length === 1 ? 'it' : 'them'}`,
    );
  const required = (name: string, sandboxDefault: string) => {
    const found = value(name) ?? (onSandbox ? sandboxDefault : undefined);
    if (found === undefined) throw new ConfigError(name, 'is required when ENGAGE_BASE_URL is set');
    return found;
  };
  /** An optional token of the checks that need one, as given (one line) or, on the sandbox, its own. */
  const optionalToken = (name: string, sandboxDefault: string) => {
    const given = value(name);
    if (given !== undefined) return new Secret(bearerToken(name, given));
    return onSandbox ? new Secret(sandboxDefault) : undefined;
  };

  const enterprise = required('ENGAGE_ENTERPRISE', SANDBOX_DEFAULTS.enterprise);
  if (!pathSegmentPattern.test(enterprise)) {
    throw new ConfigError(
      'ENGAGE_ENTERPRISE',
      `is ${JSON.stringify(enterprise)}, which is not a single URL path segment (letters, digits, ".", "_", "~", "-")`,
    );
  }
  const defaultLanguage =
    value('ENGAGE_DEFAULT_LANGUAGE') ?? (onSandbox ? SANDBOX_DEFAULTS.defaultLanguage : undefined);
  if (defaultLanguage !== undefined && !LANGUAGE_TAG.test(defaultLanguage)) {
    throw new ConfigError(
      'ENGAGE_DEFAULT_LANGUAGE',
      `"${defaultLanguage}" is not a language tag such as "en" or "nl-BE"`,
    );
  }
  const appointmentId = required('ENGAGE_APPOINTMENT_ID', SANDBOX_DEFAULTS.appointmentId);
  const auth = readAuth(value, onSandbox);
  const listed = value('ENGAGE_APPOINTMENT_IDS')
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const appointmentIds = [
    ...new Set([appointmentId, ...(listed ?? (onSandbox ? SANDBOX_DEFAULTS.appointmentIds : []))]),
  ];
  const chosenMissingId = value('ENGAGE_MISSING_APPOINTMENT_ID');

  return {
    target,
    enterprise,
    auth,
    appointmentId,
    appointmentIds,
    missingAppointmentId: chosenMissingId ?? `missing-${randomUUID()}`,
    missingAppointmentIdChosen: chosenMissingId !== undefined,
    otherEnterprise: `no-such-enterprise-${randomUUID().slice(0, 8)}`,
    otherTenantAppointment: readOtherTenantAppointment(value('ENGAGE_OTHER_TENANT_APPOINTMENT'), enterprise),
    defaultLanguage,
    expectations: readExpectations(value('ENGAGE_EXPECT'), onSandbox),
    noScopeAuth: readNoScopeAuth(value, onSandbox, auth),
    expiredToken: optionalToken('ENGAGE_EXPIRED_TOKEN', SANDBOX_DEFAULTS.expiredToken),
    requestTimeoutMilliseconds: readNumber(
      'ENGAGE_REQUEST_TIMEOUT_MS',
      value('ENGAGE_REQUEST_TIMEOUT_MS'),
      REQUEST_TIMEOUT_RULE,
    ),
  };
}

function readAuth(value: (name: string) => string | undefined, onSandbox: boolean): AuthConfig {
  const chosen = chooseAuth(value, onSandbox ? SANDBOX_DEFAULTS.token : undefined);
  if (chosen.kind === 'static-token') return { kind: 'static-token', token: new Secret(chosen.token) };
  return {
    ...chosen,
    tokenUrl: readHttpUrl(
      'ENGAGE_TOKEN_URL',
      chosen.tokenUrl,
      'https://auth.development.pexipengage.com/realms/<enterprise>/protocol/openid-connect/token',
    ),
    clientSecret: new Secret(chosen.clientSecret),
  };
}

/**
 * The 403 check's credentials: a static ENGAGE_NO_SCOPE_TOKEN, or a client of its own whose token is
 * fetched each run from ENGAGE_TOKEN_URL (a static token expires between CI runs), never both.
 */
function readNoScopeAuth(
  value: (name: string) => string | undefined,
  onSandbox: boolean,
  suiteAuth: AuthConfig,
): AuthConfig | undefined {
  const token = value('ENGAGE_NO_SCOPE_TOKEN');
  const given = [NO_SCOPE_CLIENT.id, NO_SCOPE_CLIENT.secret].filter((name) => value(name) !== undefined);
  if (token !== undefined && given.length > 0)
    throw new ConfigError(
      'ENGAGE_NO_SCOPE_TOKEN',
      `and ${given.join(', ')} are both set: use a static token or a client for the 403 check, not both`,
    );
  if (token !== undefined)
    return { kind: 'static-token', token: new Secret(bearerToken('ENGAGE_NO_SCOPE_TOKEN', token)) };
  if (given.length === 0)
    return onSandbox ? { kind: 'static-token', token: new Secret(SANDBOX_DEFAULTS.noScopeToken) } : undefined;
  // It asks the suite's own token endpoint: a suite with a static token has none.
  if (suiteAuth.kind === 'static-token')
    throw new ConfigError(
      given[0] as string,
      'needs the suite to use client credentials too (ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID, ENGAGE_CLIENT_SECRET in place of ENGAGE_TOKEN), whose token endpoint it asks: with a static ENGAGE_TOKEN, give ENGAGE_NO_SCOPE_TOKEN instead',
    );
  const missing = [NO_SCOPE_CLIENT.id, NO_SCOPE_CLIENT.secret].find((name) => value(name) === undefined);
  if (missing !== undefined)
    throw new ConfigError(missing, `is required with ${given.join(', ')}: the 403 check's client needs both`);
  return {
    kind: 'client-credentials',
    tokenUrl: suiteAuth.tokenUrl,
    clientId: value(NO_SCOPE_CLIENT.id) as string,
    clientSecret: new Secret(value(NO_SCOPE_CLIENT.secret) as string),
    settings: NO_SCOPE_CLIENT,
  };
}

/** "<enterprise>/<id>": an appointment of an enterprise other than the run's own. */
function readOtherTenantAppointment(raw: string | undefined, enterprise: string) {
  if (raw === undefined) return undefined;
  const [other = '', id = '', ...rest] = raw.split('/');
  if (!pathSegmentPattern.test(other) || other === '.' || other === '..' || id === '' || rest.length > 0)
    throw new ConfigError(
      'ENGAGE_OTHER_TENANT_APPOINTMENT',
      `is "${raw}" but must be <enterprise>/<appointment id>: an appointment of another enterprise`,
    );
  // In any case: an API may read enterprise names so, and answer its own token 200.
  if (other.toLowerCase() === enterprise.toLowerCase())
    throw new ConfigError(
      'ENGAGE_OTHER_TENANT_APPOINTMENT',
      `is "${raw}", of ENGAGE_ENTERPRISE's own enterprise: name an appointment of another one, which this run's token must not read`,
    );
  return { enterprise: other, id };
}

function readExpectations(raw: string | undefined, onSandbox: boolean): ReadonlySet<OptionalExpectation> {
  if (raw === undefined) return new Set(onSandbox ? OPTIONAL_EXPECTATIONS : []);
  const listed = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const names = listed.filter((name) => name !== 'none');
  // "none" with a name beside it says two things at once: which was meant?
  if (listed.includes('none') && names.length > 0)
    throw new ConfigError(
      'ENGAGE_EXPECT',
      `is "${raw}": none means no optional expectation, so name none alone or the others without it`,
    );
  const unknown = names.filter((name) => !isOptionalExpectation(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      'ENGAGE_EXPECT',
      `names unknown expectation(s) ${unknown.join(', ')}; known: ${OPTIONAL_EXPECTATIONS.join(', ')}, none`,
    );
  }
  return new Set(names.filter(isOptionalExpectation));
}
