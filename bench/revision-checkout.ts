// Another commit of this repository to benchmark against, in a clone of its own under the system's
// temporary folder, with `npm ci` done: `npm run bench -- --against <commit>` times npm test there
// and here in turn, so that the machine's drift hits both more alike than across two runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StopSignal } from '../config/child-processes.ts';
import { ConfigError } from '../config/config-error.ts';

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
export function failureReason(stderr: string, status: number | null, signal: NodeJS.Signals | null): string {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '' && !/complete log of this run can be found/.test(line));
  return (
    lines.find((line) => /^(npm error|npm ERR!|fatal:|error:)/.test(line)) ??
    lines.at(-1) ??
    (signal === null ? `exit code ${status}` : `stopped by ${signal}`)
  );
}

/** Runs `command` in `folder`, or throws a BenchFailure naming `step` and why. */
function run(folder: string, command: string, args: string[], step: string): void {
  const { status, signal, stderr, error } = spawnSync(command, args, { cwd: folder, encoding: 'utf8' });
  if (signal === 'SIGINT' || signal === 'SIGTERM') throw new BenchFailure(`interrupted during ${step}`, signal);
  if (status !== 0)
    throw new BenchFailure(`${step} failed: ${error?.message ?? failureReason(stderr, status, signal)}`);
}

/** The short hash of the commit `revision` names in `repository`, or undefined. */
export function commitOf(repository: string, revision: string): string | undefined {
  const { status, stdout } = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--short', `${revision}^{commit}`], {
    cwd: repository,
    encoding: 'utf8',
  });
  return status === 0 ? stdout.trim() : undefined;
}

/** The short hash --against names; a ConfigError when it names no commit here. */
export function againstCommit(repository: string, revision: string): string {
  const commit = commitOf(repository, revision);
  if (commit === undefined)
    throw new ConfigError(
      '--against',
      `"${revision}" names no commit of this repository (a shallow clone may lack it: git fetch --unshallow)`,
    );
  return commit;
}

/** A clone of `repository` at `commit`, its packages installed from npm's cache where it can. */
export function checkoutRevision(repository: string, commit: string): RevisionCheckout {
  const folder = mkdtempSync(join(tmpdir(), `engage-bench-${commit}-`));
  const close = () => rmSync(folder, { recursive: true, force: true });
  try {
    // --shared reads the objects from this repository instead of copying them.
    run(repository, 'git', ['clone', '--quiet', '--shared', '--no-checkout', repository, folder], 'git clone');
    run(folder, 'git', ['checkout', '--quiet', '--detach', commit], `git checkout ${commit}`);
    run(folder, 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], `npm ci at ${commit}`);
    return { folder, label: commit, close };
  } catch (error) {
    close();
    throw error;
  }
}
