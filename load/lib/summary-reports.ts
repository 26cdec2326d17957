// Turns k6's end-of-test summary data into what a person and a pipeline read: a text summary for
// stdout (written here, so no remote jslib module is needed), the JSON without setup_data (it holds
// the token), JUnit XML with a test case per threshold, Markdown for CI job summaries, and an HTML
// fragment for the combined report of `npm start`. Each threshold shows the value seen and its margin.
import { escapeMarkup } from '../../config/escape-markup.ts';
import { THRESHOLD_RESULT } from '../../config/layer-outcome.ts';
import { inReports, REPORT_FILES } from '../../config/report-paths.ts';
import {
  BAD_BODY_METRIC,
  LOOKUP_COUNT_METRIC,
  LOOKUP_FAILED_METRIC,
  LOOKUP_LATENCY_METRIC,
  RATE_LIMITED_PROBLEM,
  type Threshold,
  thresholdText,
} from './load-thresholds.ts';

export interface SummaryMetric {
  type: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

export interface SummaryData {
  metrics: Record<string, SummaryMetric>;
  state?: { testRunDurationMs?: number };
  setup_data?: unknown;
  /** Ours, in place of setup_data: false when setup() stopped the run (it returned no data). */
  setup_completed?: boolean;
  /** Ours: why setup() stopped the run, from k6's "test aborted" line, which npm run load reads (setup-stop-reason.ts). */
  setup_stop_reason?: string;
  /** Ours: what 429s among the failed lookups may mean, which npm run load adds (rate-limit-hint.ts). */
  rate_limit_hint?: string;
  [other: string]: unknown;
}

/** What the summary tells beside k6's data: the run's profile and target, and its thresholds as k6 was given them. */
export interface SummaryRun {
  profile: string;
  target: string;
  thresholds: Record<string, Threshold[]>;
}

export interface ThresholdOutcome {
  metric: string;
  threshold: string;
  ok: boolean;
  /** k6 ends the run as soon as it is crossed (abortOnFail): a reader should not take it for a second objective. */
  aborts: boolean;
  /** False when its metric had no samples (a run stopped in setup()): k6 counts it as met, though nothing was judged. */
  judged: boolean;
  /** The value the threshold judged and how far it was on the right side (negative: crossed), as text. */
  observed?: string;
  margin?: string;
}

const THRESHOLD = /^\s*(\w+(?:\(\d+(?:\.\d+)?\))?)\s*(<=|>=|<|>|==|===)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** `value` in the unit of a metric's `stat`: milliseconds for trends, percent for rates, else a number. */
function inUnit(type: string, stat: string, value: number): string {
  if (type === 'trend') return `${value.toFixed(1)} ms`;
  if (type === 'rate' || (stat === 'rate' && type !== 'counter')) return `${(value * 100).toFixed(2)} %`;
  if (stat === 'rate') return `${value.toFixed(1)}/s`;
  return String(Number(value.toFixed(3)));
}

/**
 * Whether k6 saw a sample of the metric: for counters a count of 0 is a value (count>0 judges it). A
 * trend's count is asked for (load-options.ts); without it (other trend stats given), a trend of
 * nothing but zeros had no samples, since no duration is exactly 0.
 */
function sawSamples({ type, values }: SummaryMetric): boolean {
  if (type === 'rate') return (values.passes ?? 0) + (values.fails ?? 0) > 0;
  if (type === 'trend')
    return values.count !== undefined ? values.count > 0 : Object.values(values).some((v) => v !== 0);
  return true;
}

/**
 * Each threshold with its result, the value it judged and its margin, in the order they were given
 * (`given`: the options' thresholds; k6's summary has no steady order), others after, by name.
 */
export function thresholdOutcomes(data: SummaryData, given: Record<string, Threshold[]> = {}): ThresholdOutcome[] {
  const metrics = Object.keys(given);
  const position = (metric: string, threshold: string) => {
    const at = metrics.indexOf(metric);
    const within = (given[metric] ?? []).findIndex((entry) => thresholdText(entry) === threshold);
    return at === -1 || within === -1 ? Number.POSITIVE_INFINITY : at * 1000 + within;
  };
  const outcomes = Object.entries(data.metrics).flatMap(([metric, summaryMetric]) =>
    Object.entries(summaryMetric.thresholds ?? {}).map(([threshold, { ok }]) => {
      const { type, values } = summaryMetric;
      const aborts = (given[metric] ?? []).some(
        (entry) => typeof entry !== 'string' && entry.threshold === threshold && entry.abortOnFail,
      );
      // A run setup() stopped judged nothing: the readiness GET alone is no failed request rate.
      const judged = data.setup_completed !== false && sawSamples(summaryMetric);
      const [, stat = '', operator = '', boundText = ''] = THRESHOLD.exec(threshold) ?? [];
      const seen = values[stat];
      if (seen === undefined || !judged) return { metric, threshold, ok, aborts, judged };
      const bound = Number(boundText);
      const headroom = operator.startsWith('<') ? bound - seen : operator.startsWith('>') ? seen - bound : undefined;
      const margin =
        headroom === undefined
          ? undefined
          : `${headroom < 0 ? '−' : headroom > 0 ? '+' : ''}${inUnit(type, stat, Math.abs(headroom))}`;
      return {
        metric,
        threshold,
        ok,
        aborts,
        judged,
        observed: inUnit(type, stat, seen),
        ...(margin === undefined ? {} : { margin }),
      };
    }),
  );
  const key = (outcome: ThresholdOutcome) => `${outcome.metric} ${outcome.threshold}`;
  return outcomes.sort(
    (a, b) =>
      position(a.metric, a.threshold) - position(b.metric, b.threshold) ||
      (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
}

/** A threshold's result as the reports say it. */
const resultOf = (outcome: ThresholdOutcome) =>
  !outcome.judged ? THRESHOLD_RESULT.notJudged : outcome.ok ? THRESHOLD_RESULT.met : THRESHOLD_RESULT.crossed;

/**
 * The summary data without setup_data, which carries the run's token from setup() to the VUs, and
 * with whether setup() completed: it returns data whenever it does, and a run whose VUs made lookups
 * got past it, wherever their data came from (each lookup adds a checks sample).
 */
function withoutSetupData(data: SummaryData): SummaryData {
  const { setup_data: setupData, ...rest } = data;
  const lookups = data.metrics.checks?.values;
  const lookedUp = (lookups?.passes ?? 0) + (lookups?.fails ?? 0) > 0;
  return { ...rest, setup_completed: setupData !== undefined || lookedUp } as SummaryData;
}

/** Why a run stopped in setup(): in its summaries until npm run load puts in k6's own line (SETUP_STOP_REASON_SLOT). */
export const SETUP_STOPPED = 'stopped in setup(), before any load';
/** The check a run stopped in setup() fails, in its JUnit XML and npm start's findings. */
export const SETUP_CHECK = 'setup(): the target is ready';
/** What npm run load replaces with the reason k6 printed ("test aborted: …"), in each summary file. */
export const SETUP_STOP_REASON_SLOT = 'the "test aborted" line of k6 says why';

/** Said after a threshold that ends the run, so that it is not read as a second objective. */
const abortNote = (outcome: ThresholdOutcome) => (outcome.aborts ? ', aborts the run when crossed' : '');
const thresholdLabel = (outcome: ThresholdOutcome) => `${outcome.threshold}${abortNote(outcome)}`;

export function renderJUnit(data: SummaryData, run: SummaryRun): string {
  const outcomes = thresholdOutcomes(data, run.thresholds);
  // A run setup() stopped fails as such, not by a threshold it never judged.
  const stopped =
    data.setup_completed === false
      ? [
          `    <testcase classname="k6.setup" name="${SETUP_CHECK}"><failure message="${escapeMarkup(`${SETUP_STOPPED}: ${SETUP_STOP_REASON_SLOT}`)}"/></testcase>`,
        ]
      : [];
  const failures = outcomes.filter((outcome) => outcome.judged && !outcome.ok).length + stopped.length;
  const skipped = outcomes.filter((outcome) => !outcome.judged).length;
  const tests = outcomes.length + stopped.length;
  const seconds = ((data.state?.testRunDurationMs ?? 0) / 1000).toFixed(3);
  const cases = outcomes.map(({ metric, threshold, ok, judged }) => {
    const name = escapeMarkup(`${metric}: ${threshold}`);
    if (!judged)
      return `    <testcase classname="k6.thresholds" name="${name}"><skipped message="${THRESHOLD_RESULT.notJudged}"/></testcase>`;
    return ok
      ? `    <testcase classname="k6.thresholds" name="${name}"/>`
      : `    <testcase classname="k6.thresholds" name="${name}"><failure message="${THRESHOLD_RESULT.crossed}"/></testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${tests}" failures="${failures}" skipped="${skipped}" time="${seconds}">`,
    `  <testsuite name="k6 ${escapeMarkup(run.profile)} thresholds" tests="${tests}" failures="${failures}" skipped="${skipped}" time="${seconds}">`,
    ...stopped,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

const milliseconds = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
const percent = (value: number | undefined) => (value === undefined ? 'n/a' : `${(value * 100).toFixed(2)} %`);

/** p50 / p95 / p99 of the lookups answered 200, as the summaries and npm start's report show them. */
export function lookupLatency(data: SummaryData): string {
  const latency = data.metrics[LOOKUP_LATENCY_METRIC]?.values ?? {};
  return latency.count === 0
    ? 'n/a (no lookup answered 200)'
    : `${milliseconds(latency.med)} / ${milliseconds(latency['p(95)'])} / ${milliseconds(latency['p(99)'])}`;
}

/** "3.13 % (1 of 32)": k6's Rate counts a failed request among its passes (the value true). */
function failedRequests({ rate, passes, fails }: Record<string, number>): string {
  return passes === undefined || fails === undefined
    ? percent(rate)
    : `${percent(rate)} (${passes} of ${passes + fails})`;
}

/** The figures both the text and the Markdown summary show, as [label, value] rows. */
function figures(data: SummaryData): Array<[string, string]> {
  const metric = (name: string) => data.metrics[name]?.values ?? {};
  const lookups = metric(LOOKUP_COUNT_METRIC);
  const checks = metric('checks');
  const checksRan = (checks.passes ?? 0) + (checks.fails ?? 0) > 0;
  return [
    ['lookups answered 200', `${lookups.count ?? 0} (${(lookups.rate ?? 0).toFixed(1)}/s)`],
    ['requests in all, setup() included', `${metric('http_reqs').count ?? 0}`],
    ['lookup latency (200s) p50 / p95 / p99', lookupLatency(data)],
    // With the counts: in a short run one failed lookup is already a few percent.
    ['lookups not answered 200', failedRequests(metric(LOOKUP_FAILED_METRIC))],
    ['200s whose body failed the check', String(metric(BAD_BODY_METRIC).count ?? 0)],
    [
      'checks passed',
      checksRan ? `${percent(checks.rate)} (${checks.passes ?? 0} passed, ${checks.fails ?? 0} failed)` : 'none ran',
    ],
    [RATE_LIMITED_PROBLEM, String(metric('rate_limited_responses').count ?? 0)],
    // Arrivals k6 could not start, every VU busy: the profile's rate was not reached (slow answers, or
    // the few VUs a target's own limit allows).
    ['lookups not sent, every VU busy', String(metric('dropped_iterations').count ?? 0)],
  ];
}

/** Passed only when lookups were answered 200 and no threshold was crossed: a run stopped in setup() made none. */
function verdict(data: SummaryData, run: SummaryRun): string {
  if (data.setup_completed === false) return `FAILED: ${SETUP_STOPPED}: ${SETUP_STOP_REASON_SLOT}`;
  if (!data.metrics[LOOKUP_COUNT_METRIC]?.values.count) return 'FAILED: no lookup answered 200';
  return thresholdOutcomes(data, run.thresholds).every((outcome) => outcome.ok) ? 'passed' : 'FAILED';
}

export function renderMarkdown(data: SummaryData, run: SummaryRun): string {
  return [
    `## Load: ${run.profile} against ${run.target} — ${verdict(data, run)}`,
    '',
    '| figure | value |',
    '| --- | --- |',
    ...figures(data).map(([label, value]) => `| ${label} | ${value} |`),
    '',
    '| threshold | seen | margin | result |',
    '| --- | --- | --- | --- |',
    ...thresholdOutcomes(data, run.thresholds).map(
      (outcome) =>
        `| \`${outcome.metric}\` \`${outcome.threshold}\`${abortNote(outcome)} | ${outcome.observed ?? 'n/a'} | ${outcome.margin ?? 'n/a'} | ${resultOf(outcome)} |`,
    ),
    '',
  ].join('\n');
}

/** The summary as an HTML fragment (a heading and two tables) for the combined report's load section. */
export function renderHtml(data: SummaryData, run: SummaryRun): string {
  // A figure and its unit stay on one line in a narrow column ("+4998.3 ms", "100.00 %").
  const cells = (tag: string, values: string[]) =>
    `<tr>${values.map((value) => `<${tag}>${escapeMarkup(value).replace(/(\d) (ms|%)/g, '$1&nbsp;$2')}</${tag}>`).join('')}</tr>`;
  const outcomes = thresholdOutcomes(data, run.thresholds);
  return [
    `<h3>Load: ${escapeMarkup(run.profile)} against ${escapeMarkup(run.target)}: ${escapeMarkup(verdict(data, run))}</h3>`,
    '<table class="load-figures">',
    cells('th', ['figure', 'value']),
    ...figures(data).map((row) => cells('td', row)),
    '</table>',
    '<table class="load-thresholds">',
    cells('th', ['metric', 'threshold', 'seen', 'margin', 'result']),
    ...outcomes.map((outcome) =>
      cells('td', [
        outcome.metric,
        thresholdLabel(outcome),
        outcome.observed ?? 'n/a',
        outcome.margin ?? 'n/a',
        resultOf(outcome),
      ]).replace('<tr>', `<tr class="${!outcome.judged ? 'not-judged' : outcome.ok ? 'passed' : 'failed'}">`),
    ),
    '</table>',
    '',
  ].join('\n');
}

/** The end-of-test summary for the terminal. */
export function renderText(data: SummaryData, run: SummaryRun, files: string[]): string {
  const rows = figures(data);
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    '',
    `load: ${run.profile} against ${run.target}: ${verdict(data, run)}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '  thresholds:',
    ...thresholdOutcomes(data, run.thresholds).map((outcome) =>
      outcome.judged
        ? `    ${outcome.ok ? '✔' : '✖'} ${outcome.metric} ${thresholdLabel(outcome)}${outcome.observed === undefined ? '' : `  (seen ${outcome.observed}${outcome.margin === undefined ? '' : `, margin ${outcome.margin}`})`}${outcome.ok ? '' : `  ${THRESHOLD_RESULT.crossed}`}`
        : `    – ${outcome.metric} ${thresholdLabel(outcome)}  (${THRESHOLD_RESULT.notJudged})`,
    ),
    `  summary files: ${files.join(', ')}`,
    '',
  ].join('\n');
}

/**
 * Where handleSummary writes. k6 creates no folders: `npm run load` creates <reports>/load and says
 * where with ENGAGE_REPORTS_DIR; a bare `k6 run` writes into the working directory, which exists.
 */
function summaryPaths(reportsDirectory: string | undefined): {
  json: string;
  junit: string;
  markdown: string;
  html: string;
} {
  // A bare run flattens load/x into load-x in the working directory.
  const at = (file: string) =>
    reportsDirectory === undefined ? file.replace('/', '-') : inReports(reportsDirectory, file);
  return {
    json: at(REPORT_FILES.loadSummary),
    junit: at(REPORT_FILES.loadJunit),
    markdown: at(REPORT_FILES.loadMarkdown),
    html: at(REPORT_FILES.loadHtml),
  };
}

/** Everything handleSummary returns, keyed by path as k6 expects, with the text summary on stdout. */
export function summaryOutputs(
  data: SummaryData,
  run: SummaryRun,
  reportsDirectory: string | undefined,
): Record<string, string> {
  const safe = withoutSetupData(data);
  const paths = summaryPaths(reportsDirectory);
  return {
    stdout: renderText(safe, run, Object.values(paths)),
    [paths.json]: JSON.stringify(safe, null, 2),
    [paths.junit]: renderJUnit(safe, run),
    [paths.markdown]: renderMarkdown(safe, run),
    [paths.html]: renderHtml(safe, run),
  };
}
