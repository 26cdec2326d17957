// Where a layer leaves its findings for npm start's summary: a JSON file in the reports folder it was
// handed (ENGAGE_REPORTS_DIR); run on its own, a layer writes none.
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Environment } from './environment-files.ts';
import type { LayerFindings } from './layer-outcome.ts';
import { handedReportsDirectory, inReports } from './report-paths.ts';
import { makeReportsFolder } from './reports-folder.ts';

export function writeHandedFindings(environment: Environment, file: string, findings: LayerFindings): void {
  const reports = handedReportsDirectory(environment);
  if (reports === undefined) return;
  const path = inReports(reports, file);
  makeReportsFolder(dirname(path), reports);
  writeFileSync(path, JSON.stringify(findings, null, 2));
}
