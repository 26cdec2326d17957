// Reads the variables of a run: `.env`, then `.env.<name>` when ENGAGE_ENV=<name>, with variables
// already set in the process winning over both files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { ConfigError } from './config-error.ts';
import { handOff } from './handoffs.ts';
import { isFolder } from './path-kind.ts';

export type Environment = Readonly<Record<string, string | undefined>>;

const environmentNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Merges `.env`, `.env.<ENGAGE_ENV>` and the process environment, later ones winning (a variable the
 * shell sets blank too: blankOverrideWarnings says so). The files are read from ENGAGE_CONFIG_DIR,
 * else the working directory.
 */
export function readEnvironment(
  processEnvironment: Environment = process.env,
  directory = configDirectory(processEnvironment),
) {
  return { ...readEnvironmentFiles(processEnvironment, directory).values, ...withoutUndefined(processEnvironment) };
}

/**
 * The settings as far as they can be read: the env files too, unless reading them is what fails
 * (a bad ENGAGE_ENV), which whoever reads the settings next reports. For a refusal's own report.
 */
export function readEnvironmentAsFarAsItGoes(): Environment {
  try {
    return readEnvironment();
  } catch {
    return process.env;
  }
}

/** The env file each value in effect came from, for the variables a file sets (not blank) and the shell does not. */
export function settingFiles(
  processEnvironment: Environment = process.env,
  directory = configDirectory(processEnvironment),
): Record<string, string> {
  const { values, fileOf } = readEnvironmentFiles(processEnvironment, directory);
  return Object.fromEntries(
    Object.entries(fileOf).filter(([name]) => values[name]?.trim() && processEnvironment[name] === undefined),
  );
}

/** One warning per variable the shell sets blank over a value in an env file, which it hides. */
export function blankOverrideWarnings(
  processEnvironment: Environment = process.env,
  directory = configDirectory(processEnvironment),
): string[] {
  const { values, fileOf } = readEnvironmentFiles(processEnvironment, directory);
  // Not ENGAGE_ENV: a blank one names no file, and .env's then applies.
  return Object.entries(values)
    .filter(([name, value]) => name !== 'ENGAGE_ENV' && value?.trim() && processEnvironment[name]?.trim() === '')
    .map(
      ([name]) =>
        `warning: ${name} is set blank in the shell, which hides its value in ${fileOf[name]}: unset ${name} to use it`,
    );
}

/** ENGAGE_CONFIG_DIR (blank is unset), else the working directory. */
const configDirectory = (processEnvironment: Environment) =>
  nonBlank(processEnvironment.ENGAGE_CONFIG_DIR) ?? process.cwd();

