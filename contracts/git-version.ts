// The version and branch that a pact or a verification result is published under: the git commit
// and branch, from the CI's variables when it sets them, else from git itself.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/config-error.ts';
import type { Environment } from '../config/environment-files.ts';
import { git } from '../config/git.ts';

export interface GitVersion {
  sha: string;
  /**
   * Undefined on a tag, and in a detached checkout with no CI variable naming it: publishing needs
   * it (branchOf).
   */
  branch: string | undefined;
  /** The tag a CI pipeline runs on: its name is no branch, though GitHub and GitLab give it as the ref's. */
  tag?: string | undefined;
}

/**
 * The CI variables the version is read from: a test of the suite's entry points sets its own and
 * inherits none (on a real pull request's CI they would outrank the ones it sets).
 */
export const GIT_VERSION_VARIABLES = [
  'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH',
  'GITHUB_SHA',
  'GITHUB_HEAD_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_TYPE',
  'CI_COMMIT_SHA',
  'CI_COMMIT_REF_NAME',
  'CI_COMMIT_TAG',
] as const;

/**
 * On a GitHub pull request, the head commit of the branch: GITHUB_SHA is then a merge commit that
 * is in no branch's history, so a pact published under it would match no later deploy.
 */
function pullRequestHead(environment: Environment): string | undefined {
  const path = environment.GITHUB_EVENT_PATH;
  if (!environment.GITHUB_EVENT_NAME?.startsWith('pull_request') || path === undefined) return undefined;
  try {
    const sha = (JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { head?: { sha?: unknown } } }).pull_request
      ?.head?.sha;
    return typeof sha === 'string' && sha !== '' ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** The first value that is set and not blank. */
const firstSet = (...values: Array<string | undefined>) =>
  values.find((value) => value !== undefined && value.trim() !== '');

export function readGitVersion(environment: Environment = process.env): GitVersion {
  const sha =
    firstSet(pullRequestHead(environment), environment.GITHUB_SHA, environment.CI_COMMIT_SHA) ??
    git('rev-parse', 'HEAD');
  if (sha === undefined)
    throw new ConfigError(
      'GITHUB_SHA',
      '(or CI_COMMIT_SHA) is unset and git cannot tell the commit: run inside a git checkout or set one of them',
    );
  // On a tag's pipeline GITHUB_REF_NAME and CI_COMMIT_REF_NAME hold the tag's name.
  const tag =
    firstSet(environment.CI_COMMIT_TAG) ??
    (environment.GITHUB_REF_TYPE === 'tag' ? firstSet(environment.GITHUB_REF_NAME) : undefined);
  if (tag !== undefined) return { sha, branch: undefined, tag };
  // A detached checkout (most CI runners check out the commit alone) has no branch for git to tell.
  const checkedOut = git('rev-parse', '--abbrev-ref', 'HEAD');
  const branch =
    firstSet(environment.GITHUB_HEAD_REF, environment.GITHUB_REF_NAME, environment.CI_COMMIT_REF_NAME) ??
    (checkedOut === 'HEAD' ? undefined : checkedOut);
  return { sha, branch, tag };
}

/** The branch a pact or a verification is published on; stops, naming the variables, when there is none. */
export function branchOf(version: GitVersion): string {
  if (version.branch !== undefined) return version.branch;
  if (version.tag !== undefined)
    throw new ConfigError(
      'GITHUB_REF_NAME',
      `(or CI_COMMIT_REF_NAME) names the tag "${version.tag}", not a branch, and a pact or a verification is published on a branch: run this step in a branch's pipeline`,
    );
  throw new ConfigError(
    'GITHUB_REF_NAME',
    '(or CI_COMMIT_REF_NAME) is unset and git cannot tell the branch (a detached checkout): set one of them to the branch being built',
  );
}
