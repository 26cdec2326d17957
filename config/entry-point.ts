// How every entry point runs: runMain turns a ConfigError into one line and exit code 2, --help into
// its text, and a main that can never finish into a line and exit code 1; isEntryPoint tells a
// module run as a program from one imported.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error.ts';
import { readEnvironmentAsFarAsItGoes } from './environment-files.ts';
import { withoutSecretValues } from './secret-settings.ts';

/** Whether the module at `moduleUrl` (its import.meta.url) is the program node was asked to run. */
export function isEntryPoint(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/**
 * Runs an entry point's main and returns what it returns; a ConfigError becomes one line on stderr
 * and exit code 2 (at once with `exitNow`, for a host such as Playwright that would go on), --help its
 * text. A process that ends with main still waiting fails with a line instead of Node's silent code 13.
 */
export async function runMain<T>(main: () => Promise<T> | T, { exitNow = false } = {}): Promise<T | undefined> {
  // Node ends a program whose main still waits on a promise nothing can settle (a socket lost
  // without an error) with exit code 13 and no word; this says so and fails the run instead. An exit
  // with a code of its own (an interrupt's 130, an uncaught error's 1) is left as it is; 0 cannot be
  // told apart, since Node 20 shows an unsettled main's exit as code 0 here.
  const unsettled = () => {
    if (![undefined, 0, 13].includes(process.exitCode as number | undefined)) return;
    process.stderr.write('internal error: the run stopped while waiting on something that never finished\n');
    process.exitCode = 1;
  };
  process.once('exit', unsettled);
  try {
    return await main();
  } catch (error) {
    if ((error as Error).name === 'HelpRequested') {
      process.stdout.write(`${(error as Error).message}\n`);
      return undefined;
    }
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${refusalLine(error)}\n`);
    process.exitCode = 2;
    if (exitNow) process.exit(2);
    return undefined;
  } finally {
    process.off('exit', unsettled);
  }
}

/**
 * A ConfigError as one line, without the value of any secret setting: a refusal quotes the value it
 * refused, which may be a token given to the wrong variable.
 */
export function refusalLine(error: ConfigError): string {
  return withoutSecretValues(`configuration error: ${error.message}`, readEnvironmentAsFarAsItGoes());
}
