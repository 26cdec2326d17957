// Runs test files with node:test's run(), in the order given (`node --test` sorts them by name),
// writes the spec report to `output`, and returns whether they passed and how long each file's
// top-level tests took.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

export interface TestFilesRun {
  passed: boolean;
  /**
   * The milliseconds of each file's top-level tests, added up, by the path of the file that defined
   * them (node:test's own `file`: a helper module that defined a file's tests would be named instead).
   */
  durations: Map<string, number>;
}

/** Runs `files`, `concurrency` processes at a time (each file a process of its own), started in their order. */
export async function runTestFiles(files: string[], concurrency: number, output: Writable): Promise<TestFilesRun> {
  const durations = new Map<string, number>();
  let passed = true;
  const stream = run({ files, concurrency });
  const timed = ({ nesting, file, details }: { nesting: number; file?: string; details: { duration_ms: number } }) => {
    if (nesting === 0 && file !== undefined) durations.set(file, (durations.get(file) ?? 0) + details.duration_ms);
  };
  stream.on('test:pass', timed);
  stream.on('test:fail', (event) => {
    // A failing todo test fails nothing, as under `node --test` (`todo: ''` is a todo too).
    if (event.todo === undefined || event.todo === false) passed = false;
    timed(event);
  });
  const report = stream.compose(new spec());
  report.pipe(output, { end: false });
  await finished(report);
  return { passed, durations };
}
