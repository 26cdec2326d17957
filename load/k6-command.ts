// Builds the k6 command of `npm run load`: the arguments (nothing secret on them) and the environment
// the script reads through __ENV, from the suite config and the command-line flags.
import { resolve } from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import type { Environment } from '../config/environment-files.ts';
import { handOff } from '../config/handoffs.ts';
import { onOffSetting } from '../config/on-off-setting.ts';
import { ENV_FLAG, type FlagSpec, parseFlags } from '../config/parse-flags.ts';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { SECRET_SETTINGS } from '../config/secret-settings.ts';
import { settingValue } from '../config/setting-value.ts';
import type { SuiteConfig } from '../config/suite-config.ts';
import { chosenProfile, PROFILE_NAMES, RATE_LIMIT_SETTINGS } from './lib/load-profiles.ts';
import { durationProblem } from './lib/load-settings.ts';

export interface LoadFlags {
  profile: string;
  dryRun: boolean;
  allowAboveRateLimit: boolean;
  confirmProduction: boolean;
  dashboard: boolean;
  /** The length of a constant-rate profile (smoke, soak), e.g. "4s". */
  duration?: string;
  /** Where `duration` came from, as a message names it. */
  durationSetting: '--duration' | 'ENGAGE_LOAD_DURATION';
  /** --env: the .env.<name> file to read, as ENGAGE_ENV. */
  environmentName?: string;
}

/** The flags of `npm run load`; npm start names the variable of one given to it. */
export const LOAD_FLAGS: Record<string, FlagSpec> = {
  profile: {
    type: 'string',
    help: `one of ${PROFILE_NAMES.join(', ')}; default smoke`,
    variable: 'ENGAGE_LOAD_PROFILE',
  },
  env: ENV_FLAG,
  duration: { type: 'string', help: 'the length of smoke or soak, e.g. 30s or 5m', variable: 'ENGAGE_LOAD_DURATION' },
  'dry-run': { type: 'boolean', help: 'print the k6 command and options, secrets redacted, and stop' },
  'allow-above-rate-limit': {
    type: 'boolean',
    help: 'let a profile go above the documented rate limit',
    variable: 'ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true',
  },
  'confirm-production': {
    type: 'boolean',
    help: 'allow more than smoke against production',
    variable: 'ENGAGE_LOAD_CONFIRM_PRODUCTION=true',
  },
  dashboard: { type: 'boolean', help: "export k6's web dashboard to <reports>/load/dashboard.html" },
};

export function readLoadFlags(args: string[], environment: Record<string, string | undefined>): LoadFlags {
  const values = parseFlags(
    args,
    LOAD_FLAGS,
    'npm run load',
    'Runs load/lookup.ts with k6 (K6_BIN, else the PATH) against ENGAGE_BASE_URL, else the embedded sandbox.',
    environment,
  );
  // A --duration the run would refuse is refused as the flag the user gave (k6 gets it as ENGAGE_LOAD_DURATION).
  const durationFlag = values.duration as string | undefined;
  const durationRefusal = durationFlag === undefined ? undefined : durationProblem(durationFlag);
  if (durationRefusal !== undefined) throw new ConfigError('--duration', durationRefusal);
  return {
    profile: chosenProfile(values.profile as string | undefined, environment),
    dryRun: values['dry-run'] === true,
    allowAboveRateLimit:
      onOffSetting(environment, 'ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT') || values['allow-above-rate-limit'] === true,
    confirmProduction:
      onOffSetting(environment, 'ENGAGE_LOAD_CONFIRM_PRODUCTION') || values['confirm-production'] === true,
    dashboard: values.dashboard === true,
    duration: durationFlag ?? settingValue(environment, 'ENGAGE_LOAD_DURATION'),
    durationSetting: durationFlag === undefined ? 'ENGAGE_LOAD_DURATION' : '--duration',
    environmentName: values.env as string | undefined,
  };
}

export interface K6Command {
  args: string[];
  /** Variables the script reads; secrets travel here, never in args. */
  environment: Record<string, string>;
  secretNames: string[];
}

