// `npm start -- --baseline <reports folder>`: this run's lookup latency (p50, p95, p99) and error
// rate beside an earlier run's, from both k6 summaries, with the change; a figure that grew past
// slo.json's `baseline` limits is a regression that fails the run.
import { existsSync, readFileSync } from 'node:fs';
import { inReports, REPORT_FILES } from '../../config/report-paths.ts';
import { LOOKUP_FAILED_METRIC, LOOKUP_LATENCY_METRIC } from '../../load/load-layer.ts';
import slo from '../../slo.json' with { type: 'json' };

export interface BaselineFigure {
  name: string;
  baseline: number;
  current: number;
  unit: 'ms' | '%';
  /** The change in percent of the baseline. */
  changePercent: number;
  regressed: boolean;
}

type Figures = Record<string, { value: number; unit: 'ms' | '%' }>;

/** The figures a run's k6 summary holds, or undefined when it made none. */
export function runFigures(reports: string): Figures | undefined {
  const file = inReports(reports, REPORT_FILES.loadSummary);
  if (!existsSync(file)) return undefined;
  let metrics: Record<string, { values?: Record<string, unknown> }>;
  try {
    metrics = JSON.parse(readFileSync(file, 'utf8')).metrics ?? {};
  } catch {
    // Not k6's JSON (cut short, or another file): no figures, which the caller refuses.
    return {};
  }
  const latency = metrics[LOOKUP_LATENCY_METRIC]?.values ?? {};
  const figures: Figures = {};
  for (const [name, stat] of [
    ['load p50', 'med'],
    ['load p95', 'p(95)'],
    ['load p99', 'p(99)'],
  ] as const)
    if (typeof latency[stat] === 'number') figures[name] = { value: latency[stat], unit: 'ms' };
  // A baseline written before the thresholds judged lookups only has the rate of all requests.
  const failed = (metrics[LOOKUP_FAILED_METRIC] ?? metrics.http_req_failed)?.values?.rate;
  if (typeof failed === 'number') figures['load error rate'] = { value: failed * 100, unit: '%' };
  return figures;
}

export function compareWithBaseline(current: Figures, baseline: Figures, limits = slo.baseline): BaselineFigure[] {
  return Object.entries(current).flatMap(([name, { value, unit }]) => {
    const before = baseline[name];
    if (before === undefined) return [];
    const change = value - before.value;
    const changePercent = before.value === 0 ? (change === 0 ? 0 : 100) : (change / before.value) * 100;
    const regressed =
      unit === 'ms'
        ? changePercent > limits.maxIncreasePercent && change > limits.minIncreaseMilliseconds
        : change > limits.maxErrorRateIncrease * 100;
    return [{ name, baseline: before.value, current: value, unit, changePercent, regressed }];
  });
}

const show = (value: number, unit: string) => (unit === 'ms' ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} %`);

/** The comparison as Markdown: a table, then one line per regression. */
export function baselineLines(figures: BaselineFigure[], baselineFolder: string): string[] {
  if (figures.length === 0)
    return [
      `## Against the baseline ${baselineFolder}`,
      '',
      `No figure to compare: this run wrote no ${REPORT_FILES.loadSummary} (its load layer did not run to the end).`,
      '',
    ];
  return [
    `## Against the baseline ${baselineFolder}`,
    '',
    '| figure | baseline | this run | change |',
    '| --- | --- | --- | --- |',
    ...figures.map(
      (figure) =>
        `| ${figure.name} | ${show(figure.baseline, figure.unit)} | ${show(figure.current, figure.unit)} | ${figure.changePercent >= 0 ? '+' : ''}${figure.changePercent.toFixed(0)} %${figure.regressed ? ' REGRESSED' : ''} |`,
    ),
    '',
    ...figures
      .filter((figure) => figure.regressed)
      .map(
        (figure) =>
          `- REGRESSION: ${figure.name} went from ${show(figure.baseline, figure.unit)} to ${show(figure.current, figure.unit)} (${figure.changePercent.toFixed(0)} %; slo.json allows ${figure.unit === 'ms' ? `${slo.baseline.maxIncreasePercent} % and ${slo.baseline.minIncreaseMilliseconds} ms` : `${slo.baseline.maxErrorRateIncrease * 100} points`})`,
      ),
  ];
}
