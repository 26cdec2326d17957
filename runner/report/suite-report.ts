// The combined report of `npm start`: reports/summary.md for CI job summaries and reports/index.html,
// which links each layer's own report and shows the load summary with its latency chart.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { escapeMarkup } from '../../config/escape-markup.ts';
import { PACT_DIRECTORY } from '../../contracts/participants.ts';
import type { LayerResult } from '../run-layer.ts';
import { readLatencySeries, renderLatencyChart } from './latency-chart.ts';

// Emoji for the Markdown summary, which CI job summaries show; the HTML report uses coloured words.
const icons = { passed: '✅', failed: '❌', 'timed out': '⏱️', skipped: '⏭️' } as const;

export interface SuiteRun {
  target: string;
  results: LayerResult[];
}

/** Copies the pact files into the reports folder, so that the report is whole on its own. */
function collectPacts(reports: string): string[] {
  if (!existsSync(PACT_DIRECTORY)) return [];
  mkdirSync(`${reports}/contracts`, { recursive: true });
  return readdirSync(PACT_DIRECTORY)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      copyFileSync(`${PACT_DIRECTORY}${file}`, `${reports}/contracts/${file}`);
      return `contracts/${file}`;
    });
}

export function renderSummaryMarkdown(run: SuiteRun): string {
  const passed = run.results.every((result) => result.outcome === 'passed' || result.outcome === 'skipped');
  return [
    `# API suite against ${run.target}: ${passed ? 'passed' : 'FAILED'}`,
    '',
    '| layer | outcome | time | note |',
    '| --- | --- | --- | --- |',
    ...run.results.map(
      (result) =>
        `| ${result.title} | ${icons[result.outcome]} ${result.outcome} | ${result.durationSeconds.toFixed(1)} s | ${result.reason ?? ''} |`,
    ),
    '',
  ].join('\n');
}

export function writeSuiteReport(reports: string, run: SuiteRun): void {
  mkdirSync(reports, { recursive: true });
  const summary = renderSummaryMarkdown(run);
  writeFileSync(`${reports}/summary.md`, summary);
  const link = (path: string, text: string) =>
    existsSync(`${reports}/${path}`)
      ? `<a href="${escapeMarkup(path)}">${escapeMarkup(text)}</a>`
      : `${escapeMarkup(text)} (not produced)`;
  const pacts = collectPacts(reports);
  // The load layer writes its own summary as an HTML fragment (escaped there), tables and all.
  const loadSummary = existsSync(`${reports}/load/summary.html`)
    ? readFileSync(`${reports}/load/summary.html`, 'utf8')
    : undefined;
  const series = readLatencySeries(`${reports}/load/metrics.json.gz`);
  const rows = run.results
    .map((result) => {
      const log = result.logFile === undefined ? '' : link(relative(reports, result.logFile), 'log');
      return `<tr class="${result.outcome.replace(' ', '-')}"><td>${escapeMarkup(result.title)}</td><td class="outcome">${result.outcome}</td><td>${result.durationSeconds.toFixed(1)} s</td><td>${escapeMarkup(result.reason ?? '')}</td><td>${log}</td></tr>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>API suite report</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; }
.failed td, .timed-out td { background: #fff0f0; } table + table { margin-top: 1rem; }
/* Words, not emoji: a machine without an emoji font shows those as empty boxes. */
.outcome { font-weight: bold; } .passed .outcome { color: #176f2c; } .failed .outcome, .timed-out .outcome { color: #b00020; }
</style>
</head>
<body>
<h1>API suite against ${escapeMarkup(run.target)}</h1>
<table>
<tr><th>layer</th><th>outcome</th><th>time</th><th>note</th><th>output</th></tr>
${rows}
</table>
<h2>Reports of each layer</h2>
<ul>
<li>${link('e2e/html/index.html', 'Playwright report')} and ${link('e2e/junit.xml', 'its JUnit XML')}</li>
${pacts.map((pact) => `<li>${link(pact, `pact file ${basename(pact)}`)}</li>`).join('\n') || '<li>pact file (not produced)</li>'}
<li>${link('logs/contracts.log', 'provider verification result')}</li>
<li>${link('load/summary.json', 'k6 summary JSON')} and ${link('load/junit.xml', 'its JUnit XML')}</li>
</ul>
<h2>Load</h2>
${loadSummary ?? '<p>No load run in this report.</p>'}
${series === undefined ? '' : `<h3>Lookup latency over time</h3>\n${renderLatencyChart(series)}`}
</body>
</html>
`;
  writeFileSync(`${reports}/index.html`, html);
}
