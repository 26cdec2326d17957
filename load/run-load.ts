// `npm run load -- --profile smoke`: runs load/lookup.ts with k6 (K6_BIN or the PATH) against the
// configured target, starting the embedded sandbox when ENGAGE_BASE_URL is unset. k6's exit code
// (99 when a threshold is crossed) is passed through. `--dry-run` prints the command and options.
// Ctrl-C or SIGTERM goes on to k6 (which stops and writes its summary), then exit 130 or 143.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import {
  EXIT_CODE_FOR,
  exitedAndRead,
  forwardStopSignals,
  interruption,
  sayStillRunning,
  spawnSharingGroup,
} from '../config/child-processes.ts';
import { runMain } from '../config/entry-point.ts';
import { useEnvironmentName } from '../config/environment-files.ts';
import { loadSuite } from '../config/load-suite-config.ts';
import { inReports, REPORT_FILES, reportsDirectory } from '../config/report-paths.ts';
import { checkReportsFolder, makeReportsFolder } from '../config/reports-folder.ts';
import { resolveTarget } from '../config/resolve-target.ts';
import { warn } from '../config/warnings.ts';
import { failedLookupCounts, reasonsLine } from './failed-lookups.ts';
import { findK6, K6_INSTALL_HINT, K6_NOT_FOUND } from './find-k6.ts';
import { describeK6Command, k6ProcessEnvironment, readLoadFlags } from './k6-command.ts';
import { readRunShape } from './lib/load-settings.ts';
import { thresholdOutcomes } from './lib/summary-reports.ts';
import { planLoadRun } from './load-plan.ts';
import { rateLimitHint } from './rate-limit-hint.ts';
import { fillSetupStopReason, testAbortedReason } from './setup-stop-reason.ts';
import { addToLoadSummary } from './summary-additions.ts';

/**
 * True when k6's summary of a run shows no threshold judged: k6 passes such a run (a config file of
 * k6's may ask for it), and no verdict is no pass. A summary that does not parse says nothing.
 */
function judgedNoThreshold(summaryFile: string): boolean {
  try {
    return thresholdOutcomes(JSON.parse(readFileSync(summaryFile, 'utf8'))).length === 0;
  } catch {
    return false;
  }
}

