// How long each test file with a process of its own took when it last ran, kept in
// node_modules/.cache/ so that the next run starts the longest first: on 2 cores, a long file
// started last left a core idle at the end.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAside } from './write-aside.mjs';

/** Milliseconds per test file, by its path from the repository's root. */
type Durations = Record<string, number>;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RECORD = join(ROOT, 'node_modules/.cache/engage-test-durations.json');

/** The durations in `file`; none when there is none or it cannot be read, and no entry that is not a time. */
export function readDurations(file = RECORD): Durations {
  try {
    const read: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof read !== 'object' || read === null || Array.isArray(read)) return {};
    return Object.fromEntries(
      Object.entries(read).filter(([, milliseconds]) => Number.isFinite(milliseconds) && milliseconds >= 0),
    );
  } catch {
    return {};
  }
}

/**
 * Adds `measured` (milliseconds by absolute path) to the record, and drops the files that are gone.
 * npm test's unit and contracts runs each write it as they end, reading it again just before: they
 * time different files, and at worst one run's times are lost, which costs the next run's order. A
 * record that cannot be written costs the same, never this run.
 */
export function recordDurations(measured: ReadonlyMap<string, number>, file = RECORD): void {
  const durations = readDurations(file);
  for (const [path, milliseconds] of measured) durations[relative(ROOT, path)] = Math.round(milliseconds);
  const kept = Object.entries(durations).filter(([path]) => existsSync(join(ROOT, path)));
  try {
    writeAside(file, `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`);
  } catch {
    // Read-only or full: the next run keeps the order it has.
  }
}

/** `files` (paths from the root), the longest last time first; one not yet timed first of all, as likely long as not. */
export function longestFirst(files: string[], durations: Durations = readDurations()): string[] {
  const time = (file: string) => durations[file] ?? Number.POSITIVE_INFINITY;
  return [...files].sort((a, b) => time(b) - time(a) || a.localeCompare(b));
}
