// The names of the two sides of the contract, and where their pacts are, in one place: the pact
// file, the verifier and the broker scripts all read them from here.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config/config-error.ts';
import { readHandoff } from '../config/handoffs.ts';
import { isFolder } from '../config/path-kind.ts';

export const CONSUMER_NAME = 'engage-appointments-client';
export const PROVIDER_NAME = 'pexip-engage-appointments-api';

/** Where the consumer tests write pacts and verification reads them: ENGAGE_PACT_DIR, else contracts/pacts/. */
const handedPactDirectory = readHandoff(process.env, 'ENGAGE_PACT_DIR');
export const PACT_DIRECTORY = handedPactDirectory
  ? `${handedPactDirectory.replace(/\/+$/, '')}/`
  : fileURLToPath(new URL('./pacts/', import.meta.url));
export const PACT_FILE = `${PACT_DIRECTORY}${CONSUMER_NAME}-${PROVIDER_NAME}.json`;

/** The pacts in `directory` (PACT_DIRECTORY, ending in /), by path: what verification reads and publish sends. */
export function pactFiles(directory = PACT_DIRECTORY): string[] {
  // Without its last slash: a file there is no folder, and no missing one either.
  const folder = directory.slice(0, -1);
  if (!existsSync(folder)) return [];
  if (!isFolder(folder)) throw new ConfigError('ENGAGE_PACT_DIR', `names ${folder}, which is not a folder`);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => `${directory}${entry.name}`);
}
