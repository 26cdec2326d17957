// Command-line flags for the suite's entry points: node's parseArgs, strict. `--help` prints every
// flag with what it does and the variable it stands for; a mistake is a ConfigError that names the
// command and its flags, and hints at `--` when npm kept a flag for itself.
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

export function parseFlags(args: string[], flags: Record<string, FlagSpec>, command: string, summary = ''): FlagValues {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested(helpText(command, summary, flags));
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
