// Another commit of this repository to benchmark against, in a clone of its own under the system's
// temporary folder, with `npm ci` done: `npm run bench -- --against <commit>` times npm test there
// and here in turn, so that the VM's drift hits both alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error.ts';

export interface RevisionCheckout {
  folder: string;
  /** The commit's short hash. */
  label: string;
  close: () => void;
}

/** Runs git (or npm) in `folder`; its output, or a ConfigError naming what failed. */
function run(folder: string, command: string, args: string[], failure: string): string {
  const { status, stdout, stderr, error } = spawnSync(command, args, { cwd: folder, encoding: 'utf8' });
  if (status === 0) return stdout.trim();
  const why = error?.message ?? stderr.trim().split('\n').at(-1) ?? `exit code ${status}`;
  throw new ConfigError('--against', `${failure}: ${why}`);
}

/** The short hash of `revision` in the repository at `repository`; a ConfigError when it names no commit. */
export function commitOf(repository: string, revision: string): string {
  const { status, stdout } = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--short', `${revision}^{commit}`], {
    cwd: repository,
    encoding: 'utf8',
  });
  if (status !== 0) throw new ConfigError('--against', `"${revision}" names no commit of this repository`);
  return stdout.trim();
}

/** A clone of `repository` at `revision`, its packages installed from npm's cache where it can. */
export function checkoutRevision(repository: string, revision: string): RevisionCheckout {
  const label = commitOf(repository, revision);
  const folder = mkdtempSync(join(tmpdir(), `engage-bench-${label}-`));
  const close = () => rmSync(folder, { recursive: true, force: true });
  try {
    // --shared reads the objects from this repository instead of copying them.
    run(repository, 'git', ['clone', '--quiet', '--shared', '--no-checkout', repository, folder], 'git clone failed');
    run(folder, 'git', ['checkout', '--quiet', '--detach', label], `git checkout ${label} failed`);
    run(folder, 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], `npm ci at ${label} failed`);
    return { folder, label, close };
  } catch (error) {
    close();
    throw error;
  }
}
