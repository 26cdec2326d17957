// The combined report of `npm start`: reports/summary.md for CI job summaries and reports/index.html,
// which links each layer's own report and shows the load summary with its latency chart.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { escapeMarkup } from '../../config/escape-markup.ts';
import { countsLine, type LayerFindings } from '../../config/layer-outcome.ts';
import { inReports, layerLog, REPORT_FILES } from '../../config/report-paths.ts';
import { makeReportsFolder } from '../../config/reports-folder.ts';
import slo from '../../slo.json' with { type: 'json' };
import type { LayerResult } from '../run-layer.ts';
import { type BaselineFigure, baselineLines } from './baseline.ts';
import { readLatencySeries, renderLatencyChart } from './latency-chart.ts';

// Emoji for the Markdown summary, which CI job summaries show; the HTML report uses coloured words.
const icons = { passed: '✅', failed: '❌', 'timed out': '⏱️', skipped: '⏭️', interrupted: '🛑' } as const;

export interface SuiteRun {
  target: string;
  results: LayerResult[];
  /** The signal that stopped the run, if one did. */
  interruptedBy?: string;
  /** Where the contract layer wrote its pacts. */
  pactDirectory: string;
  /** What each layer found, read from its own machine-readable output. */
  findings?: Record<string, LayerFindings | undefined>;
  /** This run against --baseline, when one was given. */
  comparison?: BaselineFigure[];
  baselineFolder?: string;
  /** Why no layer ran: the refused setting's lines, as printed. */
  refusal?: string[];
  /** The warnings npm start printed before its layers (config/warnings.ts). */
  warnings?: readonly string[];
  /** The optional expectations e2e checked (ENGAGE_EXPECT), when e2e ran: what a passed run vouches for. */
  expectations?: readonly string[];
}

/** "Optional expectations e2e checks (ENGAGE_EXPECT): rate-limit, status-code", or none. */
export const expectationsLine = (expectations: readonly string[]) =>
  `Optional expectations e2e checks (ENGAGE_EXPECT): ${expectations.length === 0 ? 'none, only documented and standard behaviour' : expectations.join(', ')}`;

const countsOf = (findings: LayerFindings | undefined) => (findings === undefined ? '' : countsLine(findings));

/** The first failures of each layer and the skipped checks by reason, as plain lines (Markdown lists). */
export function findingsLines(run: SuiteRun): string[] {
  const lines: string[] = [];
  if (run.warnings !== undefined && run.warnings.length > 0)
    lines.push(
      '## Warnings at start',
      '',
      ...run.warnings.map((line) => `- ${line.replace(/^(preflight: )?warning: /, '$1')}`),
      '',
    );
  if (run.refusal !== undefined)
    lines.push('## Not run: a setting was refused', '', ...run.refusal.map((line) => `- ${line}`), '');
  const failures = run.results.flatMap((result) =>
    (run.findings?.[result.name]?.failures ?? []).map(
      ({ check, message }) => `- ${result.name} · ${check}: ${message}`,
    ),
  );
  if (failures.length > 0) lines.push('## First failures', '', ...failures, '');
  const skipped = run.results.flatMap((result) =>
    Object.entries(run.findings?.[result.name]?.skippedBy ?? {}).map(
      ([reason, count]) => `- ${result.name}: ${count} × ${reason}`,
    ),
  );
  if (skipped.length > 0) lines.push('## Skipped checks, by reason', '', ...skipped, '');
  const latency = run.results.flatMap((result) =>
    [...new Set(run.findings?.[result.name]?.latency ?? [])].map((figure) => `- ${result.name} · ${figure}`),
  );
  if (latency.length > 0) lines.push('## Latency', '', ...latency, '');
  if (run.comparison !== undefined) lines.push(...baselineLines(run.comparison, run.baselineFolder ?? ''), '');
  return lines;
}

