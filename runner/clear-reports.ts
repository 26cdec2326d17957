// Clears the last run's reports before npm start writes new ones, but only in a folder of reports:
// never in a project (package.json, .git) or in a folder that holds the working directory, where
// logs/, contracts/, e2e/ and load/ could be source code.
import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';

/** Why `reports` is no folder npm start may clear, or undefined when it is one. */
function notAReportsFolder(reports: string, workingDirectory = process.cwd()): string | undefined {
  const folder = resolve(workingDirectory, reports);
  const fromThere = relative(folder, workingDirectory);
  if (!fromThere.startsWith('..')) return 'holds the working directory';
  const project = ['package.json', '.git'].find((file) => existsSync(join(folder, file)));
  return project === undefined ? undefined : `holds ${project}, so it is a project`;
}

/** Throws a ConfigError naming ENGAGE_REPORTS_DIR when `reports` is no folder npm start may clear. */
export function assertReportsFolder(reports: string): void {
  const why = notAReportsFolder(reports);
  if (why !== undefined)
    throw new ConfigError(
      'ENGAGE_REPORTS_DIR',
      `is "${reports}", which ${why}: npm start clears logs/, contracts/, e2e/ and load/ in it; name a folder of reports, such as reports`,
    );
}

/** Deletes the previous run's reports in `reports`, once assertReportsFolder allows it. */
export function clearPreviousReports(reports: string): void {
  assertReportsFolder(reports);
  const { logs, contracts, schemaFindings, e2e, load, summaryMarkdown, indexHtml } = REPORT_FILES;
  for (const previous of [logs, contracts, schemaFindings, e2e, load, summaryMarkdown, indexHtml])
    rmSync(inReports(reports, previous), { recursive: true, force: true });
}
