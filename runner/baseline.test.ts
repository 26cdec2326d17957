// npm start -- --baseline: a run compared with an earlier one fails when its p95 regressed past
// slo.json's limits and passes when unchanged, saying which figure moved and by how much; noise on a
// fast target is no regression.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LOOKUP_LATENCY_METRIC } from '../load/lib/load-thresholds.ts';
import { runEntryPoint } from '../testing/run-entry-point.ts';
import { standInK6Binary } from '../testing/stand-in-k6.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { baselineLines, compareWithBaseline, runFigures } from './report/baseline.ts';

/** A reports folder of an earlier run whose lookups took `p95` ms at the 95th percentile. */
function earlierRun(p95: number): string {
  const folder = temporaryFolder('baseline');
  mkdirSync(join(folder, 'load'));
  const metrics = {
    [LOOKUP_LATENCY_METRIC]: { type: 'trend', values: { med: p95 / 2, 'p(95)': p95, 'p(99)': p95 } },
    http_req_failed: { type: 'rate', values: { rate: 0 } },
  };
  writeFileSync(join(folder, 'load', 'summary.json'), JSON.stringify({ metrics }));
  return folder;
}

describe('the baseline comparison', () => {
  it('says why there is no figure to compare when this run wrote no k6 summary', () => {
    assert.match(
      baselineLines([], 'old-reports').join('\n'),
      /^## Against the baseline old-reports\n\nNo figure to compare: this run wrote no load\/summary\.json/,
    );
  });
  it("reads no figure from a k6 summary without them, or from a file that is not k6's JSON", () => {
    const folder = temporaryFolder('baseline');
    mkdirSync(join(folder, 'load'));
    for (const text of ['{"metrics":{}}', '{"metr', 'null']) {
      writeFileSync(join(folder, 'load', 'summary.json'), text);
      assert.deepEqual(runFigures(folder), {}, text);
    }
  });
  it('calls a figure regressed only past both the share and the milliseconds of slo.json', () => {
    const figures = (before: number, now: number) =>
      compareWithBaseline({ 'load p95': { value: now, unit: 'ms' } }, { 'load p95': { value: before, unit: 'ms' } });
    assert.equal(figures(100, 200)[0]?.regressed, true);
    assert.equal(figures(100, 110)[0]?.regressed, false, '10 % is within 20 %');
    assert.equal(figures(2, 9)[0]?.regressed, false, '+7 ms on a fast target is noise');
    assert.equal(Math.round(figures(100, 200)[0]?.changePercent ?? 0), 100);
  });
});

describe('npm start -- --baseline', () => {
  // The stand-in k6 reports a p95 of 9.9 ms; the earlier runs are set beside it.
  const start = (baseline: string) =>
    runEntryPoint(
      'runner/main.ts',
      { ENGAGE_REPORTS_DIR: temporaryFolder('baseline-run'), K6_BIN: standInK6Binary() },
      ['--only', 'load', '--baseline', baseline],
    );
  it('passes a run that did not regress, showing the figures, with its own reports folder as the baseline', async () => {
    // The last run's figures are read before this run clears the folder: `--baseline reports` works.
    const reports = earlierRun(9);
    const { code, output } = await runEntryPoint(
      'runner/main.ts',
      { ENGAGE_REPORTS_DIR: reports, K6_BIN: standInK6Binary() },
      ['--only', 'load', '--baseline', reports],
    );
    assert.equal(code, 0, output);
    assert.match(output, /\| load p95 \| 9\.0 ms \| 9\.9 ms \| \+10 % \|/);
  });
  it('fails a run whose p95 regressed, naming the figure and the change', async () => {
    const { code, output } = await runEntryPoint(
      'runner/main.ts',
      {
        ENGAGE_REPORTS_DIR: temporaryFolder('baseline-run'),
        K6_BIN: standInK6Binary(),
        STAND_IN_K6_P95: '300',
        ENGAGE_BASELINE_DIR: earlierRun(100),
      },
      ['--only', 'load'],
    );
    assert.equal(code, 1, output);
    assert.match(
      output,
      /REGRESSION: load p95 went from 100\.0 ms to 300\.0 ms \(200 %; slo\.json allows 20 % and 50 ms\)/,
    );
    assert.match(output, /the suite FAILED: baseline/);
  });
  it('refuses a baseline folder without a run in it, in one line', async () => {
    const { code, output } = await start(temporaryFolder('empty'));
    assert.equal(code, 2);
    assert.match(
      output,
      /^configuration error: --baseline ".*" holds no load\/summary\.json of an earlier npm start$/m,
    );
  });
});
