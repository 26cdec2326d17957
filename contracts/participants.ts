// The names of the two sides of the contract, and where their pacts are, in one place: the pact
// file, the verifier and the broker scripts all read them from here.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readHandoff } from '../config/handoffs.ts';

export const CONSUMER_NAME = 'engage-appointments-client';
export const PROVIDER_NAME = 'pexip-engage-appointments-api';

/** Where the consumer tests write pacts and verification reads them: ENGAGE_PACT_DIR, else contracts/pacts/. */
const handedPactDirectory = readHandoff(process.env, 'ENGAGE_PACT_DIR');
export const PACT_DIRECTORY = handedPactDirectory
  ? `${handedPactDirectory.replace(/\/+$/, '')}/`
  : fileURLToPath(new URL('./pacts/', import.meta.url));
export const PACT_FILE = `${PACT_DIRECTORY}${CONSUMER_NAME}-${PROVIDER_NAME}.json`;

/** The pacts in PACT_DIRECTORY, by path: what verification reads and publish sends. */
export const pactFiles = (): string[] =>
  (existsSync(PACT_DIRECTORY) ? readdirSync(PACT_DIRECTORY, { withFileTypes: true }) : [])
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => `${PACT_DIRECTORY}${entry.name}`);