await runMain(async () => {
  const args = process.argv.slice(2);
  // --env decides which .env.<name> file is read, so it is read from the flags first.
  const environmentName = readLoadFlags(args, process.env).environmentName;
  useEnvironmentName(environmentName);
  const { environment, config } = loadSuite({ warnOfUnknownSettings: true });
  const flags = readLoadFlags(args, environment);
  const reports = reportsDirectory(environment);
  const k6 = findK6(environment);
  // Every setting is read before anything starts; on the sandbox the command is built again once it runs.
  const remoteUrl = config.target.kind === 'remote' ? config.target.baseUrl : undefined;
  const quiet = !process.stdout.isTTY;
  const plan = (baseUrl: string | undefined) =>
    planLoadRun(config, baseUrl, flags, reports, environment, { quiet, shownUrl: 'http://127.0.0.1:<sandbox port>' });
  const planned = plan(remoteUrl);
  for (const warning of planned.warnings) warn(warning);
  if (flags.dryRun) {
    // Refused as the run would refuse it: the command shown names files in it.
    checkReportsFolder(inReports(reports, REPORT_FILES.load), reports);
    console.log(describeK6Command(k6 ?? 'k6', planned.command));
    console.log(JSON.stringify(planned.options, null, 2));
    // The command is still worth reading where k6 is not: the run itself would stop here (exit 127).
    if (k6 === undefined) console.error(`note: ${K6_NOT_FOUND}: a run would stop here`);
    return;
  }
  if (k6 === undefined) {
    console.error(K6_INSTALL_HINT);
    process.exitCode = 127;
    return;
  }
  makeReportsFolder(inReports(reports, REPORT_FILES.load), reports);
  // The sandbox is not rate limited for load unless SANDBOX_RATE_LIMIT says so: the run measures latency.
  const target = await resolveTarget(config, environment);
  try {
    const command = remoteUrl === undefined ? plan(target.url).command : planned.command;
    // Gone until this run writes them: k6 prints its own summary and exits as it would have when the
    // script's handleSummary throws, and no run may leave an earlier run's figures to be read as its own.
    const { loadSummary, loadJunit, loadMarkdown, loadHtml, loadDashboard } = REPORT_FILES;
    for (const file of [loadSummary, loadJunit, loadMarkdown, loadHtml, loadDashboard])
      rmSync(inReports(reports, file), { force: true });
    const summary = inReports(reports, loadSummary);
    console.log(`load: ${flags.profile} profile against ${target.label}`);
    // k6 stays in this command's process group: whatever stops the group (a terminal's Ctrl-C, npm
    // start's layer timeout) stops k6 with it.
    forwardStopSignals((signal) => console.error(`\nload: ${signal}, stopping k6…`));
    // Without a terminal (CI, npm start's layer) k6's log goes on as it comes and its "test aborted"
    // line is kept for the last word and the summaries; a terminal gets k6's own, in colour.
    const readLog = !process.stderr.isTTY;
    const child = spawnSharingGroup(k6, command.args, {
      stdio: ['ignore', 'inherit', readLog ? 'pipe' : 'inherit'],
      env: k6ProcessEnvironment(process.env, command),
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      if (log.length < 1_000_000) log += chunk;
    });
    const stopSaying = quiet ? sayStillRunning('k6') : () => {};
    const code = await exitedAndRead(child);
    stopSaying();
    const signal = interruption();
    if (signal !== undefined) {
      console.error(`load: interrupted (${signal})`);
      process.exitCode = EXIT_CODE_FOR[signal];
      return;
    }
    if (code === 99)
      console.error(
        `load: a threshold was crossed (k6 exit code 99); see the summary above and ${inReports(reports, REPORT_FILES.load)}/`,
      );
    const aborted = code === 108 ? testAbortedReason(log) : undefined;
    if (aborted !== undefined) fillSetupStopReason(reports, aborted);
    if (code === 108)
      console.error(`load: k6 stopped the run (exit code 108): ${aborted ?? 'the "test aborted" line above says why'}`);
    const counts = code === 0 || code === 99 || code === 108 ? failedLookupCounts(reports) : undefined;
    if (counts !== undefined)
      console.error(
        code === 0
          ? `load: passed, with failed lookups within the thresholds: ${reasonsLine(counts)}`
          : `load: failed lookups: ${reasonsLine(counts)}`,
      );
    const hint = rateLimitHint(counts, {
      remote: config.target.kind === 'remote',
      allowAboveRateLimit: flags.allowAboveRateLimit,
      limit: readRunShape(environment).rateLimit,
    });
    if (hint !== undefined) {
      console.error(`load: ${hint}`);
      addToLoadSummary(reports, { rate_limit_hint: hint });
    }
    // k6 skips the dashboard of a short run with only a warning (a 15 s smoke is too short); a run
    // setup() refused has no dashboard to speak of.
    if (flags.dashboard && (code === 0 || code === 99) && !existsSync(inReports(reports, loadDashboard)))
      console.error('load: k6 wrote no dashboard: it makes none for a run this short (give a longer --duration)');
    if ((code === 0 || code === 99) && !existsSync(summary)) {
      console.error(
        `load: k6 ${code === 0 ? 'passed' : 'failed'} but wrote no ${summary}: the script's handleSummary failed (k6's error above says why)`,
      );
      // A crossed threshold keeps its 99; a pass with its figures lost is a failure.
      process.exitCode = code === 0 ? 1 : code;
      return;
    }
    if (code === 0 && judgedNoThreshold(summary)) {
      console.error(
        "load: k6 passed but judged none of the load layer's thresholds (a k6 config file with noThresholds, say): no verdict is no pass",
      );
      process.exitCode = 1;
      return;
    }
    // Any other code is k6's own (a script error, bad options, a k6 that is not k6): said, and passed on.
    if (code !== 0 && code !== 99 && code !== 108)
      console.error(
        `load: ${code === null ? 'k6 was stopped by a signal' : `k6 exited with code ${code}`}, no verdict of the load layer (k6's own output above, if any, says why)`,
      );
    process.exitCode = code ?? 1;
  } finally {
    await target.close();
  }
});
