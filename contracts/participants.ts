// The names of the two sides of the contract, in one place: the pact file, the verifier and the
// broker scripts all read them from here.
import { fileURLToPath } from 'node:url';

export const CONSUMER_NAME = 'engage-appointments-client';
export const PROVIDER_NAME = 'pexip-engage-appointments-api';

export const PACT_DIRECTORY = fileURLToPath(new URL('./pacts/', import.meta.url));
export const PACT_FILE = `${PACT_DIRECTORY}${CONSUMER_NAME}-${PROVIDER_NAME}.json`;
