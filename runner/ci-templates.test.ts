// Proves the CI templates users copy still fit the project and gate a release: both parse as YAML,
// call only npm scripts that exist, run test → publish → staging (npm start) → can-i-deploy → deploy
// → record-deployment in that order, guard the broker and staging jobs on their settings, pin
// actions by commit and k6 to the version the suite tests, bound every job, run one staging job at
// a time, and trust a private staging CA as they say (their shell lines run here).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { TEST_CA_FILE } from '../testing/gateway-provider.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { suiteLayers } from './layers.ts';

const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
);

/** Every shell line of a workflow: GitHub `run:` values and GitLab `script:` items. */
function shellLines(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(shellLines);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === 'run' && typeof value === 'string') return value.split('\n');
    if ((key === 'script' || key === 'before_script') && Array.isArray(value)) return value.map(String);
    return shellLines(value);
  });
}

function npmScriptsCalled(lines: string[]): string[] {
  return lines.flatMap((line) =>
    [...line.matchAll(/\bnpm (?:run ([\w:.-]+)|(start|test)\b)/g)].map((match) => (match[1] ?? match[2]) as string),
  );
}

for (const file of ['.github/workflows/api-suite.yml', '.gitlab-ci.yml']) {
  describe(file, () => {
    const called = npmScriptsCalled(shellLines(parse(readFileSync(file, 'utf8'))));
    it('calls the suite through npm scripts', () => {
      assert.ok(called.includes('test'), 'npm test');
      for (const script of ['start', 'test:pact', 'pact:publish', 'pact:can-i-deploy', 'pact:record-deployment'])
        assert.ok(called.includes(script), script);
    });
    it('calls only npm scripts that exist', () => {
      assert.deepEqual(
        called.filter((script) => !scripts.includes(script)),
        [],
      );
    });
  });
}

describe('the script finder', () => {
  it('sees a script that does not exist', () => {
    assert.deepEqual(npmScriptsCalled(['npm run test:nothing && npm start']), ['test:nothing', 'start']);
  });
});

type Jobs = Record<string, Record<string, any>>;
const github = parse(readFileSync('.github/workflows/api-suite.yml', 'utf8')) as { jobs: Jobs };
const githubText = readFileSync('.github/workflows/api-suite.yml', 'utf8');
const gitlab = parse(readFileSync('.gitlab-ci.yml', 'utf8')) as Jobs & { stages: string[] };
const gitlabText = readFileSync('.gitlab-ci.yml', 'utf8');
const needsOf = (job: Record<string, any> | undefined): string[] =>
  [job?.needs ?? []].flat().map((need: string | { job: string }) => (typeof need === 'string' ? need : need.job));
/** The k6 version the suite is tested on: the k6-operator runner image pins it. */
const testedK6 = /image: grafana\/k6:(\d+\.\d+\.\d+)/.exec(readFileSync('load/k6-operator/test-run.yaml', 'utf8'))?.[1];

