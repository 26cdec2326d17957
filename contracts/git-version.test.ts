// Proves the version a pact is published under: the CI's commit, and on a GitHub pull request the
// head of its branch, not the merge commit GitHub checks out.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { readGitVersion } from './git-version.ts';

it("takes the CI's commit and branch, and on a pull request the head of its branch", () => {
  assert.deepEqual(readGitVersion({ GITHUB_SHA: 'merge123', GITHUB_REF_NAME: 'main' }), {
    sha: 'merge123',
    branch: 'main',
  });
  assert.deepEqual(readGitVersion({ CI_COMMIT_SHA: 'gitlab1', CI_COMMIT_REF_NAME: 'feature' }), {
    sha: 'gitlab1',
    branch: 'feature',
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
  assert.deepEqual(readGitVersion(pullRequest), { sha: 'head456', branch: 'feature' });
  // An event file it cannot read: the commit GitHub gives.
  assert.equal(readGitVersion({ ...pullRequest, GITHUB_EVENT_PATH: join(event, 'missing') }).sha, 'merge123');
});
