// What a failed part of npm test said about its failures, repeated once every part is done, so that
// the last screen of a CI log names the failing tests even when their part's output came first.
const MAX_LINES = 40;

/**
 * node:test's "failing tests" section, Playwright's summary from its count of failed tests, or else
 * the last lines: at most 40 lines, the section's first ones.
 */
export function failureDigest(output: string): string[] {
  const lines = output.replace(/\n+$/, '').split('\n');
  const nodeTest = lines.findIndex((line) => /^✖ failing tests:$/.test(line));
  const playwright = lines.findIndex((line) => /^ {2}\d+ failed$/.test(line));
  const from = nodeTest >= 0 ? nodeTest : playwright >= 0 ? playwright : Math.max(0, lines.length - 10);
  const section = lines.slice(from);
  return section.length <= MAX_LINES
    ? section
    : [...section.slice(0, MAX_LINES), `… ${section.length - MAX_LINES} more lines, in the output above`];
}
