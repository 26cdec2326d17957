// One `npm start` per reports folder at a time: a second run there is refused with one line naming
// the running one, since both would delete and write the same reports, pacts and Playwright files.
// A lock left by a run that no longer exists (killed with SIGKILL, a crashed machine) is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../config/config-error.ts';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { makeReportsFolder } from '../config/reports-folder.ts';

interface Holder {
  pid: number;
  started: string;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock, or throws a ConfigError naming the run that holds it; returns the release. */
export function lockReportsFolder(reports: string): () => void {
  makeReportsFolder(reports, reports);
  const file = inReports(reports, REPORT_FILES.lock);
  const mine: Holder = { pid: process.pid, started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: Holder | undefined;
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    } catch {
      holder = undefined;
    }
    if (holder !== undefined && isRunning(holder.pid)) {
      throw new ConfigError(
        'ENGAGE_REPORTS_DIR',
        `"${reports}" is in use by another npm start (pid ${holder.pid}, started ${holder.started}): wait for it to finish, or give this run a folder of its own with ENGAGE_REPORTS_DIR`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new ConfigError('ENGAGE_REPORTS_DIR', `"${reports}" could not be locked for this run`);
}
