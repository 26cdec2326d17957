// Makes the reports folder (ENGAGE_REPORTS_DIR) or a folder in it, or the pact folder (ENGAGE_PACT_DIR),
// one level at a time (or, for a dry run, checks that it could): a path that cannot be a folder the run writes in is a ConfigError naming the
// setting (one line, exit code 2), not a stack trace, nor the endless loop Node's recursive mkdir
// falls into under /proc.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config-error.ts';
import { pathKind } from './path-kind.ts';

/** The refusal of ENGAGE_REPORTS_DIR, whose value is `reports`. */
const reportsRefusal = (reports: string) => (why: string) =>
  new ConfigError('ENGAGE_REPORTS_DIR', `"${reports}" cannot be the reports folder: ${why}`);

/** Makes `folder` and the folders above it that are missing; `reports` is the setting's value, for the message. */
export function makeReportsFolder(folder: string, reports: string): void {
  makeFolder(folder, reportsRefusal(reports));
}

/** Refuses what makeReportsFolder would refuse, making nothing: for a dry run. */
export function checkReportsFolder(folder: string, reports: string): void {
  makeFolder(folder, reportsRefusal(reports), { make: false });
}

/** Makes the pact folder ENGAGE_PACT_DIR names, `pacts`, and the folders above it that are missing. */
export function makePactFolder(pacts: string): void {
  makeFolder(pacts, (why) => new ConfigError('ENGAGE_PACT_DIR', `"${pacts}" cannot be the pact folder: ${why}`));
}

function makeFolder(folder: string, refused: (why: string) => ConfigError, { make = true } = {}): void {
  const missing: string[] = [];
  let level = resolve(folder);
  for (;;) {
    const kind = pathKind(level);
    if (kind === 'folder') break;
    if (kind !== 'none') throw refused(`${level} ${kind}, not a folder`);
    missing.unshift(level);
    if (dirname(level) === level) break;
    level = dirname(level);
  }
  const writable = (path: string) => {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw refused(`${path} cannot be written in (${reason(error)})`);
    }
  };
  // Nothing made: the nearest folder there is must take what a run would make in it.
  if (!make) {
    writable(missing[0] === undefined ? resolve(folder) : dirname(missing[0]));
    return;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Made meanwhile by another process: as good as made here.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && pathKind(path) === 'folder') continue;
      throw refused(`${path} cannot be made (${reason(error)})`);
    }
  }
  writable(resolve(folder));
}

/** An fs error's code and words, without the path and call Node appends. */
const reason = (error: unknown) => (error as Error).message.replace(/, (mkdir|access) .*$/, '');
