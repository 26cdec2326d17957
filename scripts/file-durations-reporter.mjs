// A node:test reporter that writes one JSON object once the run ends: each test file's path and the
// milliseconds its top-level tests took, for the next run's order (scripts/test-durations.ts).
// JavaScript, not TypeScript: Node 20 loads a reporter before the suite's TypeScript loader applies.

/** @param {AsyncIterable<import('node:test/reporters').TestEvent>} source */
export default async function* fileDurations(source) {
  /** @type {Record<string, number>} */
  const durations = {};
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file)
      durations[event.data.file] = (durations[event.data.file] ?? 0) + event.data.details.duration_ms;
  }
  yield JSON.stringify(durations);
}
