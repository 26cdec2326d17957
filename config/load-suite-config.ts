// The entry point every layer uses to get its configuration: read the env files and variables once,
// validate them, and cache the result for the process.
import { readEnvironment } from './environment-files.ts';
import { readSuiteConfig, type SuiteConfig } from './suite-config.ts';

let loaded: SuiteConfig | undefined;

export function loadSuiteConfig(): SuiteConfig {
  loaded ??= readSuiteConfig(readEnvironment());
  return loaded;
}
