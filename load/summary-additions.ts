// What npm run load adds to k6's summary.json once k6 is done, which the script could not know (why
// setup() stopped, what 429s may mean), for npm start's report to read.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import type { SummaryData } from './lib/summary-reports.ts';

/** Adds `fields` to the run's summary.json, when k6 wrote one. */
export function addToLoadSummary(reports: string, fields: Partial<SummaryData>): void {
  const summary = inReports(reports, REPORT_FILES.loadSummary);
  if (!existsSync(summary)) return;
  const data = JSON.parse(readFileSync(summary, 'utf8')) as SummaryData;
  writeFileSync(summary, JSON.stringify({ ...data, ...fields }, null, 2));
}
