// The one way a Node process of the suite gets its configuration: the env files and variables read
// once (readEnvironment), validated into a SuiteConfig (readSuiteConfig), and kept for the process.
// Entry points that take --env set ENGAGE_ENV before the first call.
import { type Environment, readEnvironment } from './environment-files.ts';
import { warnOfUnknownSettings as warnOfUnknown } from './setting-names.ts';
import { readSuiteConfig, type SuiteConfig } from './suite-config.ts';

let loaded: { environment: Environment; config: SuiteConfig } | undefined;

/**
 * The environment as read (for settings outside the suite config, such as K6_BIN) and the config.
 * The commands a user starts warn first of ENGAGE_* and SANDBOX_* names the suite does not read.
 */
export function loadSuite({ warnOfUnknownSettings = false } = {}): { environment: Environment; config: SuiteConfig } {
  if (loaded === undefined) {
    const environment = readEnvironment();
    if (warnOfUnknownSettings) warnOfUnknown(environment);
    loaded = { environment, config: readSuiteConfig(environment) };
  }
  return loaded;
}

export function loadSuiteConfig(): SuiteConfig {
  return loadSuite().config;
}