/** The run's verdict: interrupted, passed (skipped layers included), or FAILED. */
function verdict(run: SuiteRun): string {
  if (run.refusal !== undefined) return 'NOT RUN';
  if (run.interruptedBy !== undefined) return `INTERRUPTED (${run.interruptedBy})`;
  if (run.comparison?.some((figure) => figure.regressed)) return 'FAILED (regressed against the baseline)';
  return run.results.every((result) => result.outcome === 'passed' || result.outcome === 'skipped')
    ? 'passed'
    : 'FAILED';
}

/** The run's pact files under <reports>/contracts/, copied there when ENGAGE_PACT_DIR put them elsewhere. */
function collectPacts(reports: string, pactDirectory: string): string[] {
  if (!existsSync(pactDirectory)) return [];
  const { contracts, verificationFindings } = REPORT_FILES;
  makeReportsFolder(inReports(reports, contracts), reports);
  return readdirSync(pactDirectory)
    .map((file) => `${contracts}/${file}`)
    .filter((file) => file.endsWith('.json') && file !== verificationFindings)
    .map((file) => {
      const copy = inReports(reports, file);
      if (resolve(pactDirectory, basename(file)) !== resolve(copy))
        copyFileSync(join(pactDirectory, basename(file)), copy);
      return file;
    });
}

function renderSummaryMarkdown(run: SuiteRun): string {
  return [
    `# API suite against ${run.target}: ${verdict(run)}`,
    '',
    ...(run.expectations === undefined ? [] : [expectationsLine(run.expectations), '']),
    // A refused run has no layer to show.
    ...(run.results.length === 0
      ? []
      : [
          '| layer | outcome | results | time | note |',
          '| --- | --- | --- | --- | --- |',
          ...run.results.map(
            (result) =>
              `| ${result.title} | ${icons[result.outcome]} ${result.outcome} | ${countsOf(run.findings?.[result.name])} | ${result.durationSeconds.toFixed(1)} s | ${result.reason ?? ''} |`,
          ),
          '',
        ]),
    ...findingsLines(run),
  ].join('\n');
}

