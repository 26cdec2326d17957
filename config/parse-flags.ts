// Command-line flags for the suite's entry points: node's parseArgs, strict. `--help` prints every
// flag with what it does and the variable it stands for; a mistake is a ConfigError that names the
// command and its flags, and so is a flag npm kept for itself (given before `--`).
import { parseArgs } from 'node:util';
import { ConfigError } from './config-error.ts';

export type FlagValues = Record<string, string | boolean | undefined>;

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** One line: what it does, with its default. */
  help: string;
  /** The variable that sets the same, if one does. */
  variable?: string;
}

/** Thrown for --help: runMain prints the text and exits 0. */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
}

/** The help text of a command: usage, then one line per flag with its variable. */
function helpText(command: string, summary: string, flags: Record<string, FlagSpec>): string {
  const rows = Object.entries(flags).map(([name, spec]) => [
    `--${name}${spec.type === 'string' ? ' <value>' : ''}`,
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
 * A flag of the command that npm took for itself, as given (`--skip load`): before `--`, npm hands a
 * flag on only as npm_config_<name>, taking one it does not know for a switch and leaving its value
 * among the arguments, and the run would go on without it (`npm start --require-load` unchecked).
 */
function flagNpmKept(
  args: string[],
  flags: Record<string, FlagSpec>,
  environment: Record<string, string | undefined>,
): string | undefined {
  for (const [name, spec] of Object.entries(flags)) {
    const value = environment[`npm_config_${name.replaceAll('-', '_')}`];
    if (value === undefined || value === '') continue;
    if (spec.type === 'boolean') return `--${name}`;
    const given = value === 'true' ? args.find((arg) => !arg.startsWith('-')) : value;
    return `--${name} ${given ?? '<value>'}`;
  }
  return undefined;
}

export function parseFlags(
  args: string[],
  flags: Record<string, FlagSpec>,
  command: string,
  summary = '',
  environment: Record<string, string | undefined> = process.env,
): FlagValues {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested(helpText(command, summary, flags));
  const kept = flagNpmKept(args, flags, environment);
  if (kept !== undefined)
    throw new ConfigError(
      `${command}:`,
      `npm kept ${kept} for itself, since it came before --, and the run would go on without it: put the flags after --, e.g. ${command} -- ${kept}`,
    );
  const options = Object.fromEntries(Object.entries(flags).map(([name, { type }]) => [name, { type }]));
  try {
    return parseArgs({ args, options, strict: true }).values as FlagValues;
  } catch (error) {
    const known = Object.keys(flags)
      .map((name) => `--${name}`)
      .join(', ');
    const { message } = error as Error;
    const positional = /^Unexpected argument '([^']*)'/.exec(message)?.[1];
    const hint =
      positional === undefined
        ? `its flags are ${known}, and --help`
        : `npm may have kept a flag for itself: put the flags after --, e.g. ${command} -- --env ${positional}`;
    // "npm start: unknown option '--onyl'; …", not node's capitalised sentence after the command's name.
    const what = message.replace(/\.? To specify .*$/s, '').replace(/^[A-Z]/, (first) => first.toLowerCase());
    throw new ConfigError(`${command}:`, `${what}; ${hint}`);
  }
}
