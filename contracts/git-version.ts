// The version and branch that a pact or a verification result is published under: the git commit
// and branch, from the CI's variables when it sets them, else from git itself.
import { execFileSync } from 'node:child_process';
import { ConfigError } from '../config/config-error.ts';
import type { Environment } from '../config/environment-files.ts';

export interface GitVersion {
  sha: string;
  branch: string;
}

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function readGitVersion(environment: Environment = process.env): GitVersion {
  const sha = environment.GITHUB_SHA ?? environment.CI_COMMIT_SHA ?? git('rev-parse', 'HEAD');
  const branch =
    environment.GITHUB_HEAD_REF ||
    environment.GITHUB_REF_NAME ||
    environment.CI_COMMIT_REF_NAME ||
    git('rev-parse', '--abbrev-ref', 'HEAD');
  if (sha === undefined || branch === undefined) {
    throw new ConfigError(
      'GITHUB_SHA',
      'and GITHUB_REF_NAME (or CI_COMMIT_SHA and CI_COMMIT_REF_NAME) are unset and git cannot tell the commit: run inside a git checkout or set them',
    );
  }
  return { sha, branch };
}
