// Runs provider verification once for each environment given, in turn in one process, as `npm run
// verify:provider` makes it (runVerification under runMain), printing each run's output and exit code
// between markers: tests of many verifications pay for Node's and Pact's start (about 1 s of CPU) once.
// ENGAGE_PACT_DIR is read once per process (contracts/participants.ts): it cannot differ between runs.
import { isEntryPoint, runMain } from '../config/entry-point.ts';
import { readEnvironment } from '../config/environment-files.ts';
import { readSuiteConfig } from '../config/suite-config.ts';
import { runVerification } from '../contracts/provider/verify-provider.ts';
import { type EntryPointRun, runEntryPoint } from './run-entry-point.ts';

const MARKER = '@@ verification';
/** The environments travel in a variable, not on the command line, where any process could read their tokens. */
const ENVIRONMENTS_VARIABLE = 'VERIFY_IN_TURN_ENVIRONMENTS';

/**
 * Each verification's exit code, output and time, in the order of `environments`, from one child
 * process; `processEnvironment` is that process's own (what Node reads as it starts, such as
 * NODE_EXTRA_CA_CERTS).
 */
export async function verifyInTurn(
  environments: Array<Record<string, string>>,
  processEnvironment: Record<string, string> = {},
): Promise<Array<EntryPointRun & { milliseconds: number }>> {
  const { code, output } = await runEntryPoint('testing/verify-in-turn.ts', {
    ...processEnvironment,
    [ENVIRONMENTS_VARIABLE]: JSON.stringify(environments),
  });
  const runs = [
    ...output.matchAll(
      new RegExp(`^${MARKER} \\d+ begins\\n([\\s\\S]*?)^${MARKER} \\d+ exited (\\d+) in (\\d+) ms$`, 'gm'),
    ),
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
  // Node's writes to stderr join its stdout, so that each run's lines stay between its markers (Pact's
  // native core writes its report to stdout).
  process.stderr.write = process.stdout.write.bind(process.stdout) as typeof process.stderr.write;
  const { [ENVIRONMENTS_VARIABLE]: given = '[]', ...inherited } = process.env;
  // The tokens in it go no further than this process.
  delete process.env[ENVIRONMENTS_VARIABLE];
  for (const [index, overrides] of (JSON.parse(given) as Array<Record<string, string>>).entries()) {
    console.log(`${MARKER} ${index} begins`);
    const started = performance.now();
    process.exitCode = undefined;
    const code =
      (await runMain(() => {
        const environment = readEnvironment({ ...inherited, ...overrides });
        return runVerification(environment, readSuiteConfig(environment));
      })) ?? process.exitCode;
    console.log(`${MARKER} ${index} exited ${code} in ${Math.round(performance.now() - started)} ms`);
  }
  process.exitCode = 0;
}