/** `.env` and `.env.<ENGAGE_ENV>` merged, with the file each value came from. */
function readEnvironmentFiles(processEnvironment: Environment, directory: string) {
  // A folder that is not there would read as no file at all, and the run go to the sandbox unsaid.
  if (!isFolder(directory))
    throw new ConfigError('ENGAGE_CONFIG_DIR', `is "${directory}", which is not a folder to read .env files from`);
  const base = readEnvironmentFile(`${directory}/.env`);
  // A blank ENGAGE_ENV of the shell names no file, as for every other setting a blank one is unset.
  const name = nonBlank(processEnvironment.ENGAGE_ENV) ?? nonBlank(base.ENGAGE_ENV);
  let named: Environment = {};
  let namedFile = '';
  if (name !== undefined) {
    if (!environmentNamePattern.test(name)) {
      // `--env .env.staging` names the file where the suffix was asked for.
      const suffix = /(?:^|\/)\.env\.([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(name)?.[1];
      throw new ConfigError(
        'ENGAGE_ENV',
        `"${name}" is not a file suffix (letters, digits, "-" and "_")${suffix === undefined ? '' : `: for ${name}, give ${suffix}`}`,
      );
    }
    namedFile = `${directory}/.env.${name}`;
    if (!existsSync(namedFile)) {
      const names = readdirSync(directory)
        .flatMap((entry) => /^\.env\.([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(entry)?.[1] ?? [])
        .filter((suffix) => suffix !== 'example')
        .sort();
      const known = names.length === 0 ? 'there is no .env.<name> file there' : `there are ${names.join(', ')}`;
      throw new ConfigError('ENGAGE_ENV', `is "${name}" but ${namedFile} does not exist; ${known}`);
    }
    named = readEnvironmentFile(namedFile);
    if (Object.keys(named).length === 0)
      throw new ConfigError('ENGAGE_ENV', `is "${name}" but ${namedFile} sets no variable`);
  }
  const fileOf: Record<string, string> = Object.fromEntries([
    ...Object.keys(base).map((key) => [key, `${directory}/.env`]),
    ...Object.keys(named).map((key) => [key, namedFile]),
  ]);
  return { values: { ...base, ...named }, fileOf };
}

/**
 * An unquoted value with a "#" right after other text, or right after `=`: dotenv cuts it there, as a
 * comment (`S=ab#cd` reads "ab", `S=#cd` reads ""). dotenv's colon form needs a space after the colon.
 */
const CUT_BY_HASH = /^\s*(?:export\s+)?([\w.-]+)(?:\s*=#|(?:\s*=|:[ \t])[ \t]*(?![ \t"'`])[^\n#]*\S#)/;

/** dotenv's own line rule (dotenv 18's parse): what it reads as NAME=value, quoted values over lines included. */
const DOTENV_LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

/** The number of the first line dotenv reads as nothing though it is neither blank nor a comment, or undefined. */
function strayLine(text: string): number | undefined {
  // As dotenv reads it: its line ends made one.
  const source = text.replace(/\r\n?/g, '\n');
  const read = new Uint8Array(source.length + 1);
  for (const match of source.matchAll(DOTENV_LINE)) read.fill(1, match.index, match.index + match[0].length);
  let start = 0;
  for (const [index, line] of source.split('\n').entries()) {
    const first = line.search(/\S/);
    if (first !== -1 && line[first] !== '#' && !read[start + first]) return index + 1;
    start += line.length + 1;
  }
  return undefined;
}

function readEnvironmentFile(file: string): Environment {
  if (!existsSync(file)) return {};
  const bytes = readFileSync(file);
  // PowerShell 5's `>` and Out-File write UTF-16, which dotenv reads as no variable at all.
  if (bytes.includes(0))
    throw new ConfigError(file, 'is not UTF-8 text (UTF-16, as PowerShell 5 writes by default?): save it as UTF-8');
  const text = bytes.toString('utf8');
  const lines = text.split(/\r?\n/);
  const stray = strayLine(text);
  if (stray !== undefined)
    throw new ConfigError(
      file,
      `line ${stray} is no NAME=value, and dotenv drops it without a word: a value wrapped over lines? put it on one line, or quote it whole`,
    );
  for (const line of lines) {
    const variable = CUT_BY_HASH.exec(line)?.[1];
    if (variable !== undefined)
      throw new ConfigError(
        variable,
        `in ${file} has a "#" right after other text or the "=", where dotenv cuts the value as a comment: quote the value ('…') to keep the "#", or put a space before a comment`,
      );
  }
  return parse(bytes);
}

function withoutUndefined(environment: Environment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

const nonBlank = (value: string | undefined) => (value?.trim() ? value : undefined);

/**
 * `--env <name>`: ENGAGE_ENV for this process and those it starts, its file read at once, so that a
 * name that reads no file is refused as the flag the user gave, not as a variable they never set.
 */
export function useEnvironmentName(name: string | undefined, environment: Environment = process.env): void {
  if (name === undefined) return;
  Object.assign(environment, handOff({ ENGAGE_ENV: name }));
  try {
    readEnvironment(environment);
  } catch (error) {
    if (error instanceof ConfigError && error.variable === 'ENGAGE_ENV') throw new ConfigError('--env', error.problem);
    throw error;
  }
}
