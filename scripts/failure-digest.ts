// What a failed part of npm test said about its failures, repeated once every part is done, so that
// the last screen of a CI log names the failing tests even when their part's output came first.
import { stripVTControlCharacters } from 'node:util';

const MAX_LINES = 40;

/**
 * node:test's "failing tests" section, Playwright's summary from its count of failed tests, Biome's
 * and tsc's lines that name a file and a rule, or else the last lines: at most 40 lines, the first.
 * Colour codes (FORCE_COLOR) are dropped.
 */
export function failureDigest(output: string): string[] {
  const lines = stripVTControlCharacters(output).replace(/\n+$/, '').split('\n');
  const nodeTest = lines.findIndex((line) => /^✖ failing tests:$/.test(line));
  const playwright = lines.findIndex((line) => /^ {2}\d+ failed$/.test(line));
  // Biome: `config/x.ts:3:7 lint/style/useConst …`, `config/x.ts format ━━━`; tsc: `x.ts(3,7): error TS2322: …`.
  const named = lines.filter((line) =>
    /^\S+?(:\d+:\d+)? (lint|format|assist|parse)\b|^\S+\(\d+,\d+\): error TS\d+/.test(line),
  );
  const section =
    nodeTest >= 0
      ? lines.slice(nodeTest)
      : playwright >= 0
        ? lines.slice(playwright)
        : named.length > 0
          ? named
          : lines.slice(-10);
  return section.length <= MAX_LINES
    ? section
    : [...section.slice(0, MAX_LINES), `… ${section.length - MAX_LINES} more lines, in the output above`];
}
