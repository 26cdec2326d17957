// The one kind of error a bad configuration raises: it names the variable and says what is wrong,
// and entry points print it as one line, without a stack trace.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Runs an entry point's main; a ConfigError becomes one line on stderr and exit code 2, --help its text. */
export async function runMain(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if ((error as Error).name === 'HelpRequested') {
      process.stdout.write(`${(error as Error).message}\n`);
      return;
    }
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exitCode = 2;
  }
}
