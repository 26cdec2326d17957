// Command-line flags for the suite's entry points: node's parseArgs, strict, with a mistake turned
// into a ConfigError that names the command.
import { parseArgs } from 'node:util';
import { ConfigError } from './config-error.ts';

export type FlagValues = Record<string, string | boolean | undefined>;

export function parseFlags(
  args: string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
  command: string,
): FlagValues {
  try {
    return parseArgs({ args, options, strict: true }).values as FlagValues;
  } catch (error) {
    throw new ConfigError(`${command} arguments`, (error as Error).message);
  }
}
