// What a load run will do, worked out before anything starts: the k6 command and its options, every
// load setting read on the way; npm run load runs it, and npm start checks it before its first layer.
import { readFileSync } from 'node:fs';
import type { Environment } from '../config/environment-files.ts';
import type { SuiteConfig } from '../config/suite-config.ts';
import { buildK6Command, type K6Command, type LoadFlags, readLoadFlags } from './k6-command.ts';
import { k6VariableWarnings, refuseK6Variables } from './k6-variables.ts';
import { buildLoadOptions, type LoadOptions } from './lib/load-options.ts';
import { appointmentIdsFromFile, readLoadSettings } from './lib/load-settings.ts';

const slo = JSON.parse(readFileSync(new URL('../slo.json', import.meta.url), 'utf8'));

/** Stands in for the embedded sandbox's URL before it is started: options are those of any loopback URL. */
const NOT_STARTED_SANDBOX_URL = 'http://127.0.0.1:1';

/**
 * The run against `baseUrl`, or against the embedded sandbox not started yet when it is undefined
 * (`shownUrl` is then what the command shows for it); throws a ConfigError for a setting it cannot use.
 * k6's own variables are read from `shell`, the environment k6 inherits: k6 reads no .env file.
 */
export function planLoadRun(
  config: SuiteConfig,
  baseUrl: string | undefined,
  flags: LoadFlags,
  reports: string,
  environment: Environment,
  {
    quiet = false,
    shownUrl = NOT_STARTED_SANDBOX_URL,
    shell = process.env,
  }: { quiet?: boolean; shownUrl?: string; shell?: NodeJS.ProcessEnv } = {},
): { command: K6Command; options: LoadOptions; warnings: string[] } {
  refuseK6Variables(shell, flags.profile);
  const command = buildK6Command(config, baseUrl ?? shownUrl, flags, reports, environment, { quiet });
  const settings = readLoadSettings(
    baseUrl === undefined ? { ...command.environment, ENGAGE_BASE_URL: NOT_STARTED_SANDBOX_URL } : command.environment,
  );
  const options = buildLoadOptions(settings, slo.lookup);
  // Refused here in one line, as k6's setup() would refuse it after its banner and an empty summary.
  if (settings.appointmentIdsFile !== undefined)
    appointmentIdsFromFile(settings.appointmentIdsFile, (file) => readFileSync(file, 'utf8'));
  // A duration the profile does not take is no error (a shared .env may hold it for smoke), but said.
  const ramping = Object.values(options.scenarios).some((scenario) => scenario.executor === 'ramping-arrival-rate');
  const warnings = [
    ...(flags.duration !== undefined && ramping
      ? [
          `warning: ${flags.durationSetting} ${flags.duration} changes only the smoke and soak profiles: ${flags.profile} runs its own stages`,
        ]
      : []),
    ...k6VariableWarnings(shell),
  ];
  return { command, options, warnings };
}

/**
 * npm start's check at start of the load layer it will run with `profile`: throws a ConfigError as
 * npm run load would, and returns its warnings.
 */
export function checkLoadRun(
  config: SuiteConfig,
  profile: string,
  reports: string,
  environment: Environment,
  shell: NodeJS.ProcessEnv = process.env,
): string[] {
  const flags = readLoadFlags(['--profile', profile], environment);
  return planLoadRun(
    config,
    config.target.kind === 'remote' ? config.target.baseUrl : undefined,
    flags,
    reports,
    environment,
    { shell },
  ).warnings;
}
