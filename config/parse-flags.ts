// Command-line flags for the suite's entry points: node's parseArgs, strict. `--help` prints every
// flag with what it does and the variable it stands for; a mistake is a ConfigError that names the
// command and its flags (and, for another command's flag, the variable that does the same here), and
// so is a flag npm kept for itself (given before `--`).
import { parseArgs } from 'node:util';
import { ConfigError } from './config-error.ts';
import { useEnvironmentName } from './environment-files.ts';

export type FlagValues = Record<string, string | boolean | undefined>;

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** One line: what it does, with its default. */
  help: string;
  /** The variable that sets the same, if one does. */
  variable?: string;
  /** What a string flag's value is, in --help: `--against <commit>` (default `value`). */
  value?: string;
}

/** Another command whose flags a user may give this one: `npm start -- --duration 5m`, meant for npm run load. */
export interface OtherCommand {
  command: string;
  flags: Record<string, FlagSpec>;
}

/** --env, which every command that reads the settings takes: the .env.<name> file, as ENGAGE_ENV. */
export const ENV_FLAG: FlagSpec = {
  type: 'string',
  help: 'read .env.<value> over .env (its values win)',
  variable: 'ENGAGE_ENV',
};

/** Thrown for --help: runMain prints the text and exits 0. */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
}

/** The help text of a command: usage, then one line per flag with its variable. */
function helpText(command: string, summary: string, flags: Record<string, FlagSpec>): string {
  const rows = Object.entries(flags).map(([name, spec]) => [
    `--${name}${spec.type === 'string' ? ` <${spec.value ?? 'value'}>` : ''}`,
    `${spec.help}${spec.variable === undefined ? '' : ` (${spec.variable})`}`,
  ]);
  const width = Math.max(...rows.map(([flag]) => (flag as string).length));
  return [
    `usage: ${command} -- [flags]`,
    summary,
    '',
    ...rows.map(([flag, text]) => `  ${(flag as string).padEnd(width)}  ${text}`),
    `  ${'--help'.padEnd(width)}  this text`,
    '',
    'Settings come from .env, .env.<ENGAGE_ENV> and the environment; README.md lists every variable.',
  ].join('\n');
}

/**
 * The flags of the command that npm took for itself, as given (`--skip load`), with the variables
 * that show them: before `--`, npm hands a flag on only as npm_config_<name>, taking one it does not
 * know for a switch and leaving its value among the arguments, and the run would go on without it
 * (`npm start --require-load` unchecked). Only under the command's own npm script: `npm start` reads
 * the load and sandbox settings too, and its layers and the suite's tests inherit its variables.
 */
function flagsNpmKept(
  args: string[],
  flags: Record<string, FlagSpec>,
  command: string,
  environment: Record<string, string | undefined>,
): { given: string[]; variables: string[] } {
  const script = command === 'npm start' ? 'start' : command.replace(/^npm run /, '');
  if (environment.npm_lifecycle_event !== script) return { given: [], variables: [] };
  const kept = Object.entries(flags).flatMap(([name, spec]) => {
    const variable = `npm_config_${name.replaceAll('-', '_')}`;
    const value = environment[variable];
    return value === undefined || value === '' ? [] : [{ name, spec, variable, value }];
  });
  // A value left among the arguments is paired with its flag only when that pairing is the one there is.
  const switches = kept.filter(({ spec, value }) => spec.type === 'string' && value === 'true');
  const leftover = args.filter((arg) => !arg.startsWith('-'));
  const given = kept.map(({ name, spec, value }) => {
    if (spec.type === 'boolean') return `--${name}`;
    if (value !== 'true') return `--${name} ${value}`;
    return `--${name} ${switches.length === 1 && leftover.length === 1 ? leftover[0] : '<value>'}`;
  });
  return { given, variables: kept.map(({ variable, value }) => `${variable}=${value}`) };
}

export function parseFlags(
  args: string[],
  flags: Record<string, FlagSpec>,
  command: string,
  summary = '',
  environment: Record<string, string | undefined> = process.env,
  other?: OtherCommand,
): FlagValues {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested(helpText(command, summary, flags));
  const kept = flagsNpmKept(args, flags, command, environment);
  if (kept.given.length > 0)
    throw new ConfigError(
      `${command}:`,
      `npm kept ${kept.given.join(' ')} for itself (${kept.variables.join(', ')}: given before --, or set in an .npmrc), and the run would go on without it: put the flags after --, e.g. ${command} -- ${kept.given.join(' ')}`,
    );
  const options = Object.fromEntries(Object.entries(flags).map(([name, { type }]) => [name, { type }]));
  try {
    return parseArgs({ args, options, strict: true }).values as FlagValues;
  } catch (error) {
    const known = Object.keys(flags)
      .map((name) => `--${name}`)
      .join(', ');
    const { message } = error as Error;
    const hint = `its flags are ${known}, and --help`;
    // "npm start: unknown option '--onyl'; …", not node's capitalised sentences (some on lines of their
    // own) after the command's name.
    const sentence = message
      .replace(/\.?\s+(To specify|Did you forget) .*$/s, '')
      .replace(/^[A-Z]/, (first) => first.toLowerCase());
    // `--layer-timeout -5`: node takes -5 for a flag, and the value is to be given after '='.
    const ambiguous = /^Option '(--[^']+)' argument is ambiguous/.exec(message)?.[1];
    const value = ambiguous === undefined ? undefined : args[args.indexOf(ambiguous) + 1];
    const what =
      value === undefined
        ? sentence
        : `${sentence}: a value that starts with a dash goes after '=', as in ${ambiguous}=${value}`;
    const name = /^Unknown option '--([^'=]+)/.exec(message)?.[1];
    const theirs = name === undefined ? undefined : other?.flags[name];
    const elsewhere =
      theirs === undefined
        ? ''
        : `: it is a flag of ${other?.command}${theirs.variable === undefined ? ' alone' : `; for ${command}, set ${theirs.variable}`}`;
    throw new ConfigError(`${command}:`, `${what}${elsewhere}; ${hint}`);
  }
}

/**
 * The flags of a command whose only flag is --env (and --help): given, it becomes ENGAGE_ENV for
 * this process and those it starts, as npm start's and npm run load's is, before anything reads the settings.
 */
export function useEnvFlag(args: string[], command: string, summary: string, environment = process.env): void {
  const { env } = parseFlags(args, { env: ENV_FLAG }, command, summary, environment);
  useEnvironmentName(env as string | undefined, environment);
}
