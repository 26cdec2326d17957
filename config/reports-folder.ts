// Makes the reports folder (ENGAGE_REPORTS_DIR) or a folder in it, one level at a time: a path that
// cannot be a folder is a ConfigError naming the setting (one line, exit code 2), not a stack trace,
// nor the endless loop Node's recursive mkdir falls into under /proc.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config-error.ts';

/** Makes `folder` and the folders above it that are missing; `reports` is the setting's value, for the message. */
export function makeReportsFolder(folder: string, reports: string): void {
  const missing: string[] = [];
  let level = resolve(folder);
  for (;;) {
    const kind = kindOf(level);
    if (kind === 'folder') break;
    if (kind === 'other') throw refused(reports, `${level} is a file, not a folder`);
    missing.unshift(level);
    if (dirname(level) === level) break;
    level = dirname(level);
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Made meanwhile by another process: as good as made here.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && kindOf(path) === 'folder') continue;
      throw refused(reports, `${path} cannot be made (${(error as Error).message.replace(/, mkdir .*$/, '')})`);
    }
  }
}

/** Whether `path` is a folder, something else, or nothing (or nothing this process may look at). */
function kindOf(path: string): 'folder' | 'other' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'none';
  }
}

const refused = (reports: string, why: string) =>
  new ConfigError('ENGAGE_REPORTS_DIR', `"${reports}" cannot be the reports folder: ${why}`);
