// Another commit of this repository to benchmark against, in a clone of its own under the system's
// temporary folder, with `npm ci` done: `npm run bench -- --against <commit>` times npm test there
// and here in turn, so that the machine's drift hits both more alike than across two runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interruption, type StopSignal, spawnWithDeadline } from '../config/child-processes.ts';
import { ConfigError } from '../config/config-error.ts';
import { git } from '../config/git.ts';

/** A step of the benchmark that failed (a clone, an install, a timed run): one line, exit code 1. */
export class BenchFailure extends Error {
  override name = 'BenchFailure';
  constructor(
    message: string,
    /** The signal that interrupted the benchmark, when one did. */
    readonly signal?: StopSignal,
  ) {
    super(message);
  }
}

export interface RevisionCheckout {
  folder: string;
  /** The commit's short hash. */
  label: string;
  close: () => void;
}

/** What a failed command said of why: its first error line, else its last line, else its exit. */
export function failureReason(stderr: string, status: number | null): string {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '' && !/complete log of this run can be found/.test(line));
  return (
    lines.find((line) => /^(npm error|npm ERR!|fatal:|error:)/.test(line)) ?? lines.at(-1) ?? `exit code ${status}`
  );
}

/** How long a clone or an install may take before it is stopped. */
const STEP_DEADLINE_MILLISECONDS = 10 * 60 * 1000;

/**
 * Runs `command` in `folder`, in a process group of its own that a Ctrl-C or SIGTERM to the benchmark
 * stops (forwardStopSignals), or throws a BenchFailure naming `step` and why.
 */
async function run(folder: string, command: string, args: string[], step: string): Promise<void> {
  const { child, finished } = spawnWithDeadline(
    command,
    args,
    { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] },
    STEP_DEADLINE_MILLISECONDS,
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  child.on('error', (error) => {
    stderr += `error: ${error.message}\n`;
  });
  const { code, timedOut } = await finished;
  const interrupted = interruption();
  if (interrupted !== undefined) throw new BenchFailure(`interrupted during ${step}`, interrupted);
  if (timedOut) throw new BenchFailure(`${step} did not finish within ${STEP_DEADLINE_MILLISECONDS / 60_000} minutes`);
  if (code !== 0) throw new BenchFailure(`${step} failed: ${failureReason(stderr, code)}`);
}

/** The short hash of the commit `revision` names in this checkout, or undefined. */
export const commitOf = (revision: string) =>
  git('rev-parse', '--verify', '--quiet', '--short', `${revision}^{commit}`);

/** The short hash --against names; a ConfigError when it names no commit here. */
export function againstCommit(revision: string): string {
  const commit = commitOf(revision);
  if (commit === undefined)
    throw new ConfigError(
      '--against',
      `"${revision}" names no commit of this repository (a shallow clone may lack it: git fetch --unshallow)`,
    );
  return commit;
}

/** A clone of this checkout at `commit`, its packages installed from npm's cache where it can. */
export async function checkoutRevision(commit: string): Promise<RevisionCheckout> {
  const repository = process.cwd();
  const folder = mkdtempSync(join(tmpdir(), `engage-bench-${commit}-`));
  const close = () => rmSync(folder, { recursive: true, force: true });
  try {
    // --shared reads the objects from this repository instead of copying them.
    await run(repository, 'git', ['clone', '--quiet', '--shared', '--no-checkout', repository, folder], 'git clone');
    await run(folder, 'git', ['checkout', '--quiet', '--detach', commit], `git checkout ${commit}`);
    await run(folder, 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], `npm ci at ${commit}`);
    return { folder, label: commit, close };
  } catch (error) {
    close();
    throw error;
  }
}
