// `npm start`: the whole suite against the configured target (the embedded sandbox by default):
// schema self-check, contracts, e2e, then load when k6 is found. Progress per layer on the
// terminal, one combined report under reports/, and a non-zero exit when any layer fails. Ctrl-C
// or SIGTERM stops the running layer's processes, reports the run as interrupted, exits 130 or 143.
import { existsSync, readFileSync } from 'node:fs';
import { EXIT_CODE_FOR, forwardStopSignals, interruption, sayStillRunning } from '../config/child-processes.ts';
import { ConfigError } from '../config/config-error.ts';
import { refusalLine, runMain } from '../config/entry-point.ts';
import { readEnvironmentAsFarAsItGoes, useEnvironmentName } from '../config/environment-files.ts';
import { handOff, readHandoff } from '../config/handoffs.ts';
import { countsLine } from '../config/layer-outcome.ts';
import { loadSuite, settingSources } from '../config/load-suite-config.ts';
import { inReports, layerLog, REPORT_FILES, reportsDirectory } from '../config/report-paths.ts';
import { makePactFolder, makeReportsFolder } from '../config/reports-folder.ts';
import { targetLabel } from '../config/resolve-target.ts';
import { withoutSecretValues } from '../config/secret-settings.ts';
import { settingValue } from '../config/setting-value.ts';
import { printedWarnings, warn } from '../config/warnings.ts';
import { checkLoadRun, chosenProfile, findK6, K6_NOT_FOUND, K6_NOT_FOUND_PROBLEM } from '../load/load-layer.ts';
import { readSandboxSettings } from '../sandbox/sandbox-settings.ts';
import { assertReportsFolder, clearPreviousReports } from './clear-reports.ts';
import { suiteLayers } from './layers.ts';
import { preflightProblems } from './preflight.ts';
import { compareWithBaseline, runFigures } from './report/baseline.ts';
import { readLayerFindings } from './report/layer-findings.ts';
import { expectationsLine, findingsLines, writeSuiteReport } from './report/suite-report.ts';
import { type LayerResult, runLayer } from './run-layer.ts';
import { lockReportsFolder } from './run-lock.ts';
import { readRunnerOptions } from './runner-options.ts';

const marks = { passed: '✔', failed: '✖', 'timed out': '✖', skipped: '-', interrupted: '✖' } as const;

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join('\n');
}

/**
 * A run refused before its first layer writes summary.md and index.html saying so, in place of the
 * last run's, which would otherwise pass for it (a CI job summary reads summary.md), in the folder and
 * against the target the settings name as far as they can be read. The last run's layer reports stay
 * (`--baseline` reads its load summary), and a folder another run holds, or one it may not write, is
 * left alone.
 */
function reportRefusal(lines: string[]): void {
  let reports: string;
  let target = 'the configured target';
  try {
    const { environment, config } = loadSuite();
    reports = reportsDirectory(environment);
    target = targetLabel(config);
  } catch {
    reports = reportsDirectory(readEnvironmentAsFarAsItGoes());
  }
  try {
    assertReportsFolder(reports);
    const unlock = lockReportsFolder(reports);
    try {
      writeSuiteReport(reports, {
        target,
        results: [],
        refusal: lines,
        warnings: printedWarnings(),
        pactDirectory: inReports(reports, REPORT_FILES.contracts),
      });
    } finally {
      unlock();
    }
  } catch {
    // The refusal is on the console, in one line, either way.
  }
}

await runMain(async () => {
  try {
    await runSuite();
  } catch (error) {
    if (error instanceof ConfigError) reportRefusal([refusalLine(error)]);
    throw error;
  }
});

