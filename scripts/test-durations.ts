// How long each test file took when it last ran, kept in node_modules/.cache/ so that the next run
// starts the longest first: on 2 cores, a long file started last left one core idle at the end.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Milliseconds per test file, by its path from the repository's root. */
export type Durations = Record<string, number>;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DURATIONS_FILE = fileURLToPath(
  new URL('../node_modules/.cache/engage-test-durations.json', import.meta.url),
);

/** The durations in `file`, the record by default; none when there is none or it cannot be read. */
export function readDurations(file = DURATIONS_FILE): Durations {
  try {
    const read: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof read === 'object' && read !== null ? (read as Durations) : {};
  } catch {
    return {};
  }
}

/**
 * Adds what file-durations-reporter.mjs wrote to `reported` (milliseconds by absolute path) to the
 * record; a report or record that cannot be read or written costs the next run's order, never this run.
 */
export function recordDurations(reported: string, file = DURATIONS_FILE): void {
  const durations = readDurations(file);
  for (const [path, milliseconds] of Object.entries(readDurations(reported)))
    durations[relative(ROOT, path)] = Math.round(milliseconds);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const aside = `${file}.${process.pid}`;
    writeFileSync(aside, `${JSON.stringify(durations, null, 2)}\n`);
    renameSync(aside, file);
  } catch {
    // Read-only or full: the next run keeps the order it has.
  }
}

/** `files`, the longest last time first; one not yet timed counts as longest, a new test being as likely long as not. */
export function longestFirst(files: string[], durations: Durations): string[] {
  const time = (file: string) => durations[file] ?? Number.POSITIVE_INFINITY;
  return [...files].sort((a, b) => time(b) - time(a) || a.localeCompare(b));
}
