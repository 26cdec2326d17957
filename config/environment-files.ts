// Reads the variables of a run: `.env`, then `.env.<name>` when ENGAGE_ENV=<name>, with variables
// already set in the process (to something, not blank) winning over both files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
      // `--env .env.staging` names the file where the suffix was asked for.
      const suffix = /(?:^|\/)\.env\.([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(name)?.[1];
      throw new ConfigError(
        'ENGAGE_ENV',
        `"${name}" is not a file suffix (letters, digits, "-" and "_")${suffix === undefined ? '' : `: for ${name}, give ${suffix}`}`,
      );
    }
    const file = `${directory}/.env.${name}`;
    if (!existsSync(file)) {
      const names = readdirSync(directory)
        .flatMap((entry) => /^\.env\.([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(entry)?.[1] ?? [])
        .filter((suffix) => suffix !== 'example')
        .sort();
      const known = names.length === 0 ? 'there is no .env.<name> file there' : `there are ${names.join(', ')}`;
      throw new ConfigError('ENGAGE_ENV', `is "${name}" but ${file} does not exist; ${known}`);
    }
    named = readEnvironmentFile(file);
    if (Object.keys(named).length === 0)
      throw new ConfigError('ENGAGE_ENV', `is "${name}" but ${file} sets no variable`);
  }
  return { ...base, ...named, ...withoutBlank(processEnvironment) };
}

/** An unquoted value with a "#" right after other text: dotenv cuts it there, as a comment. */
const CUT_BY_HASH = /^\s*(?:export\s+)?([\w.-]+)\s*=[ \t]*(?!["'`])[^\n#]*\S#/;

function readEnvironmentFile(file: string): Environment {
  if (!existsSync(file)) return {};
  const bytes = readFileSync(file);
  // PowerShell 5's `>` and Out-File write UTF-16, which dotenv reads as no variable at all.
  if (bytes.includes(0))
    throw new ConfigError(file, 'is not UTF-8 text (UTF-16, as PowerShell 5 writes by default?): save it as UTF-8');
  for (const line of bytes.toString('utf8').split(/\r?\n/)) {
    const variable = CUT_BY_HASH.exec(line)?.[1];
    if (variable !== undefined)
      throw new ConfigError(
        variable,
        `in ${file} has a "#" right after other text, where dotenv cuts the value as a comment: quote the value ('…') to keep the "#", or put a space before a comment`,
      );
  }
  return parse(bytes);
}

/** The variables set to something: a blank one (`export ENGAGE_BASE_URL=`, an unset CI variable) leaves a file's value be. */
function withoutBlank(environment: Environment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '',
    ),
  );
}
