// The one way a Node process of the suite gets its configuration: the env files and variables read
// once (readEnvironment), validated into a SuiteConfig (readSuiteConfig, its refusals naming the env
// file of each variable), and kept for the process. Entry points that take --env set ENGAGE_ENV first.
import { relative } from 'node:path';
import { ConfigError } from './config-error.ts';
import { type Environment, readEnvironment, settingFiles } from './environment-files.ts';
import { warnOfUnknownSettings as warnOfUnknown } from './setting-names.ts';
import { readSuiteConfig, type SuiteConfig } from './suite-config.ts';

let loaded: { environment: Environment; config: SuiteConfig } | undefined;

/**
 * The environment as read (for settings outside the suite config, such as K6_BIN) and the config.
 * The commands a user starts warn first of ENGAGE_* and SANDBOX_* names the suite does not read
 * (and of the other slips warnOfUnknownSettings names).
 */
export function loadSuite({ warnOfUnknownSettings = false } = {}): { environment: Environment; config: SuiteConfig } {
  if (loaded === undefined) {
    const environment = readEnvironment();
    if (warnOfUnknownSettings) warnOfUnknown(environment);
    loaded = { environment, config: withSettingFiles(() => readSuiteConfig(environment)) };
  }
  return loaded;
}

/**
 * `read`'s value, or its ConfigError with the env file of each variable it names that a file set
 * (`ENGAGE_TOKEN is set in .env; ENGAGE_TOKEN_URL in .env.staging`): files merge, and a value from a
 * file the user did not think of is otherwise hard to find.
 */
export function withSettingFiles<T>(read: () => T, processEnvironment: Environment = process.env): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const sources = settingSources(`${error.variable} ${error.problem}`, processEnvironment);
    if (sources === '') throw error;
    throw new ConfigError(error.variable, `${error.problem}${sources}`);
  }
}

/**
 * " (ENGAGE_TOKEN is set in .env; ENGAGE_TOKEN_URL in .env.staging)": the env file of each variable
 * `line` names that a file set, grouped by file in the order the line names them; "" when none.
 */
export function settingSources(line: string, processEnvironment: Environment = process.env): string {
  const files = settingFiles(processEnvironment);
  const named = [...new Set(line.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g))].filter((name) => files[name] !== undefined);
  if (named.length === 0) return '';
  const shown = (file: string) =>
    relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
  const byFile = new Map<string, string[]>();
  for (const name of named) byFile.set(files[name] as string, [...(byFile.get(files[name] as string) ?? []), name]);
  const sources = [...byFile].map(
    ([file, names], index) =>
      `${names.join(', ')} ${index === 0 ? (names.length === 1 ? 'is set ' : 'are set ') : ''}in ${shown(file)}`,
  );
  return ` (${sources.join('; ')})`;
}

export function loadSuiteConfig(): SuiteConfig {
  return loadSuite().config;
}
