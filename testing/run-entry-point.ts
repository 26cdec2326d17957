// Runs one of the suite's entry points as a user would (a child process with its own environment)
// and collects its exit code and output, for tests of what users see.
import { spawn } from 'node:child_process';
import { exitedAndRead } from '../config/child-processes.ts';
import { isSuiteVariable } from '../config/setting-names.ts';
import { typescriptProgram } from '../config/typescript-node.ts';
import { GIT_VERSION_VARIABLES } from '../contracts/git-version.ts';
import { withoutColourCodes } from '../runner/run-layer.ts';
import { temporaryFolder } from './temporary-folder.ts';

export interface EntryPointRun {
  code: number | null;
  output: string;
}

/**
 * Variables of the test's own environment that would change what the entry point targets, runs or
 * publishes under: a test in a pull request's CI job would otherwise publish that pull request's commit.
 */
const suiteVariable = (name: string) =>
  isSuiteVariable(name) ||
  name === 'NODE_TEST_CONTEXT' ||
  // npm's script name and settings: an entry point under test runs as if started by itself.
  name === 'npm_lifecycle_event' ||
  name.startsWith('npm_config_') ||
  (GIT_VERSION_VARIABLES as readonly string[]).includes(name);

/** An empty config folder (ENGAGE_CONFIG_DIR): a developer's own .env must not change what a test targets. */
export const emptyConfigFolder = () => temporaryFolder('config');

/** A program started with exactly `env`, its output so far (stdout and stderr), and its exit. */
export function startProgram(program: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()) {
  const child = spawn(program, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  // Closed once it has exited and its output is read to the end.
  let closed = false;
  child.once('close', () => {
    closed = true;
  });
  const exited = exitedAndRead(child);
  return { child, exited, closed: () => closed, output: () => withoutColourCodes(output) };
}

/**
 * Waits until `done()` holds, checking every 50 ms; fails naming `what`, with the program's output,
 * as soon as the program has ended, or after `timeoutMilliseconds`, stopping it, instead of for ever.
 */
export async function waitWhileRunning(
  run: ReturnType<typeof startProgram>,
  done: () => boolean,
  what: string,
  timeoutMilliseconds = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!done()) {
    // Its output is read to the end before it counts as ended: the line waited for may be the last.
    if (run.closed() && !done()) throw new Error(`the program ended before ${what}:\n${run.output()}`);
    if (Date.now() > deadline) {
      run.child.kill('SIGKILL');
      throw new Error(`${timeoutMilliseconds} ms passed before ${what}:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs a program with exactly `env`, in `cwd`, and collects its exit code and its output, without colours. */
export async function runProgram(
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): Promise<EntryPointRun> {
  const run = startProgram(program, args, env, cwd);
  const code = await run.exited;
  return { code, output: run.output() };
}

/** Runs `node <args>` with the test's environment less the suite's variables, plus `environment`. */
export function runNode(args: string[], environment: Record<string, string> = {}): Promise<EntryPointRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !suiteVariable(name)));
  return runProgram(process.execPath, args, {
    ...inherited,
    PACT_DO_NOT_TRACK: 'true',
    NO_COLOR: '1',
    ENGAGE_CONFIG_DIR: emptyConfigFolder(),
    ...environment,
  });
}

/** Runs a TypeScript entry point of the suite, as its npm script would. */
export function runEntryPoint(
  script: string,
  environment: Record<string, string> = {},
  args: string[] = [],
): Promise<EntryPointRun> {
  return runNode(typescriptProgram(script, ...args), environment);
}