describe('the GitHub workflow gates a release', () => {
  const { jobs } = github;
  it('runs test → publish-pact → staging → can-i-deploy → deploy → record-deployment', () => {
    const chain = ['test', 'publish-pact', 'staging', 'can-i-deploy', 'deploy', 'record-deployment'];
    for (const [index, job] of chain.entries())
      if (index > 0)
        assert.ok(needsOf(jobs[job]).includes(chain[index - 1] as string), `${job} needs ${chain[index - 1]}`);
  });
  it("takes the API's release from the run that the API's pipeline starts, else from the variable", () => {
    const on = (parse(githubText) as { on: Record<string, any> }).on;
    assert.ok(on.workflow_dispatch?.inputs?.['api-version'] !== undefined);
    const start = ((jobs.staging?.steps ?? []) as Array<Record<string, any>>).find((step) =>
      String(step.run).startsWith('npm start'),
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template.
    assert.equal(start?.env?.ENGAGE_API_VERSION, '${{ inputs.api-version || vars.ENGAGE_API_VERSION }}');
  });
  it('names the deploy environment once, for the deploy job, can-i-deploy and record-deployment', () => {
    const workflow = parse(githubText) as { env?: Record<string, string> };
    assert.equal(workflow.env?.PACT_DEPLOY_ENVIRONMENT, jobs.deploy?.environment);
    assert.doesNotMatch(
      JSON.stringify(Object.values(jobs).map((job) => job.steps)),
      /PACT_DEPLOY_ENVIRONMENT/,
      'no step names another',
    );
    assert.equal(gitlab.variables?.PACT_DEPLOY_ENVIRONMENT, gitlab.deploy?.environment);
  });
  it("skips the broker jobs when the token is not the run's, and staging on a Dependabot pull request", () => {
    const check = jobs.settings?.steps?.[0] as Record<string, any>;
    // Its staging secrets live in the staging environment, which the settings job cannot see.
    assert.match(
      String(check.run),
      /if \[ "\$GITHUB_ACTOR" = "dependabot\[bot\]" \]; then echo "::notice title=Staging job skipped::/,
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template.
    assert.equal(check.env?.HAS_PACT_BROKER_TOKEN, "${{ secrets.PACT_BROKER_TOKEN != '' }}");
    assert.match(
      String(check.run),
      /if \[ -n "\$PACT_BROKER_BASE_URL" \] && \[ "\$HAS_PACT_BROKER_TOKEN" = true \]; then echo "broker=true"/,
    );
  });
  it('skips the broker and staging jobs with a notice when their settings are absent, never using the sandbox', () => {
    for (const job of ['publish-pact', 'can-i-deploy'])
      assert.match(String(jobs[job]?.if), /outputs\.broker == 'true'/, job);
    assert.match(String(jobs.staging?.if), /outputs\.staging == 'true'/);
    const check = String(jobs.settings?.steps?.[0]?.run);
    assert.match(
      check,
      /::notice title=Broker jobs skipped::publish-pact, can-i-deploy, deploy and record-deployment /,
    );
    assert.match(check, /::notice title=Staging job skipped::.*never falls back to the embedded sandbox/);
    // The settings and secrets reach the npm start step alone, not npm ci's install scripts or other actions.
    const steps = (jobs.staging?.steps ?? []) as Array<Record<string, any>>;
    const start = steps.find((step) => String(step.run).startsWith('npm start'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template.
    assert.equal(start?.env?.ENGAGE_BASE_URL, '${{ vars.ENGAGE_BASE_URL }}');
    // The optional settings of checks that skip without them reach the step, or the checks can never run.
    for (const name of [
      'ENGAGE_DEFAULT_LANGUAGE',
      'ENGAGE_APPOINTMENT_IDS',
      'ENGAGE_OTHER_TENANT_APPOINTMENT',
      'ENGAGE_EXPECT',
      // The target's own rate limit, without which smoke meets 429s on a target with a lower one.
      'ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE',
      'ENGAGE_LOAD_RATE_LIMIT_CONCURRENT',
    ])
      assert.equal(start?.env?.[name], `\${{ vars.${name} }}`, name);
    // In every job, only the steps that use them see the secrets: npm start and npm run pact:*.
    for (const [name, job] of Object.entries(jobs)) {
      assert.equal(job.env, undefined, `${name} sets env for the whole job`);
      for (const step of (job.steps ?? []) as Array<Record<string, any>>)
        if (!/^npm (start|run pact:)/.test(String(step.run)))
          assert.doesNotMatch(
            // Whether a secret is set (`secrets.X != ''`) is no secret.
            JSON.stringify(step.env ?? {}).replace(/\$\{\{ secrets\.\w+ != '' \}\}/g, ''),
            /secrets\./,
            `${name}: ${String(step.name ?? step.uses ?? step.run)}`,
          );
    }
  });
  it('gates can-i-deploy on test and publish-pact by name, and lets a skipped staging skip nothing after it', () => {
    const gate = String(jobs['can-i-deploy']?.if);
    for (const job of ['test', 'publish-pact']) {
      assert.ok(needsOf(jobs['can-i-deploy']).includes(job), `can-i-deploy needs ${job}`);
      assert.match(gate, new RegExp(`needs\\.${job}\\.result == 'success'`), `can-i-deploy checks ${job}`);
    }
    // Without a status function GitHub adds success(), false as soon as anything above was skipped.
    for (const job of ['deploy', 'record-deployment'])
      assert.match(String(jobs[job]?.if), /!cancelled\(\) && needs\.[\w-]+\.result == 'success'/, job);
  });
  it('runs npm start on staging with a pinned k6, puts summary.md in the job summary, and keeps the reports', () => {
    const steps = jobs.staging?.steps as Array<Record<string, any>>;
    assert.ok(steps.some((step) => /^npm start -- --profile smoke --require-load$/.test(String(step.run))));
    const k6 = steps.find((step) => String(step.uses).startsWith('grafana/setup-k6-action@'));
    assert.equal(k6?.with?.['k6-version'], testedK6);
    assert.ok(
      steps.some(
        (step) => step.if === 'always()' && /reports\/summary\.md >> "\$GITHUB_STEP_SUMMARY"/.test(String(step.run)),
      ),
    );
    assert.ok(steps.some((step) => step.if === 'always()' && String(step.uses).startsWith('actions/upload-artifact@')));
  });
  it('pins every action by commit with its version in a comment, bounds every job, and runs one staging job at a time', () => {
    const uses = [...githubText.matchAll(/uses: (\S+)(.*)$/gm)];
    assert.ok(uses.length > 5);
    for (const [, action, comment] of uses) {
      assert.match(action as string, /@[0-9a-f]{40}$/, `${action} is pinned by commit`);
      assert.match(comment as string, /^ # v\d+\.\d+\.\d+$/, `${action} names its version`);
    }
    for (const [name, job] of Object.entries(jobs))
      assert.ok(Number(job['timeout-minutes']) > 0, `${name} has a timeout`);
    // queue: max, or a newer run cancels the waiting one.
    assert.deepEqual(jobs.staging?.concurrency, { group: 'engage-staging', 'cancel-in-progress': false, queue: 'max' });
    assert.equal(jobs.deploy?.concurrency?.queue, 'max');
    assert.equal(jobs['record-deployment']?.concurrency?.group, jobs.deploy?.concurrency?.group);
    // npm test writes under test-output/ (package.json), so that is what the test job keeps.
    const kept = ((jobs.test?.steps ?? []) as Array<Record<string, any>>).find((step) =>
      String(step.uses).startsWith('actions/upload-artifact@'),
    );
    assert.equal(kept?.with?.path, 'test-output/');
  });
  it("gives npm test the pinned k6 before it runs, so that the suite's real-k6 tests run rather than skip", () => {
    const steps = (jobs.test?.steps ?? []) as Array<Record<string, any>>;
    const k6 = steps.findIndex((step) => String(step.uses).startsWith('grafana/setup-k6-action@'));
    assert.ok(k6 >= 0, 'the test job installs k6');
    assert.equal(steps[k6]?.with?.['k6-version'], testedK6);
    assert.ok(k6 < steps.findIndex((step) => step.run === 'npm test'), 'before npm test');
  });
});

describe('the GitLab pipeline gates a release the same way', () => {
  it('runs its stages in the same order, each job after the one before', () => {
    assert.deepEqual(gitlab.stages, ['test', 'publish', 'staging', 'gate', 'deploy']);
    assert.ok(needsOf(gitlab['publish-pact']).includes('test'));
    assert.ok(needsOf(gitlab.staging).includes('publish-pact'));
    assert.ok(needsOf(gitlab['can-i-deploy']).includes('staging'));
    // An optional need missing from the pipeline would let can-i-deploy start before any test.
    for (const job of ['test', 'publish-pact']) assert.ok(needsOf(gitlab['can-i-deploy']).includes(job), job);
    assert.ok(needsOf(gitlab.deploy).includes('can-i-deploy'));
    assert.ok(needsOf(gitlab['record-deployment']).includes('deploy'));
  });
  it("runs for branches only: a tag's pipeline would publish under the tag's name as a branch", () => {
    assert.deepEqual(gitlab.workflow?.rules, [{ if: '$CI_COMMIT_BRANCH' }]);
  });
  it('guards the broker and staging jobs on their settings and says which are skipped', () => {
    for (const job of ['publish-pact', 'can-i-deploy', 'deploy', 'record-deployment'])
      assert.match(JSON.stringify(gitlab[job]?.rules), /\$PACT_BROKER_BASE_URL/, job);
    assert.match(JSON.stringify(gitlab.staging?.rules), /\$ENGAGE_BASE_URL/);
    // The test job needs k6-binary: a rule on it would leave the pipeline with a job that needs a missing one.
    assert.equal(gitlab['k6-binary']?.rules, undefined);
    assert.match(
      JSON.stringify(gitlab.settings?.script),
      /publish-pact, can-i-deploy, deploy and record-deployment are skipped.*staging is skipped.*never falls back to the embedded sandbox/,
    );
  });
  it('runs on the Node 22 that .ci/run tests the suite on', () => {
    const tested = /for version in (22\.\d+\.\d+)/.exec(readFileSync('.ci/run', 'utf8'))?.[1];
    assert.equal(gitlab.default?.image, `node:${tested}-bookworm`);
  });
  it('runs npm start on staging with k6 from the pinned image, one at a time, with JUnit reports kept always', () => {
    assert.ok(((gitlab.staging?.script ?? []) as string[]).includes('npm start -- --profile smoke --require-load'));
    assert.equal(gitlab['k6-binary']?.image?.name, `grafana/k6:${testedK6}`);
    assert.equal(gitlab.staging?.variables?.K6_BIN, '$CI_PROJECT_DIR/.k6/k6');
    // The test job too, so that the suite's real-k6 tests run rather than skip.
    assert.ok(needsOf(gitlab.test).includes('k6-binary'));
    assert.equal(gitlab.test?.variables?.K6_BIN, '$CI_PROJECT_DIR/.k6/k6');
    assert.equal(gitlab.staging?.resource_group, 'engage-staging');
    assert.equal(gitlab.deploy?.resource_group, 'engage-production');
    assert.equal(gitlab['record-deployment']?.resource_group, 'engage-production');
    assert.deepEqual(gitlab.test?.artifacts?.paths, ['test-output/']);
    assert.equal(gitlab.test?.artifacts?.reports?.junit, 'test-output/e2e/junit.xml');
    assert.equal(gitlab.staging?.artifacts?.when, 'always');
    assert.deepEqual(gitlab.staging?.artifacts?.reports?.junit, ['reports/e2e/junit.xml', 'reports/load/junit.xml']);
    assert.doesNotMatch(gitlabText, /keyserver|apt-get install -y k6|:latest/, 'no key fetched, nothing unpinned');
    for (const [name, job] of Object.entries(gitlab))
      if (typeof job === 'object' && job !== null && 'script' in job) assert.ok(job.timeout, `${name} has a timeout`);
  });
});

describe('staging behind a private CA, as each template trusts it', () => {
  const systemCas = '/etc/ssl/certs/ca-certificates.crt';
  const skip = existsSync(systemCas) ? false : `no ${systemCas} here: the templates' Debian and Ubuntu images have it`;
  const ca = readFileSync(TEST_CA_FILE, 'utf8');
  /** Runs a template's shell lines with `environment`, then prints the variables they set. */
  const bash = (lines: string, environment: Record<string, string>) =>
    execFileSync('bash', ['-euc', `${lines}\necho "SSL_CERT_FILE=\${SSL_CERT_FILE:-}"`], {
      env: { PATH: process.env.PATH, ...environment },
      encoding: 'utf8',
    });
  const trustsTheCa = (file: string) => {
    const bundle = readFileSync(file, 'utf8');
    assert.ok(bundle.startsWith(readFileSync(systemCas, 'utf8').slice(0, 200)), `${file} keeps the system's CAs`);
    assert.ok(bundle.includes(ca.slice(ca.indexOf('-----BEGIN'))), `${file} holds the CA`);
  };

  it('GitLab: the File variable NODE_EXTRA_CA_CERTS, and a bundle in SSL_CERT_FILE for k6', { skip }, () => {
    const line = ((gitlab.staging?.script ?? []) as string[]).find((item) => item.includes('NODE_EXTRA_CA_CERTS'));
    const folder = temporaryFolder('ci-ca');
    const printed = bash(line ?? 'false', { NODE_EXTRA_CA_CERTS: TEST_CA_FILE, CI_PROJECT_DIR: folder });
    assert.match(printed, new RegExp(`^SSL_CERT_FILE=${folder}/ca-bundle\\.pem$`, 'm'));
    trustsTheCa(join(folder, 'ca-bundle.pem'));
    assert.match(
      bash(line ?? 'false', { CI_PROJECT_DIR: folder }),
      /^SSL_CERT_FILE=$/m,
      'without a CA, nothing is set',
    );
    // A plain variable holds the PEM itself, not a path: the job stops, saying so, before npm start.
    assert.throws(
      () => bash(line ?? 'false', { NODE_EXTRA_CA_CERTS: ca, CI_PROJECT_DIR: folder }),
      (error: { status: number; stdout: string }) =>
        error.status === 1 && /NODE_EXTRA_CA_CERTS must be a variable of type File/.test(error.stdout),
    );
  });

  it('GitHub: STAGING_CA_PEM becomes NODE_EXTRA_CA_CERTS and a bundle in SSL_CERT_FILE for the steps after', {
    skip,
  }, () => {
    const steps = github.jobs.staging?.steps as Array<Record<string, any>>;
    const step = steps.find((one) => one.name === 'Trust the staging CA');
    assert.equal(step?.if, "vars.STAGING_CA_PEM != ''");
    assert.ok(
      steps.indexOf(step) < steps.findIndex((one) => String(one.run).startsWith('npm start')),
      'before npm start',
    );
    const folder = temporaryFolder('ci-ca');
    const githubEnv = join(folder, 'github-env');
    bash(step?.run ?? 'false', { STAGING_CA_PEM: ca, RUNNER_TEMP: folder, GITHUB_ENV: githubEnv });
    const set = Object.fromEntries(
      readFileSync(githubEnv, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    assert.deepEqual(Object.keys(set).sort(), ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE']);
    assert.ok(readFileSync(set.NODE_EXTRA_CA_CERTS as string, 'utf8').includes(ca.slice(ca.indexOf('-----BEGIN'))));
    trustsTheCa(set.SSL_CERT_FILE as string);
  });
});

describe('both templates', () => {
  it("give the staging job more time than npm start's layer limits, so that the suite stops a hung layer and keeps its reports", () => {
    const layers = suiteLayers({ loadProfile: 'smoke' }).reduce((sum, layer) => sum + layer.timeoutSeconds, 0);
    const githubMinutes = Number(github.jobs.staging?.['timeout-minutes']);
    const gitlabMinutes = Number(/^(\d+)m$/.exec(String(gitlab.staging?.timeout))?.[1]);
    for (const minutes of [githubMinutes, gitlabMinutes]) assert.ok(minutes * 60 >= layers + 5 * 60, `${minutes} min`);
  });
  it('run the same Node version, pinned', () => {
    const versions = [...githubText.matchAll(/node-version: (\S+)/g)].map((match) => match[1]);
    assert.ok(versions.length > 0);
    const image = /image: node:(\S+)-bookworm/.exec(gitlabText)?.[1];
    assert.match(image ?? '', /^\d+\.\d+\.\d+$/);
    assert.deepEqual([...new Set(versions)], [image]);
  });
});

describe("the templates' headers", () => {
  it('name every ENGAGE_* and PACT_BROKER_* setting the staging step reads, in both files', () => {
    const staging = ((github.jobs.staging?.steps ?? []) as Array<Record<string, any>>).find((step) =>
      String(step.run).startsWith('npm start'),
    );
    const read = Object.keys(staging?.env ?? {}).filter((name) => /^(ENGAGE|PACT_BROKER)_/.test(name));
    assert.ok(read.length > 8, read.join());
    for (const [file, text] of [
      ['.github/workflows/api-suite.yml', githubText],
      ['.gitlab-ci.yml', gitlabText],
    ] as const) {
      const lines = text.split('\n');
      // The comment lines the file opens with.
      const header = lines
        .slice(
          0,
          lines.findIndex((line) => !line.startsWith('#')),
        )
        .join(' ');
      for (const name of read) assert.match(header, new RegExp(`\\b${name}\\b`), `${file} names ${name}`);
    }
  });
});
