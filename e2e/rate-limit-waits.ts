// What an e2e run has left to wait for 429s, shared by every probe of every worker: Playwright starts
// a worker anew after each failed test, so a budget a worker kept would start again with each. Global
// setup makes a file that holds each wait's seconds, one a line; an in-memory one serves tests.
import { appendFileSync, readFileSync } from 'node:fs';

/** The most a whole e2e run waits for 429s: a target that answers 429 to everything fails within minutes. */
export const RUN_WAIT_SECONDS = 120;

export interface RateLimitWaits {
  secondsLeft(): number;
  spend(seconds: number): void;
}

/** A budget kept in this process alone. */
export function inMemoryWaits(total = RUN_WAIT_SECONDS): RateLimitWaits {
  let left = total;
  return {
    secondsLeft: () => left,
    spend: (seconds) => {
      left -= seconds;
    },
  };
}

/** A budget kept in `file` (global setup's, ENGAGE_E2E_WAITS_FILE), read afresh by each worker. */
export function fileWaits(file: string, total = RUN_WAIT_SECONDS): RateLimitWaits {
  return {
    secondsLeft: () =>
      total -
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .reduce((sum, line) => sum + Number(line), 0),
    spend: (seconds) => appendFileSync(file, `${seconds}\n`),
  };
}