export function writeSuiteReport(reports: string, run: SuiteRun): void {
  makeReportsFolder(reports, reports);
  const summary = renderSummaryMarkdown(run);
  writeFileSync(inReports(reports, REPORT_FILES.summaryMarkdown), summary);
  // A refused run links to no layer's reports: those in the folder are the last run's.
  if (run.refusal !== undefined) {
    writeFileSync(inReports(reports, REPORT_FILES.indexHtml), refusalHtml(run));
    return;
  }
  const link = (path: string, text: string) =>
    existsSync(inReports(reports, path))
      ? `<a href="${escapeMarkup(path)}">${escapeMarkup(text)}</a>`
      : `${escapeMarkup(text)} (not produced)`;
  const pacts = collectPacts(reports, run.pactDirectory);
  // The reports of the layers this run started (each has a log), in their order: one it left out or
  // skipped (no k6, an interruption) wrote none.
  const reportsOf: Partial<Record<string, string[]>> = {
    contracts: [
      ...(pacts.length > 0
        ? pacts.map((pact) => link(pact, `pact file ${basename(pact)}`))
        : ['pact file (not produced)']),
      `${link(layerLog('contracts'), 'the contracts log')} (consumer tests, then provider verification) and ${link(REPORT_FILES.verificationFindings, "the verification's findings")}`,
    ],
    e2e: [
      `${link(`${REPORT_FILES.e2eHtml}/index.html`, 'Playwright report')} and ${link(REPORT_FILES.e2eJunit, 'its JUnit XML')}`,
    ],
    load: [`${link(REPORT_FILES.loadSummary, 'k6 summary JSON')} and ${link(REPORT_FILES.loadJunit, 'its JUnit XML')}`],
  };
  const layerReports = run.results
    .filter((result) => result.logFile !== undefined)
    .flatMap((result) => reportsOf[result.name] ?? []);
  // The load layer writes its own summary as an HTML fragment (escaped there), tables and all.
  const loadHtml = inReports(reports, REPORT_FILES.loadHtml);
  const loadSummary = existsSync(loadHtml) ? readFileSync(loadHtml, 'utf8') : undefined;
  const series = readLatencySeries(inReports(reports, REPORT_FILES.loadMetrics));
  const rows = run.results
    .map((result) => {
      const log = result.logFile === undefined ? '' : link(relative(reports, result.logFile), 'log');
      return `<tr class="${result.outcome.replace(' ', '-')}"><td>${escapeMarkup(result.title)}</td><td class="outcome">${result.outcome}</td><td>${escapeMarkup(countsOf(run.findings?.[result.name]))}</td><td>${result.durationSeconds.toFixed(1)} s</td><td>${escapeMarkup(result.reason ?? '')}</td><td>${log}</td></tr>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>API suite report</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
/* A failure may hold a long pattern with no space to break at (a Pact regex): it wraps anyway. */
li, td { overflow-wrap: anywhere; }
/* But a figure and its unit stay whole ("+4998.3 ms", "100.00 %"). */
.load-figures td:nth-child(2), .load-thresholds td:nth-child(n+3) { white-space: nowrap; overflow-wrap: normal; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; }
.failed td, .timed-out td, .interrupted td { background: #fff0f0; } .not-judged td { color: #666; } table + table { margin-top: 1rem; }
/* Words, not emoji: a machine without an emoji font shows those as empty boxes. */
.outcome { font-weight: bold; } .passed .outcome { color: #176f2c; } .failed .outcome, .timed-out .outcome, .interrupted .outcome { color: #b00020; }
</style>
</head>
<body>
<h1>API suite against ${escapeMarkup(run.target)}: ${escapeMarkup(verdict(run))}</h1>
${run.expectations === undefined ? '' : `<p>${escapeMarkup(expectationsLine(run.expectations))}</p>\n`}<table>
<tr><th>layer</th><th>outcome</th><th>results</th><th>time</th><th>note</th><th>output</th></tr>
${rows}
</table>
${findingsHtml(run)}
${layerReports.length === 0 ? '' : `<h2>Reports of each layer</h2>\n<ul>\n${layerReports.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>\n`}<h2>Load</h2>
${loadSummary ?? '<p>No load run in this report.</p>'}
${series === undefined ? '' : `<h3>Lookup latency</h3>\n${renderLatencyChart(series, slo.lookup.p95Milliseconds)}`}
</body>
</html>
`;
  writeFileSync(inReports(reports, REPORT_FILES.indexHtml), html);
}

/** The page of a run refused before its first layer: its verdict and the refused lines. */
function refusalHtml(run: SuiteRun): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>API suite report</title>
<style>body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; } li { overflow-wrap: anywhere; }</style>
</head>
<body>
<h1>API suite against ${escapeMarkup(run.target)}: ${escapeMarkup(verdict(run))}</h1>
${findingsHtml(run)}
<p>Any other file in this folder is an earlier run's.</p>
</body>
</html>
`;
}

/** The same first failures and skip reasons as the Markdown, as HTML headings and lists. */
function findingsHtml(run: SuiteRun): string {
  const html: string[] = [];
  let list = false;
  let table = false;
  for (const line of findingsLines(run)) {
    if (line.startsWith('| ')) {
      if (line.startsWith('| ---')) continue;
      const cells = line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => escapeMarkup(cell));
      const tag = table ? 'td' : 'th';
      if (!table) html.push('<table class="baseline">');
      table = true;
      html.push(
        `<tr${cells.some((cell) => cell.endsWith('REGRESSED')) ? ' class="failed"' : ''}>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`,
      );
      continue;
    }
    if (table) html.push('</table>');
    table = false;
    if (line.startsWith('## ')) html.push(`<h2>${escapeMarkup(line.slice(3))}</h2>`);
    else if (line.startsWith('- ')) {
      if (!list) html.push('<ul class="findings">');
      list = true;
      html.push(`<li>${escapeMarkup(line.slice(2))}</li>`);
      continue;
    }
    if (list) html.push('</ul>');
    list = false;
  }
  if (list) html.push('</ul>');
  return html.join('\n');
}
