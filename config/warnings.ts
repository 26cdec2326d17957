// A process's warnings (a setting it does not read, a blank value that hides a file's, plain http, a
// token that expires within the run): printed as they come, and kept, so that npm start's report,
// which a CI job summary shows, holds them too.
const printed: string[] = [];

/** Prints `line` (it starts "warning:") to stderr and keeps it for the report. */
export function warn(line: string): void {
  console.error(line);
  printed.push(line);
}

/** Every warning this process printed so far, in order. */
export const printedWarnings = (): readonly string[] => [...printed];
