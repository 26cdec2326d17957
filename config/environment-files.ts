// Reads the variables of a run: `.env`, then `.env.<name>` when ENGAGE_ENV=<name>, with variables
// already set in the process winning over both files.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { ConfigError } from './config-error.ts';

export type Environment = Readonly<Record<string, string | undefined>>;

const environmentNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Merges `.env`, `.env.<ENGAGE_ENV>` and the process environment, later ones winning. The files are
 * read from ENGAGE_CONFIG_DIR, else the working directory.
 */
export function readEnvironment(
  processEnvironment: Environment = process.env,
  directory = processEnvironment.ENGAGE_CONFIG_DIR ?? process.cwd(),
) {
  const base = readEnvironmentFile(`${directory}/.env`);
  const name = processEnvironment.ENGAGE_ENV ?? base.ENGAGE_ENV;
  let named: Environment = {};
  if (name !== undefined && name !== '') {
    if (!environmentNamePattern.test(name)) {
      throw new ConfigError('ENGAGE_ENV', `"${name}" is not a file suffix (letters, digits, "-" and "_")`);
    }
    const file = `${directory}/.env.${name}`;
    if (!existsSync(file)) throw new ConfigError('ENGAGE_ENV', `is "${name}" but ${file} does not exist`);
    named = readEnvironmentFile(file);
  }
  return { ...base, ...named, ...withoutUndefined(processEnvironment) };
}

function readEnvironmentFile(file: string): Environment {
  return existsSync(file) ? parse(readFileSync(file)) : {};
}

function withoutUndefined(environment: Environment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
