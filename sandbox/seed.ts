// The data the sandbox serves: enterprises with a default language and their appointments, stored
// as the API returns them; a location's translatable fields are resolved from its translations per
// request. A seed file (SANDBOX_SEED_FILE) has this shape as JSON and is validated on load.
import { readFileSync } from 'node:fs';
import { formatViolations, SchemaId, validateAgainstSchema } from '../schemas/schema-registry.ts';
import type { Appointment } from '../schemas/types.generated.ts';

export interface SeedEnterprise {
  id: string;
  defaultLanguage: string;
  appointments: Appointment[];
}

export interface Seed {
  enterprises: SeedEnterprise[];
}

export class SeedError extends Error {
  override name = 'SeedError';
}

/** Checks a seed's shape and every appointment against the schema, naming the first bad one in one line. */
export function validateSeed(seed: unknown, source: string): Seed {
  const candidate = seed as Partial<Seed> | undefined;
  if (!Array.isArray(candidate?.enterprises)) throw new SeedError(`${source}: expected {"enterprises": [...]}`);
  // A sandbox without one would answer every request 404, and name no enterprise to ask for.
  if (candidate.enterprises.length === 0) throw new SeedError(`${source}: "enterprises" is empty: give at least one`);
  candidate.enterprises.forEach((enterprise, index) => {
    if (typeof enterprise?.id !== 'string' || enterprise.id === '') {
      throw new SeedError(`${source}: /enterprises/${index}/id must be a non-empty string`);
    }
    if (typeof enterprise.defaultLanguage !== 'string' || enterprise.defaultLanguage === '') {
      throw new SeedError(`${source}: /enterprises/${index}/defaultLanguage must be a non-empty string`);
    }
    if (!Array.isArray(enterprise.appointments)) {
      throw new SeedError(`${source}: /enterprises/${index}/appointments must be an array`);
    }
    for (const appointment of enterprise.appointments) {
      const result = validateAgainstSchema(SchemaId.appointment, appointment);
      if (!result.valid) {
        // One line: the first violation, and how many more (fix, run again).
        const [first, ...more] = result.violations;
        throw new SeedError(
          `${source}: appointment ${JSON.stringify(appointment?.id)} of ${enterprise.id}: ${formatViolations(first === undefined ? [] : [first])}${more.length === 0 ? '' : ` (and ${more.length} more)`}`,
        );
      }
    }
  });
  return candidate as Seed;
}

export function readSeedFile(file: string): Seed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedError(`seed file ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  return validateSeed(parsed, file);
}
