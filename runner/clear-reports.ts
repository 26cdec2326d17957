// Clears the last run's reports before npm start writes new ones, but only in a folder of reports: a
// new or empty one, one an earlier npm start marked as its own, or one that holds nothing but what
// npm start writes. Never a project (package.json, .git), a folder that holds the working directory,
// or another folder of files, where logs/, contracts/, e2e/ and load/ could be source code. Symlinks
// are followed.
import { existsSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import { pathKind } from '../config/path-kind.ts';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';

/** What npm start writes at the top of a reports folder: all that a folder it may clear holds (dotfiles aside). */
const WRITTEN = new Set(Object.values(REPORT_FILES).map((path) => path.split('/')[0] as string));

/** The real path of `path`, or of its nearest existing parent with the rest appended (symlinks resolved). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** Why `reports` is no folder npm start may clear, or undefined when it is one. */
function notAReportsFolder(reports: string, workingDirectory: string): string | undefined {
  const folder = realPath(resolve(workingDirectory, reports));
  const fromThere = relative(folder, realPath(workingDirectory));
  const above = fromThere === '' || (!isAbsolute(fromThere) && fromThere.split(sep)[0] !== '..');
  if (above) return 'holds the working directory';
  if (!existsSync(folder)) return undefined;
  const kind = pathKind(folder);
  // Gone since existsSync: nothing to clear.
  if (kind === 'none') return undefined;
  if (kind !== 'folder') return kind;
  const project = ['package.json', '.git'].find((file) => existsSync(join(folder, file)));
  if (project !== undefined) return `holds ${project}, so it is a project`;
  // A folder an earlier npm start marked may hold more (pacts, a baseline, a desktop's Thumbs.db).
  if (existsSync(join(folder, REPORT_FILES.marker))) return undefined;
  const other = readdirSync(folder).find((entry) => !entry.startsWith('.') && !WRITTEN.has(entry));
  return other === undefined
    ? undefined
    : `holds ${other}, which npm start does not write, so it is no folder of reports`;
}

/** Throws a ConfigError naming ENGAGE_REPORTS_DIR when `reports` is no folder npm start may clear. */
export function assertReportsFolder(reports: string, workingDirectory = process.cwd()): void {
  const why = notAReportsFolder(reports, workingDirectory);
  if (why !== undefined)
    throw new ConfigError(
      'ENGAGE_REPORTS_DIR',
      `is "${reports}", which ${why}: npm start clears logs/, contracts/, e2e/ and load/ in it; name a folder of reports, such as reports`,
    );
}

/** Deletes the previous run's reports in `reports`, once assertReportsFolder allows it, and marks it as npm start's. */
export function clearPreviousReports(reports: string): void {
  assertReportsFolder(reports);
  const { logs, contracts, schemaFindings, e2e, load, summaryMarkdown, indexHtml } = REPORT_FILES;
  for (const previous of [logs, contracts, schemaFindings, e2e, load, summaryMarkdown, indexHtml])
    rmSync(inReports(reports, previous), { recursive: true, force: true });
  writeFileSync(inReports(reports, REPORT_FILES.marker), 'npm start writes its reports here and clears them\n');
}
