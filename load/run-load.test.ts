// Proves `npm run load` without a real k6: --dry-run shows the command and options with secrets
// redacted, a missing k6 gets install instructions, and a stand-in k6 sees no secret on its command
// line and has its exit code (99 for a crossed threshold) passed through. A refused setting is one
// line (each setting's refusal is proven in process, in load-plan.test.ts).
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { UNREACHABLE_URL } from '../testing/bad-targets.ts';
import { runEntryPoint } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { SETUP_STOP_REASON_SLOT } from './lib/summary-reports.ts';

/** Runs `npm run load` with its reports in a folder of the test's own, never the user's reports/. */
const run = (args: string[], environment: Record<string, string> = {}) =>
  runEntryPoint('load/run-load.ts', { ENGAGE_REPORTS_DIR: 'test-output/run-load', ...environment }, args);

/**
 * A k6 that records what it was given, writes a summary unless told not to (`{}`, or the files of
 * `wrote`: the summary and the metrics file it names), and exits with `exitCode`.
 */
function standInK6(
  exitCode: number,
  { writesSummary = true, wrote }: { writesSummary?: boolean; wrote?: { summary: object; metrics: string[] } } = {},
) {
  const folder = temporaryFolder('fake-k6');
  const record = join(folder, 'record.txt');
  const binary = join(folder, 'k6');
  let writes = writesSummary ? 'echo {} > "$ENGAGE_REPORTS_DIR/load/summary.json"\n' : '';
  if (wrote !== undefined) {
    writeFileSync(join(folder, 'summary.json'), JSON.stringify(wrote.summary));
    writeFileSync(join(folder, 'metrics.json.gz'), gzipSync(wrote.metrics.join('\n')));
    writes = `cp "${folder}/summary.json" "${folder}/metrics.json.gz" "$ENGAGE_REPORTS_DIR/load/"\n`;
  }
  writeFileSync(
    binary,
    `#!/bin/sh\necho "args: $*" > "${record}"\necho "token: $ENGAGE_TOKEN" >> "${record}"\necho "other secrets: $ENGAGE_NO_SCOPE_TOKEN$ENGAGE_NO_SCOPE_CLIENT_SECRET$ENGAGE_EXPIRED_TOKEN$PACT_BROKER_TOKEN" >> "${record}"\necho "target: $ENGAGE_BASE_URL" >> "${record}"\necho "languages: $ENGAGE_LOAD_LANGUAGES" >> "${record}"\necho "rate limit: $ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE $ENGAGE_LOAD_RATE_LIMIT_CONCURRENT" >> "${record}"\n${writes}exit ${exitCode}\n`,
  );
  chmodSync(binary, 0o755);
  return { binary, record: () => readFileSync(record, 'utf8') };
}

