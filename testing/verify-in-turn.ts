// Runs provider verification once for each environment given (JSON, as the one argument), in turn in
// one process, as `npm run verify:provider` makes it, printing each run's output and exit code between
// markers: tests of many verifications pay for Node's and Pact's start (about 1 s of CPU) once.
import { ConfigError } from '../config/config-error.ts';
import { isEntryPoint } from '../config/entry-point.ts';
import { readEnvironment } from '../config/environment-files.ts';
import { readSuiteConfig } from '../config/suite-config.ts';
import { runVerification } from '../contracts/provider/verify-provider.ts';
import { type EntryPointRun, runEntryPoint } from './run-entry-point.ts';

const MARKER = '@@ verification';

/** Each verification's exit code, output and time, in the order of `environments`, from one child process. */
export async function verifyInTurn(
  environments: Array<Record<string, string>>,
): Promise<Array<EntryPointRun & { milliseconds: number }>> {
  const { code, output } = await runEntryPoint('testing/verify-in-turn.ts', {}, [JSON.stringify(environments)]);
  const runs = [
    ...output.matchAll(/^@@ verification \d+ begins\n([\s\S]*?)^@@ verification \d+ exited (\d+) in (\d+) ms$/gm),
  ];
  if (code !== 0 || runs.length !== environments.length)
    throw new Error(`verify-in-turn exited ${code} after ${runs.length} of ${environments.length} runs:\n${output}`);
  return runs.map(([, text, exit, milliseconds]) => ({
    code: Number(exit),
    output: text as string,
    milliseconds: Number(milliseconds),
  }));
}

if (isEntryPoint(import.meta.url)) {
  // Node's stderr joins its stdout, so that each run's lines stay between its markers.
  process.stderr.write = process.stdout.write.bind(process.stdout) as typeof process.stderr.write;
  const environments = JSON.parse(process.argv[2] ?? '[]') as Array<Record<string, string>>;
  for (const [index, overrides] of environments.entries()) {
    console.log(`${MARKER} ${index} begins`);
    const started = performance.now();
    let code: number;
    try {
      const environment = readEnvironment({ ...process.env, ...overrides });
      code = await runVerification(environment, readSuiteConfig(environment));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.log(`configuration error: ${error.message}`);
      code = 2;
    }
    console.log(`${MARKER} ${index} exited ${code} in ${Math.round(performance.now() - started)} ms`);
  }
}
