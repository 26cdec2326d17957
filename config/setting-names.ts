// Every ENGAGE_* and SANDBOX_* variable the suite reads, users' settings and its own handoffs alike,
// so that one it does not know (a typo such as ENGAGE_BASE_UR, which would leave the suite testing
// the embedded sandbox) is pointed out instead of silently ignored. A test keeps the list complete.
import { blankOverrideWarnings, settingFiles } from './environment-files.ts';
import { HANDOFF_NAMES, readHandoff } from './handoffs.ts';
import { isFile } from './path-kind.ts';
import { plainHttpWarnings } from './plain-http-warnings.ts';
import { warn } from './warnings.ts';

/** The settings users give (ENGAGE_ENV, ENGAGE_REPORTS_DIR and ENGAGE_PACT_DIR are handoffs of npm start's too). */
const USER_SETTINGS = [
  'ENGAGE_API_VERSION',
  'ENGAGE_APPOINTMENT_ID',
  'ENGAGE_APPOINTMENT_IDS',
  'ENGAGE_APPOINTMENT_IDS_FILE',
  'ENGAGE_BASE_URL',
  'ENGAGE_BASELINE_DIR',
  'ENGAGE_CLIENT_ID',
  'ENGAGE_CLIENT_SECRET',
  'ENGAGE_CONFIG_DIR',
  'ENGAGE_DEFAULT_LANGUAGE',
  'ENGAGE_ENTERPRISE',
  'ENGAGE_ENV',
  'ENGAGE_EXPECT',
  'ENGAGE_EXPIRED_TOKEN',
  'ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT',
  'ENGAGE_LOAD_CONFIRM_PRODUCTION',
  'ENGAGE_LOAD_DURATION',
  'ENGAGE_LOAD_LANGUAGES',
  'ENGAGE_LOAD_PROFILE',
  'ENGAGE_LOAD_RATE_LIMIT_CONCURRENT',
  'ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE',
  'ENGAGE_MISSING_APPOINTMENT_ID',
  'ENGAGE_NO_SCOPE_CLIENT_ID',
  'ENGAGE_NO_SCOPE_CLIENT_SECRET',
  'ENGAGE_NO_SCOPE_TOKEN',
  'ENGAGE_OTHER_TENANT_APPOINTMENT',
  'ENGAGE_PACT_DIR',
  'ENGAGE_REPORTS_DIR',
  'ENGAGE_REQUEST_TIMEOUT_MS',
  'ENGAGE_SCOPE',
  'ENGAGE_TOKEN',
  'ENGAGE_TOKEN_URL',
  'SANDBOX_ERROR_RATE',
  'SANDBOX_FAULTS',
  'SANDBOX_JITTER_MS',
  'SANDBOX_LATENCY_MS',
  'SANDBOX_PORT',
  'SANDBOX_RATE_LIMIT',
  'SANDBOX_SEED_FILE',
  'SANDBOX_TOKEN_LIFETIME_S',
];

export const SETTING_NAMES: readonly string[] = [...new Set([...USER_SETTINGS, ...HANDOFF_NAMES])];

/** A variable that says what a run targets and how, by its prefix: ENGAGE_*, SANDBOX_* or PACT_BROKER_*. */
export const isSuiteVariable = (name: string) => /^(ENGAGE_|SANDBOX_|PACT_BROKER_)/.test(name);

/**
 * A variable k6 reads as an option of its run (K6_VUS, K6_NO_THRESHOLDS…); not K6_BIN, the suite's,
 * which says where k6 is, nor K6_NO_USAGE_REPORT, which keeps k6 from phoning home and changes no run.
 */
export const isK6RunVariable = (name: string) =>
  name.startsWith('K6_') && name !== 'K6_BIN' && name !== 'K6_NO_USAGE_REPORT';

/** A variable naming a proxy (HTTPS_PROXY, http_proxy, ALL_PROXY), which k6 and Pact's verifier follow and Node does not. */
export const isProxyAddressVariable = (name: string) => /^(https?|all)_proxy$/i.test(name);
/** A proxy variable of any kind: one naming a proxy, or NO_PROXY. */
export const isProxyVariable = (name: string) => isProxyAddressVariable(name) || /^no_proxy$/i.test(name);

