// What a failed part of npm test said about its failures, repeated once every part is done, so that
// the last screen of a CI log names the failing tests even when their part's output came first.
import { stripVTControlCharacters } from 'node:util';

const MAX_LINES = 40;
/** What is kept of an output that names no failure in a way the digest knows. */
const TAIL_LINES = 10;

/**
 * node:test's "failing tests" section, Playwright's summary from its count of failed tests, Biome's
 * and tsc's lines that name a file and a rule, or else the last lines: the first 40 lines, and a line
 * saying how many more there are. Colour codes (FORCE_COLOR) are dropped.
 */
export function failureDigest(output: string): string[] {
  const lines = stripVTControlCharacters(output).replace(/\n+$/, '').split('\n');
  const capped = (section: string[]) =>
    section.length <= MAX_LINES
      ? section
      : [...section.slice(0, MAX_LINES), `… ${section.length - MAX_LINES} more lines, in the output above`];
  const nodeTest = lines.findIndex((line) => /^✖ failing tests:$/.test(line));
  if (nodeTest >= 0) return capped(lines.slice(nodeTest));
  const playwright = lines.findIndex((line) => /^ {2}\d+ failed$/.test(line));
  if (playwright >= 0) return capped(lines.slice(playwright));
  // Biome: `config/x.ts:3:7 lint/style/useConst …`, `config/x.ts format ━━━`; tsc: `x.ts(3,7): error TS2322: …`.
  const named = lines.filter((line) =>
    /^\S+?(:\d+:\d+)? (lint|format|assist|parse)\b|^\S+\(\d+,\d+\): error TS\d+/.test(line),
  );
  return capped(named.length > 0 ? named : lines.slice(-TAIL_LINES));
}
