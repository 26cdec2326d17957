// Proves `npm start` as a user meets it: layers in order with progress, one combined report naming
// each layer's outcome with links and a latency chart, the load layer skipped or required, clear
// refusals of bad flags, and no secret in any file under reports/. A failing run, layer by layer,
// is runner/failing-run.test.ts.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { type AnotherProvider, startAnotherProvider } from '../testing/another-provider.ts';
import { UNREACHABLE_URL } from '../testing/bad-targets.ts';
import { filesContaining } from '../testing/files-containing.ts';
import { runEntryPoint } from '../testing/run-entry-point.ts';
import { standInK6Binary } from '../testing/stand-in-k6.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';

const start = (environment: Record<string, string>, args: string[]) =>
  runEntryPoint('runner/main.ts', environment, args);
const reportsFolder = () => temporaryFolder('start');

describe('npm start against another provider, with a known token and a stand-in k6', () => {
  let provider: AnotherProvider;
  before(async () => {
    provider = await startAnotherProvider();
  });
  after(() => provider.sandbox.close());

  it('runs the layers in order, writes the combined report, and leaves the token in no output', async () => {
    const reports = reportsFolder();
    const environment = {
      ...provider.environment,
      ENGAGE_REPORTS_DIR: reports,
      ENGAGE_PACT_DIR: temporaryFolder('pacts'),
      K6_BIN: standInK6Binary(),
    };
    const { code, output } = await start(environment, ['--skip', 'e2e']);
    assert.equal(code, 0, output);
    assert.match(
      output,
      /▶ \[1\/3\] schema self-check[\s\S]*✔ schemas passed[\s\S]*▶ \[2\/3\] contract tests[\s\S]*✔ contracts passed[\s\S]*▶ \[3\/3\] load \(smoke profile\)[\s\S]*✔ load passed/,
    );
    assert.match(
      output,
      /^results per layer:\n {2}schemas: 3 passed, 0 failed, 0 skipped\n {2}contracts: (\d+) interactions: \1 verified, 0 failed\n {2}load: 1 threshold: 1 met, 0 crossed$/m,
    );
    const summary = readFileSync(join(reports, 'summary.md'), 'utf8');
    assert.match(summary, /^# API suite against http:\/\/127\.0\.0\.1:\d+: passed/);
    assert.match(summary, /\| contract tests and provider verification \| ✅ passed \|/);
    assert.match(summary, /\| load \(smoke profile\) \| ✅ passed \| 1 threshold: 1 met, 0 crossed \|/);
    assert.doesNotMatch(summary, /Optional expectations/, 'e2e did not run');
    const html = readFileSync(join(reports, 'index.html'), 'utf8');
    assert.match(html, /<a href="contracts\/engage-appointments-client-pexip-engage-appointments-api\.json">pact file/);
    assert.match(html, /<a href="logs\/contracts\.log">the contracts log<\/a>/);
    assert.match(html, /<a href="contracts\/verification\.json">the verification's findings<\/a>/);
    assert.match(html, /<a href="load\/summary\.json">k6 summary JSON<\/a>/);
    assert.doesNotMatch(html, /Playwright report/, 'e2e did not run: its report is not listed');
    assert.match(
      html,
      /<svg [^>]*aria-label="Lookup latency over time \(p50, p95 and p99 of each 20 lookups in turn\)"/,
    );
    assert.match(html, /<svg [^>]*aria-label="Lookup latency distribution \(200 lookups answered 200\)"/);
    assert.doesNotMatch(html, /<script|https?:\/\/cdn/i, 'no script, no CDN');
    assert.ok(
      !readFileSync(join(reports, 'logs', 'contracts.log'), 'utf8').includes('\u001b'),
      'logs carry no colour codes',
    );
    assert.deepEqual(filesContaining(reports, provider.token), [], 'no report holds the token');
    assert.doesNotMatch(output, new RegExp(provider.token));
  });
});

describe('npm start without k6', () => {
  // Node's own folder: node is there, k6 is not, wherever the machine has k6 installed.
  const withoutK6 = dirname(process.execPath);
  it('reports the load layer as skipped, with the reason, and still passes, whatever its settings', async () => {
    const reports = reportsFolder();
    // A load setting it could not use (one for the load machine alone) is no reason to refuse the run.
    const environment = { ENGAGE_REPORTS_DIR: reports, PATH: withoutK6, K6_BIN: '', ENGAGE_LOAD_DURATION: 'soon' };
    const { code, output } = await start(environment, ['--skip', 'contracts,e2e']);
    assert.equal(code, 0, output);
    assert.match(output, /- \[2\/2\] load \(smoke profile\) skipped: k6 was not found/);
    assert.match(
      readFileSync(join(reports, 'summary.md'), 'utf8'),
      /\| load \(smoke profile\) \| ⏭️ skipped \| {2}\| 0\.0 s \| k6 was not found/,
    );
    // Only the schemas ran, which link to no report of their own.
    assert.doesNotMatch(readFileSync(join(reports, 'index.html'), 'utf8'), /Reports of each layer|k6 summary JSON/);
  });
  it('refuses a run whose --only names load (or with --require-load; runner-options.test.ts) before any layer runs, in one line with exit code 2', async () => {
    const { code, output } = await start({ ENGAGE_REPORTS_DIR: reportsFolder(), PATH: withoutK6, K6_BIN: '' }, [
      '--only',
      'schemas,load',
    ]);
    assert.equal(code, 2, output);
    assert.match(
      output,
      /^configuration error: k6 was not found \(set K6_BIN, or put k6 on the PATH\), and --only names load: npm run load says how to install it$/m,
    );
    assert.doesNotMatch(output, /schema self-check/);
  });
});

describe('npm start refuses a bad setting with one line and exit code 2', () => {
  // One per way in: a flag, the environment file, k6, a load setting (before any layer has run
  // against the target). Every flag's refusal: runner-options.test.ts; every load setting's: load/load-plan.test.ts.
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [
      ['--only', 'schemas,perf'],
      {},
      /^configuration error: --only names unknown layer "perf"; layers: schemas, contracts, e2e, load$/m,
    ],
    [
      ['--only', 'load'],
      { K6_BIN: '/nonexistent/k6' },
      /^configuration error: K6_BIN "\/nonexistent\/k6" does not exist$/m,
    ],
    // The figures --baseline compares are the load layer's.
    [
      ['--only', 'schemas', '--baseline', 'old-reports'],
      {},
      /^configuration error: --baseline compares the load layer's figures, and this run leaves load out \(schemas\)$/m,
    ],
    [
      ['--env', 'nowhere'],
      {},
      /^configuration error: --env is "nowhere" but .*\.env\.nowhere does not exist; there is no \.env\.<name> file there$/m,
    ],
    [
      [],
      { K6_BIN: standInK6Binary(), ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT: 'ture' },
      /^configuration error: ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT is "ture", which is neither on nor off/m,
    ],
    // A secret given to the wrong variable too (a CI mapping slip): neither the console nor summary.md repeats it.
    [
      [],
      { ENGAGE_BASE_URL: 'client-secret-in-the-wrong-place', ENGAGE_CLIENT_SECRET: 'client-secret-in-the-wrong-place' },
      /^configuration error: ENGAGE_BASE_URL "?\[redacted\]"? is not a URL/m,
    ],
  ];
  for (const [args, environment, message] of cases) {
    it([...args, ...Object.keys(environment)].join(' '), async () => {
      const reports = reportsFolder();
      // An earlier run's report, which must not pass for this one, and its load summary, which
      // --baseline may still compare with.
      writeFileSync(join(reports, 'summary.md'), '# API suite against the embedded sandbox: passed\n');
      writeFileSync(inReports(reports, REPORT_FILES.marker), '');
      mkdirSync(join(reports, 'load'));
      writeFileSync(inReports(reports, REPORT_FILES.loadSummary), '{}');
      const { code, output } = await start({ ENGAGE_REPORTS_DIR: reports, ...environment }, args);
      assert.equal(code, 2, output);
      assert.match(output, message);
      assert.doesNotMatch(output, /▶/, 'no layer started');
      const summary = readFileSync(join(reports, 'summary.md'), 'utf8');
      assert.match(
        summary,
        /^# API suite against .*: NOT RUN\n\n## Not run: a setting was refused\n\n- configuration error: /,
      );
      assert.match(summary.replace(/^- configuration error: /m, 'configuration error: '), message);
      assert.ok(existsSync(inReports(reports, REPORT_FILES.loadSummary)), "the earlier run's load summary stays");
    });
  }
  it('reports the refusal in the folder an env file names, read before the refused setting', async () => {
    const reports = reportsFolder();
    const config = temporaryFolder('start-config');
    writeFileSync(join(config, '.env'), `ENGAGE_REPORTS_DIR=${reports}\nENGAGE_ENTERPRISE=a b\n`);
    const { code, output } = await start({ ENGAGE_CONFIG_DIR: config }, ['--only', 'schemas']);
    assert.equal(code, 2, output);
    assert.match(readFileSync(join(reports, 'summary.md'), 'utf8'), /: NOT RUN\n[\s\S]*ENGAGE_ENTERPRISE is "a b"/);
  });
});

describe('npm start explains itself', () => {
  // Every flag and refusal is proven in-process (runner-options.test.ts); this is the way out to the user.
  it('--help prints the usage and exits 0', async () => {
    const { code, output } = await start({}, ['--help']);
    assert.equal(code, 0, output);
    assert.match(output, /^usage: npm start -- \[flags\]$/m);
  });
  it('warns first of a setting it does not read, naming the one meant, as the run goes to the sandbox, and of a baseline without load, and says it again in the report', async () => {
    const reports = reportsFolder();
    // And a baseline a CI project sets for every run, which this one, without load, cannot use.
    const { code, output } = await start(
      { ENGAGE_REPORTS_DIR: reports, ENGAGE_BASE_UR: UNREACHABLE_URL, ENGAGE_BASELINE_DIR: 'old-reports' },
      ['--only', 'schemas'],
    );
    assert.equal(code, 0, output);
    assert.match(
      output,
      /^warning: ENGAGE_BASELINE_DIR compares the load layer's figures, and this run leaves load out \(schemas\): nothing is compared$/m,
    );
    assert.match(
      output,
      /^warning: ENGAGE_BASE_UR is not a setting of the suite, so it changes nothing \(did you mean ENGAGE_BASE_URL\?\)\nwarning: ENGAGE_BASELINE_DIR .*\nAPI suite against the embedded sandbox/,
    );
    // A CI job summary shows summary.md, not the console: a green run with a misspelt setting says so there.
    assert.match(
      readFileSync(join(reports, 'summary.md'), 'utf8'),
      /^## Warnings at start\n\n- ENGAGE_BASE_UR is not a setting of the suite, so it changes nothing \(did you mean ENGAGE_BASE_URL\?\)$/m,
    );
    assert.match(readFileSync(join(reports, 'index.html'), 'utf8'), /<li>ENGAGE_BASE_UR is not a setting of the suite/);
  });
});

describe('npm start reads the load profile like npm run load', () => {
  it('takes ENGAGE_LOAD_PROFILE when --profile is not given', async () => {
    const environment = { ENGAGE_REPORTS_DIR: reportsFolder(), K6_BIN: standInK6Binary(), ENGAGE_LOAD_DURATION: '2s' };
    const chosen = await start({ ...environment, ENGAGE_LOAD_PROFILE: 'average' }, ['--only', 'load']);
    assert.match(chosen.output, /▶ \[1\/1\] load \(average profile\)/);
  });
});
