// Proves the version a pact is published under: the CI's commit, and on a GitHub pull request the
// head of its branch, not the merge commit GitHub checks out; a tag's pipeline names no branch.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { ConfigError } from '../config/config-error.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { branchOf, readGitVersion } from './git-version.ts';

it("takes the CI's commit and branch, and on a pull request the head of its branch", () => {
  assert.deepEqual(readGitVersion({ GITHUB_SHA: 'merge123', GITHUB_REF_NAME: 'main' }), {
    sha: 'merge123',
    branch: 'main',
    tag: undefined,
  });
  assert.deepEqual(readGitVersion({ CI_COMMIT_SHA: 'gitlab1', CI_COMMIT_REF_NAME: 'feature' }), {
    sha: 'gitlab1',
    branch: 'feature',
    tag: undefined,
  });
  const event = join(temporaryFolder('git-version'), 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { head: { sha: 'head456' } } }));
  const pullRequest = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_SHA: 'merge123',
    GITHUB_HEAD_REF: 'feature',
    GITHUB_REF_NAME: '12/merge',
  };
  assert.deepEqual(readGitVersion(pullRequest), { sha: 'head456', branch: 'feature', tag: undefined });
  // An event file it cannot read: the commit GitHub gives.
  assert.equal(readGitVersion({ ...pullRequest, GITHUB_EVENT_PATH: join(event, 'missing') }).sha, 'merge123');
});

it('takes a blank variable as unset, and in a detached checkout asks for the branch, naming the variables', () => {
  // GitLab's blank GITHUB_* (a copied job) does not hide its own variables.
  assert.deepEqual(
    readGitVersion({ GITHUB_SHA: '', GITHUB_REF_NAME: ' ', CI_COMMIT_SHA: 'gitlab1', CI_COMMIT_REF_NAME: 'feature' }),
    { sha: 'gitlab1', branch: 'feature', tag: undefined },
  );
  const checkout = temporaryFolder('detached');
  const inCheckout = (...args: string[]) => execFileSync('git', args, { cwd: checkout, stdio: 'ignore' });
  inCheckout('init', '-q');
  inCheckout('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'x');
  inCheckout('checkout', '-q', '--detach');
  const cwd = process.cwd();
  process.chdir(checkout);
  try {
    // The commit alone serves can-i-deploy and record-deployment; publishing asks for the branch.
    const detached = readGitVersion({});
    assert.match(detached.sha, /^[0-9a-f]{40}$/);
    assert.equal(detached.branch, undefined);
    assert.throws(
      () => branchOf(detached),
      (error: unknown) =>
        error instanceof ConfigError &&
        /^GITHUB_REF_NAME \(or CI_COMMIT_REF_NAME\) is unset and git cannot tell the branch \(a detached checkout\)/.test(
          error.message,
        ),
    );
    assert.equal(branchOf(readGitVersion({ CI_COMMIT_REF_NAME: 'main' })), 'main');
  } finally {
    process.chdir(cwd);
  }
});

it("takes a tag's pipeline for one on no branch, and says so when a branch is needed", () => {
  const github = readGitVersion({ GITHUB_SHA: 'abc1', GITHUB_REF_NAME: 'v1.2.3', GITHUB_REF_TYPE: 'tag' });
  assert.deepEqual(github, { sha: 'abc1', branch: undefined, tag: 'v1.2.3' });
  const gitlab = readGitVersion({ CI_COMMIT_SHA: 'abc2', CI_COMMIT_REF_NAME: 'v1.2.3', CI_COMMIT_TAG: 'v1.2.3' });
  assert.deepEqual(gitlab, { sha: 'abc2', branch: undefined, tag: 'v1.2.3' });
  // Not the tag's name passed for a branch's.
  assert.throws(
    () => branchOf(gitlab),
    (error: unknown) =>
      error instanceof ConfigError &&
      /^GITHUB_REF_NAME \(or CI_COMMIT_REF_NAME\) names the tag "v1\.2\.3", not a branch/.test(error.message),
  );
  assert.equal(
    readGitVersion({ GITHUB_SHA: 'abc1', GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch' }).branch,
    'main',
  );
});
