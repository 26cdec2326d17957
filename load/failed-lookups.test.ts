// Proves the reasons of failed lookups: counted from the metrics file, most first, and read only when
// the summary shows a crossed checks or bad-body threshold.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { failedLookupReasons } from './failed-lookups.ts';

/** A reports folder holding a summary whose checks threshold is `ok`, with `fails` failed checks, and three failed lookups. */
function reportsWith(ok: boolean, fails = 0): string {
  const reports = temporaryFolder('failed-lookups');
  const summary = inReports(reports, REPORT_FILES.loadSummary);
  mkdirSync(dirname(summary), { recursive: true });
  writeFileSync(
    summary,
    JSON.stringify({ metrics: { checks: { values: { fails }, thresholds: { 'rate>0.99': { ok } } } } }),
  );
  const point = (problem: string) =>
    JSON.stringify({ type: 'Point', metric: 'lookup_problems', data: { time: '', value: 1, tags: { problem } } });
  const lines = [point('HTTP 503'), point('200 body: data.id is not the id asked for'), point('HTTP 503')];
  writeFileSync(inReports(reports, REPORT_FILES.loadMetrics), gzipSync(lines.join('\n')));
  return reports;
}

it('counts the reasons, most first, when a checks threshold was crossed', () => {
  assert.equal(failedLookupReasons(reportsWith(false)), 'HTTP 503 (2), 200 body: data.id is not the id asked for (1)');
});

it('counts them too after a run that passed with failed checks within its thresholds', () => {
  assert.equal(
    failedLookupReasons(reportsWith(true, 3)),
    'HTTP 503 (2), 200 body: data.id is not the id asked for (1)',
  );
});

it('reads nothing when the checks thresholds were met and no check failed, or there is no summary', () => {
  assert.equal(failedLookupReasons(reportsWith(true)), undefined);
  assert.equal(failedLookupReasons(temporaryFolder('failed-lookups')), undefined);
});
