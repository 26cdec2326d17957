// Where a layer leaves its findings for npm start's summary: a JSON file in the reports folder it was
// handed (ENGAGE_REPORTS_DIR); run on its own, a layer writes none.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Environment } from './environment-files.ts';
import type { LayerFindings } from './layer-outcome.ts';
import { handedReportsDirectory, inReports } from './report-paths.ts';

export function writeHandedFindings(environment: Environment, file: string, findings: LayerFindings): void {
  const reports = handedReportsDirectory(environment);
  if (reports === undefined) return;
  const path = inReports(reports, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(findings, null, 2));
}
