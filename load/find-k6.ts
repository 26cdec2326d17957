// Where the k6 binary is: K6_BIN (which must exist when set), else the first k6 on the PATH, as an
// absolute path, so that a relative K6_BIN still finds k6 from a test's or archive's own folder.
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import { isFile, isFolder } from '../config/path-kind.ts';
import { settingValue } from '../config/setting-value.ts';

/** What a command that needs k6 says without one, and what to do: "k6 was not found (…)". */
export const K6_NOT_FOUND_PROBLEM = 'was not found (set K6_BIN, or put k6 on the PATH)';
export const K6_NOT_FOUND = `k6 ${K6_NOT_FOUND_PROBLEM}`;

export const K6_INSTALL_HINT = `${K6_NOT_FOUND}. Install it from:
  - Debian/Ubuntu: the k6 apt repository (https://grafana.com/docs/k6/latest/set-up/install-k6/)
  - macOS: brew install k6
  - Docker: the grafana/k6 image
  - GitHub Actions: grafana/setup-k6-action`;

/** The k6 to run, or undefined when none is installed; a K6_BIN that is not executable is a ConfigError. */
export function findK6(environment: Record<string, string | undefined>): string | undefined {
  const given = settingValue(environment, 'K6_BIN');
  if (given !== undefined) {
    if (!isExecutable(given))
      throw new ConfigError(
        'K6_BIN',
        isFolder(given)
          ? `"${given}" is a folder: set it to the k6 binary (${join(given, K6_FILE)})`
          : existsSync(given)
            ? `"${given}" is not an executable file`
            : `"${given}" does not exist`,
      );
    return resolve(given);
  }
  return (environment.PATH ?? '')
    .split(delimiter)
    .map((folder) => resolve(join(folder, K6_FILE)))
    .find(isExecutable);
}

/** The binary's file name on this platform. */
const K6_FILE = process.platform === 'win32' ? 'k6.exe' : 'k6';
const isExecutable = (candidate: string) => isFile(candidate, { executable: true });
