// Where the k6 binary is: K6_BIN, else the first k6 on the PATH; undefined when there is none.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const K6_INSTALL_HINT = `k6 was not found (set K6_BIN, or put k6 on the PATH). Install it from:
  - Debian/Ubuntu: the k6 apt repository (https://grafana.com/docs/k6/latest/set-up/install-k6/)
  - macOS: brew install k6
  - Docker: the grafana/k6 image
  - GitHub Actions: grafana/setup-k6-action`;

export function findK6(environment: Record<string, string | undefined>): string | undefined {
  const candidates = environment.K6_BIN
    ? [environment.K6_BIN]
    : (environment.PATH ?? '').split(delimiter).map((folder) => join(folder, 'k6'));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