describe('npm run load', () => {
  it('--dry-run prints the k6 command and the resolved options, with the token redacted', async () => {
    const { code, output } = await run(['--profile', 'smoke', '--dry-run'], {
      ENGAGE_TOKEN: 'load-token-under-test',
      // A typo, warned of as npm start warns of it.
      ENGAGE_LOAD_PROFILES: 'soak',
    });
    assert.equal(code, 0, output);
    assert.match(
      output,
      /^warning: ENGAGE_LOAD_PROFILES is not a setting of the suite, .*did you mean ENGAGE_LOAD_PROFILE\?\)$/m,
    );
    assert.match(
      output,
      /ENGAGE_TOKEN=\[redacted\] .*\S*k6 run --no-usage-report --address= --quiet --out json=test-output\/run-load\/load\/metrics\.json\.gz load\/lookup\.ts/,
    );
    assert.match(output, /"executor": "constant-arrival-rate"/);
    assert.match(output, /"p\(95\)<500"/);
    assert.doesNotMatch(output, /load-token-under-test/);
  });
  it('says how to install k6 when there is none, and exits non-zero', async () => {
    const { code, output } = await run(['--profile', 'smoke'], { PATH: '/nonexistent', K6_BIN: '' });
    assert.equal(code, 127);
    assert.match(output, /k6 was not found \(set K6_BIN, or put k6 on the PATH\)/);
    assert.match(output, /grafana\/setup-k6-action/);
    // --dry-run still shows the command, and says the run would stop.
    const dry = await run(['--dry-run'], { PATH: '/nonexistent', K6_BIN: '' });
    assert.equal(dry.code, 0, dry.output);
    assert.match(dry.output, /^note: k6 was not found \(set K6_BIN, or put k6 on the PATH\): a run would stop here$/m);
  });
  it('refuses a K6_BIN that does not exist, naming it', async () => {
    const { code, output } = await run(['--profile', 'smoke'], { K6_BIN: '/nonexistent/k6' });
    assert.equal(code, 2);
    assert.match(output, /^configuration error: K6_BIN "\/nonexistent\/k6" does not exist$/m);
  });
  it('refuses K6_NO_THRESHOLDS from the shell before k6 starts, since k6 would then pass any run', async () => {
    const k6 = standInK6(0);
    const { code, output } = await run(['--profile', 'smoke'], { K6_BIN: k6.binary, K6_NO_THRESHOLDS: 'true' });
    assert.equal(code, 2, output);
    assert.match(
      output,
      /^configuration error: K6_NO_THRESHOLDS is "true": k6 would judge none of the load layer's thresholds/m,
    );
    assert.throws(() => k6.record(), /ENOENT/, 'k6 never ran');
  });
  it('refuses a reports folder that cannot be made in one line, with exit code 2, a --dry-run too', async () => {
    const file = join(temporaryFolder('run-load'), 'a-file');
    writeFileSync(file, '');
    for (const args of [['--profile', 'smoke'], ['--dry-run']]) {
      const { code, output } = await run(args, { ENGAGE_REPORTS_DIR: file, K6_BIN: standInK6(0).binary });
      assert.equal(code, 2, output);
      assert.match(
        output,
        /^configuration error: ENGAGE_REPORTS_DIR ".*a-file" cannot be the reports folder: .*a-file is a file, not a folder$/m,
      );
      assert.doesNotMatch(output, /sandbox|--out/);
    }
  });
  it('passes on an exit code of k6 that is no verdict of the load layer, saying so', async () => {
    const { code, output } = await run(['--profile', 'smoke'], { K6_BIN: standInK6(104).binary });
    assert.equal(code, 104, output);
    assert.match(
      output,
      /^load: k6 exited with code 104, no verdict of the load layer \(k6's own output above, if any, says why\)$/m,
    );
  });
  it("runs k6 against the embedded sandbox, with the token in its environment only and no other layer's secret, and passes 99 through", async () => {
    const k6 = standInK6(99);
    const { code, output } = await run(['--profile', 'smoke'], {
      K6_BIN: k6.binary,
      ENGAGE_TOKEN: 'sandbox-token',
      // The other layers' secrets, which k6 has no use for.
      ENGAGE_EXPIRED_TOKEN: 'expired-token',
      PACT_BROKER_TOKEN: 'broker-token',
    });
    assert.equal(code, 99, output);
    assert.match(k6.record(), /^other secrets: $/m);
    assert.match(output, /a threshold was crossed \(k6 exit code 99\)/);
    const record = k6.record();
    assert.match(
      record,
      /^args: run --no-usage-report --address= --quiet --out json=test-output\/run-load\/load\/metrics\.json\.gz load\/lookup\.ts$/m,
    );
    assert.match(record, /^token: sandbox-token$/m);
    assert.match(record, /^target: http:\/\/127\.0\.0\.1:\d+$/m);
  });
  it('says why lookups failed after a crossed checks threshold, from the metrics file, and what 429s may mean', async () => {
    const problem = (reason: string) =>
      JSON.stringify({
        type: 'Point',
        metric: 'lookup_problems',
        data: { time: '', value: 1, tags: { problem: reason } },
      });
    const k6 = standInK6(99, {
      wrote: {
        summary: { metrics: { checks: { thresholds: { 'rate>0.99': { ok: false } } } } },
        metrics: [
          problem('200 body: content type is not JSON'),
          problem('rate limited (429)'),
          problem('rate limited (429)'),
        ],
      },
    });
    // A real target, whose limit for this endpoint the run was told is below the documented one.
    const { code, output } = await run(['--profile', 'smoke'], {
      K6_BIN: k6.binary,
      ENGAGE_BASE_URL: UNREACHABLE_URL,
      ENGAGE_ENTERPRISE: 'acme',
      ENGAGE_APPOINTMENT_ID: '123',
      ENGAGE_TOKEN: 'remote-token',
      ENGAGE_LOAD_RATE_LIMIT_CONCURRENT: '2',
    });
    assert.equal(code, 99, output);
    assert.match(
      output,
      /^load: failed lookups: rate limited \(429\) \(2\), 200 body: content type is not JSON \(1\)$/m,
    );
    assert.match(
      output,
      /^load: the target answered 429 to 2 lookups sent under 3000 requests a minute \(documented\) and 2 at once \(ENGAGE_LOAD_RATE_LIMIT_CONCURRENT\): its limit is lower still/m,
    );
    // Kept for npm start's report, whose summary.md a CI job summary shows without the console.
    const summary = JSON.parse(readFileSync(inReports('test-output/run-load', REPORT_FILES.loadSummary), 'utf8'));
    assert.match(summary.rate_limit_hint, /^the target answered 429 to 2 lookups sent under 3000 requests a minute/);
  });
  it('fails a run that k6 passed having judged none of its thresholds, saying so', async () => {
    // As k6 writes it under --no-thresholds: its metrics, with no threshold result on any.
    const k6 = standInK6(0, {
      wrote: { summary: { metrics: { checks: { type: 'rate', values: { rate: 0.4 } } } }, metrics: [] },
    });
    const { code, output } = await run(['--profile', 'smoke'], { K6_BIN: k6.binary });
    assert.equal(code, 1, output);
    assert.match(output, /^load: k6 passed but judged none of the load layer's thresholds .*: no verdict is no pass$/m);
  });
  it('passes the load-only settings of the env files on to k6, as npm start reads them', async () => {
    const k6 = standInK6(0);
    const configFolder = temporaryFolder('load-env');
    writeFileSync(
      join(configFolder, '.env.perf'),
      'ENGAGE_LOAD_LANGUAGES=nl,fr\nENGAGE_LOAD_RATE_LIMIT_PER_MINUTE=1200\nENGAGE_LOAD_RATE_LIMIT_CONCURRENT=2\n',
    );
    const { code, output } = await run(['--profile', 'smoke', '--env', 'perf'], {
      K6_BIN: k6.binary,
      ENGAGE_CONFIG_DIR: configFolder,
    });
    assert.equal(code, 0, output);
    assert.match(k6.record(), /^languages: nl,fr$/m);
    assert.match(k6.record(), /^rate limit: 1200 2$/m);
  });
  it("fails a run that k6 passed without writing its summary (the script's handleSummary failed), saying so", async () => {
    const k6 = standInK6(0, { writesSummary: false });
    const reports = temporaryFolder('run-load');
    // An earlier run's summaries, which this run must not pass off as its own.
    mkdirSync(join(reports, 'load'));
    for (const file of ['summary.json', 'junit.xml', 'summary.md', 'summary.html'])
      writeFileSync(join(reports, 'load', file), 'an earlier run');
    const { code, output } = await run(['--profile', 'smoke'], { K6_BIN: k6.binary, ENGAGE_REPORTS_DIR: reports });
    assert.equal(code, 1, output);
    assert.match(
      output,
      /^load: k6 passed but wrote no .*\/load\/summary\.json: the script's handleSummary failed \(k6's error above says why\)$/m,
    );
    assert.deepEqual(readdirSync(join(reports, 'load')), [], "no earlier run's summary is left");
  });
  it("ends with the reason k6's setup() stopped the run for, and puts it in the summaries", async () => {
    const folder = temporaryFolder('fake-k6');
    const binary = join(folder, 'k6');
    // As k6 does: its log line on stderr, then summaries written by the script, then exit 108.
    writeFileSync(
      binary,
      `#!/bin/sh\necho 'time="2026-11-29T17:04:01Z" level=error msg="test aborted: GET appointment 123 got HTTP 404; no such appointment: check the id and ENGAGE_ENTERPRISE"' >&2\nprintf '%s' 'FAILED: ${SETUP_STOP_REASON_SLOT}' > "$ENGAGE_REPORTS_DIR/load/summary.md"\nexit 108\n`,
    );
    chmodSync(binary, 0o755);
    const reports = temporaryFolder('run-load');
    const { code, output } = await run(['--profile', 'smoke'], { K6_BIN: binary, ENGAGE_REPORTS_DIR: reports });
    assert.equal(code, 108, output);
    const reason = 'GET appointment 123 got HTTP 404; no such appointment: check the id and ENGAGE_ENTERPRISE';
    assert.ok(output.trimEnd().endsWith(`load: k6 stopped the run (exit code 108): ${reason}`), output);
    assert.equal(readFileSync(join(reports, 'load', 'summary.md'), 'utf8'), `FAILED: ${reason}`);
  });
  it('says when k6 wrote no dashboard for --dashboard, which it skips for a short run', async () => {
    const k6 = standInK6(0);
    const { code, output } = await run(['--profile', 'smoke', '--dashboard'], {
      K6_BIN: k6.binary,
      ENGAGE_REPORTS_DIR: temporaryFolder('run-load'),
    });
    assert.equal(code, 0, output);
    assert.match(output, /^load: k6 wrote no dashboard: it makes none for a run this short/m);
  });
  it('refuses an unknown profile with one line', async () => {
    const { code, output } = await run(['--profile', 'marathon']);
    assert.equal(code, 2);
    assert.match(
      output,
      /^configuration error: --profile "marathon" is not one of smoke, average, stress, spike, soak, breakpoint$/m,
    );
  });
});