/** Reads the settings, then runs the layers. */
async function runSuite(): Promise<void> {
  const options = readRunnerOptions(process.argv.slice(2));
  useEnvironmentName(options.environmentName);
  const { environment, config } = loadSuite({ warnOfUnknownSettings: true });
  // Looked for only when load runs: a stale K6_BIN is no reason to refuse `--only e2e`.
  const k6 = options.layers.includes('load') ? findK6(environment) : undefined;
  // A run that must not skip load refuses before any request: the layers before it would run for nothing.
  if (k6 === undefined && options.requireLoad !== undefined)
    throw new ConfigError(
      'k6',
      `${K6_NOT_FOUND_PROBLEM}, and ${options.requireLoad}: npm run load says how to install it`,
    );
  const loadProfile = chosenProfile(options.loadProfile, environment);
  const reports = reportsDirectory(environment);
  const target = targetLabel(config);
  assertReportsFolder(reports);
  // The pacts' own folder, when set: a file there would fail the contracts layer, then the report.
  const handedPactDirectory = readHandoff(environment, 'ENGAGE_PACT_DIR');
  if (handedPactDirectory !== undefined) makePactFolder(handedPactDirectory);
  const baselineSetting = options.baselineFolder === undefined ? 'ENGAGE_BASELINE_DIR' : '--baseline';
  let baselineFolder = options.baselineFolder ?? settingValue(environment, 'ENGAGE_BASELINE_DIR');
  // The figures compared are the load layer's: --baseline on a run without it would compare nothing,
  // and pass; ENGAGE_BASELINE_DIR, set for every run of a CI project, is left aside with a warning.
  if (baselineFolder !== undefined && !options.layers.includes('load')) {
    const problem = `compares the load layer's figures, and this run leaves load out (${options.layers.join(', ')})`;
    if (options.baselineFolder !== undefined) throw new ConfigError('--baseline', problem);
    warn(`warning: ENGAGE_BASELINE_DIR ${problem}: nothing is compared`);
    baselineFolder = undefined;
  }
  // Read now, before this run clears its reports folder: --baseline reports compares with the last run.
  const baseline = baselineFolder === undefined ? undefined : runFigures(baselineFolder);
  if (baselineFolder !== undefined && (baseline === undefined || Object.keys(baseline).length === 0))
    throw new ConfigError(
      baselineSetting,
      `"${baselineFolder}" holds no ${REPORT_FILES.loadSummary} of an earlier npm start${baseline === undefined ? '' : ' with its latency and error figures'}`,
    );
  // Settings the layers would trip over one by one: the sandbox's knobs, then the target itself.
  if (config.target.kind === 'sandbox') readSandboxSettings([], environment);
  // The load settings, when load will run: without k6 it is skipped, and a setting meant for the load
  // machine alone is no reason to refuse the run.
  if (options.layers.includes('load') && k6 !== undefined)
    for (const warning of checkLoadRun(config, loadProfile, reports, environment)) warn(warning);
  const layers = suiteLayers({ loadProfile, loadDuration: settingValue(environment, 'ENGAGE_LOAD_DURATION') })
    .filter((layer) => options.layers.includes(layer.name))
    .map((layer) => ({ ...layer, timeoutSeconds: options.layerTimeoutSeconds ?? layer.timeoutSeconds }));
  const runSeconds = layers.reduce((sum, layer) => sum + layer.timeoutSeconds, 0);
  const problems = await preflightProblems(config, { layers: options.layers, runSeconds });
  if (problems.length > 0) {
    // A preflight line quotes the settings it names, a secret given to the wrong one too.
    // Each names the env file of the settings it names, as a refused setting does (files merge).
    const lines = problems.map((problem) =>
      withoutSecretValues(`preflight: ${problem}${settingSources(problem)}`, environment),
    );
    for (const line of lines) console.error(line);
    console.error('no layer was started: fix the setting above and run again');
    reportRefusal(lines);
    process.exitCode = 2;
    return;
  }
  if (config.target.kind === 'remote' && config.defaultLanguage === undefined && options.layers.includes('e2e'))
    console.log(
      'note: ENGAGE_DEFAULT_LANGUAGE is unset, so the "*" and no-header language checks take any translation where the default would be',
    );
  // The last run's reports stay until this one is sure to start.
  const unlock = lockReportsFolder(reports);
  process.once('exit', unlock);
  clearPreviousReports(reports);
  const { logs, contracts, summaryMarkdown, indexHtml } = REPORT_FILES;
  makeReportsFolder(inReports(reports, logs), reports);
  // The pacts go into the run's own folder too, unless ENGAGE_PACT_DIR says where.
  // From the env files too: npm start hands the folder on to the layers.
  const pactDirectory = handedPactDirectory ?? inReports(reports, contracts);
  const childEnvironment = {
    ...process.env,
    PACT_DO_NOT_TRACK: 'true',
    ...handOff({ ENGAGE_REPORTS_DIR: reports, ENGAGE_PACT_DIR: pactDirectory, ENGAGE_SETTINGS_WARNED: 'true' }),
  };
  console.log(`API suite against ${target}: ${layers.map((layer) => layer.name).join(', ')}`);
  const expectations = options.layers.includes('e2e') ? [...config.expectations] : undefined;
  if (expectations !== undefined) console.log(expectationsLine(expectations));

  forwardStopSignals((signal) => console.log(`\n${signal}: stopping the running layer (at most a few seconds)…`));
  const results: LayerResult[] = [];
  for (const [index, layer] of layers.entries()) {
    if (interruption() !== undefined) {
      results.push({
        name: layer.name,
        title: layer.title,
        outcome: 'skipped',
        durationSeconds: 0,
        reason: 'not run: the suite was interrupted',
      });
      continue;
    }
    if (layer.name === 'load' && k6 === undefined) {
      const reason = `${K6_NOT_FOUND}; npm run load says how to install it`;
      results.push({ name: layer.name, title: layer.title, outcome: 'skipped', durationSeconds: 0, reason });
      console.log(`${marks.skipped} [${index + 1}/${layers.length}] ${layer.title} skipped: ${reason}`);
      continue;
    }
    console.log(`▶ [${index + 1}/${layers.length}] ${layer.title} (at most ${layer.timeoutSeconds} s)`);
    const stopSaying = sayStillRunning(layer.name);
    const result = await runLayer(layer, inReports(reports, layerLog(layer.name)), childEnvironment).finally(
      stopSaying,
    );
    results.push(result);
    const note = result.reason === undefined ? '' : `: ${result.reason}`;
    console.log(
      `${marks[result.outcome]} ${layer.name} ${result.outcome} in ${result.durationSeconds.toFixed(1)} s${note}`,
    );
    if (result.outcome !== 'passed' && result.logFile !== undefined)
      console.log(`  last lines of ${result.logFile}:\n${tail(result.logFile, 15)}`);
  }

  const signal = interruption();
  const findings = readLayerFindings(reports);
  const current = runFigures(reports);
  const comparison =
    baseline === undefined ? undefined : current === undefined ? [] : compareWithBaseline(current, baseline);
  const run = {
    target,
    results,
    interruptedBy: signal,
    pactDirectory,
    findings,
    comparison,
    baselineFolder,
    warnings: printedWarnings(),
    // Only when e2e ran: an interrupted run that never started it vouches for none.
    expectations: results.some((result) => result.name === 'e2e' && result.logFile !== undefined)
      ? expectations
      : undefined,
  };
  writeSuiteReport(reports, run);
  const counted = results.flatMap((result) => {
    const found = findings[result.name];
    return found === undefined ? [] : [`  ${result.name}: ${countsLine(found)}`];
  });
  if (counted.length > 0) console.log(['\nresults per layer:', ...counted].join('\n'));
  for (const line of findingsLines(run)) if (line !== '') console.log(line.replace(/^## (.*)$/, '$1:'));
  const failed = results
    .filter((result) => ['failed', 'timed out', 'interrupted'].includes(result.outcome))
    .map((result) => result.name as string);
  if (comparison?.some((figure) => figure.regressed)) failed.push('baseline');
  console.log(`report: ${inReports(reports, indexHtml)} and ${inReports(reports, summaryMarkdown)}`);
  if (signal !== undefined) {
    console.log(`the suite was interrupted (${signal})`);
    process.exitCode = EXIT_CODE_FOR[signal];
    return;
  }
  console.log(failed.length === 0 ? 'the suite passed' : `the suite FAILED: ${failed.join(', ')}`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}