/** How many single-character edits turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (const [i, charA] of [...a].entries()) {
    const current = [i + 1];
    for (const [j, charB] of [...b].entries())
      current.push(
        Math.min(
          (previous[j + 1] as number) + 1,
          (current[j] as number) + 1,
          (previous[j] as number) + (charA === charB ? 0 : 1),
        ),
      );
    previous = current;
  }
  return previous[b.length] as number;
}

/** Variables a .env file cannot set, since the process reading them takes them from its own environment. */
const PROCESS_ONLY: Record<string, string> = {
  NODE_EXTRA_CA_CERTS: 'Node reads it only as it starts',
  NODE_OPTIONS: 'Node reads it only as it starts',
  SSL_CERT_FILE: "k6 takes it from the shell's environment only",
  SSL_CERT_DIR: "k6 takes it from the shell's environment only",
};

/**
 * One line per ENGAGE_* or SANDBOX_* variable that is set and that the suite does not read, with the
 * setting it most likely meant; and per variable only the process environment can set (Node's at its
 * start, k6's CA file) that only a .env file sets (in `environment`, the files and the process
 * merged, but not in `processEnvironment`).
 */
export function unknownSettingWarnings(
  environment: Readonly<Record<string, string | undefined>>,
  processEnvironment: Readonly<Record<string, string | undefined>> = environment,
): string[] {
  if (readHandoff(environment, 'ENGAGE_SETTINGS_WARNED') === 'true') return [];
  // Where a misspelt name is, when an env file has it: the file is what to fix.
  const files = settingFiles(processEnvironment);
  // Any case: engage_base_url in a .env file is as easily meant as a typo.
  const unknown = Object.keys(environment)
    .filter((name) => /^(ENGAGE|SANDBOX)_/i.test(name) && !SETTING_NAMES.includes(name))
    .sort()
    .map((name) => {
      const upper = name.toUpperCase();
      const [closest] = [...SETTING_NAMES].sort((a, b) => editDistance(upper, a) - editDistance(upper, b));
      const meant =
        closest === upper
          ? ` (names are upper case: ${closest})`
          : closest !== undefined && editDistance(upper, closest) <= 3
            ? ` (did you mean ${closest}?)`
            : '';
      const where = files[name] === undefined ? '' : `, in ${files[name]}`;
      return `warning: ${name} is not a setting of the suite, so it changes nothing${meant}${where}`;
    });
  const tooLate = Object.entries(PROCESS_ONLY)
    .filter(([name]) => environment[name] !== undefined && processEnvironment[name] === undefined)
    .map(
      ([name, reason]) =>
        `warning: ${name} is set in a .env file, where it changes nothing: ${reason}; set it in the shell or the CI job`,
    );
  // Node ignores a NODE_EXTRA_CA_CERTS it cannot read (silently for a folder), and k6 an SSL_CERT_FILE.
  const unreadable = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE']
    .filter((name) => processEnvironment[name] && !isFile(processEnvironment[name] as string))
    .map(
      (name) =>
        `warning: ${name} is ${processEnvironment[name]}, which is not a file, so no CA is read from it: ${name === 'SSL_CERT_FILE' ? "k6 trusts the system's CAs alone" : 'Node trusts its own CAs alone'}`,
    );
  return [...unknown, ...tooLate, ...unreadable];
}

/**
 * Prints the warnings of unknownSettingWarnings, of a blank shell variable that hides an env file's
 * value (blankOverrideWarnings), and of a credential a plain http URL would send unencrypted
 * (plainHttpWarnings), for the commands a user starts: not for a layer of npm start, which warned.
 */
export function warnOfUnknownSettings(environment: Readonly<Record<string, string | undefined>>): void {
  if (readHandoff(environment, 'ENGAGE_SETTINGS_WARNED') === 'true') return;
  for (const warning of [
    ...unknownSettingWarnings(environment, process.env),
    ...blankOverrideWarnings(),
    ...plainHttpWarnings(environment),
  ])
    warn(warning);
}