export function buildK6Command(
  config: SuiteConfig,
  baseUrl: string,
  flags: LoadFlags,
  reportsDirectory: string,
  environment: Environment,
  { quiet = false }: { quiet?: boolean } = {},
): K6Command {
  const variables: Record<string, string> = {
    ENGAGE_BASE_URL: baseUrl,
    ENGAGE_ENTERPRISE: config.enterprise,
    ENGAGE_APPOINTMENT_IDS: config.appointmentIds.join(','),
    ENGAGE_LOAD_PROFILE: flags.profile,
    ...handOff({ ENGAGE_LOAD_TARGET_IS_SANDBOX: String(config.target.kind === 'sandbox') }),
    ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT: String(flags.allowAboveRateLimit),
    ENGAGE_LOAD_CONFIRM_PRODUCTION: String(flags.confirmProduction),
    ...handOff({ ENGAGE_REPORTS_DIR: reportsDirectory }),
    ENGAGE_REQUEST_TIMEOUT_MS: String(config.requestTimeoutMilliseconds),
    // k6 otherwise reports usage to Grafana at the end of a run.
    K6_NO_USAGE_REPORT: 'true',
  };
  if (flags.duration !== undefined) variables.ENGAGE_LOAD_DURATION = flags.duration;
  // Load-only settings that are not part of the suite config, passed on from the env files too; k6's
  // open() takes a relative path from the script's folder (load/), so the ids file goes as an absolute one.
  for (const name of ['ENGAGE_LOAD_LANGUAGES', ...Object.values(RATE_LIMIT_SETTINGS)]) {
    const value = settingValue(environment, name);
    if (value !== undefined) variables[name] = value;
  }
  const idsFile = settingValue(environment, 'ENGAGE_APPOINTMENT_IDS_FILE');
  if (idsFile !== undefined) variables.ENGAGE_APPOINTMENT_IDS_FILE = resolve(idsFile);
  const secretNames = [];
  if (config.auth.kind === 'static-token') {
    variables.ENGAGE_TOKEN = config.auth.token.reveal();
    secretNames.push('ENGAGE_TOKEN');
  } else {
    Object.assign(variables, {
      ENGAGE_TOKEN_URL: config.auth.tokenUrl,
      ENGAGE_CLIENT_ID: config.auth.clientId,
      ENGAGE_CLIENT_SECRET: config.auth.clientSecret.reveal(),
    });
    if (config.auth.scope !== undefined) variables.ENGAGE_SCOPE = config.auth.scope;
    secretNames.push('ENGAGE_CLIENT_SECRET');
  }
  if (flags.dashboard)
    Object.assign(variables, {
      K6_WEB_DASHBOARD: 'true',
      K6_WEB_DASHBOARD_EXPORT: inReports(reportsDirectory, REPORT_FILES.loadDashboard),
    });
  const args = [
    'run',
    '--no-usage-report',
    // No REST API: k6 v1 serves one on localhost:6565 unless told otherwise, and its /v1/setup
    // answers setup()'s data, the bearer token, to any local process; an empty address starts none.
    '--address=',
    // Without a terminal k6 prints its progress every second (3,600 blocks in a CI log for a soak):
    // quiet, it prints only the summary, and npm run load says how long it has been running.
    ...(quiet ? ['--quiet'] : []),
    '--out',
    `json=${inReports(reportsDirectory, REPORT_FILES.loadMetrics)}`,
    'load/lookup.ts',
  ];
  return { args, environment: variables, secretNames };
}

/** k6's environment: the shell's (proxies, SSL_CERT_FILE) without the other layers' secrets, and the command's. */
export function k6ProcessEnvironment(shell: NodeJS.ProcessEnv, command: K6Command): NodeJS.ProcessEnv {
  // No secret from the shell: the command's environment puts back the one k6 uses.
  const inherited = Object.entries(shell).filter(([name]) => !(SECRET_SETTINGS as readonly string[]).includes(name));
  return { ...Object.fromEntries(inherited), ...command.environment };
}

/** How the command reads in a log: the environment with secrets replaced. */
export function describeK6Command(binary: string, command: K6Command): string {
  const shown = Object.entries(command.environment).map(
    ([name, value]) => `${name}=${command.secretNames.includes(name) ? '[redacted]' : value}`,
  );
  return `${shown.join(' ')} ${binary} ${command.args.join(' ')}`;
}
