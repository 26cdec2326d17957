// What an e2e run has left to wait for 429s, shared by every probe of every worker: Playwright starts
// a worker anew after each failed test, so a budget a worker kept would start again with each. Global
// setup makes a file in the reports folder that holds each wait's seconds, one a line; an in-memory
// budget serves tests.
import { appendFileSync, readFileSync } from 'node:fs';

/** The most a whole e2e run waits for 429s: a target that answers 429 to everything fails within minutes. */
export const RUN_WAIT_SECONDS = 120;

export interface RateLimitWaits {
  /** Takes `seconds` of the budget when that much is left; false (nothing taken) when not. */
  take(seconds: number): boolean;
}

/** A budget kept in this process alone. */
export function inMemoryWaits(total = RUN_WAIT_SECONDS): RateLimitWaits {
  let left = total;
  return {
    take: (seconds) => {
      if (seconds > left) return false;
      left -= seconds;
      return true;
    },
  };
}

/**
 * A budget kept in `file` (global setup's, ENGAGE_E2E_WAITS_FILE), read afresh at each use: a file
 * that cannot be read, or holds what is not a number, counts as spent, so no wait goes unbounded.
 */
export function fileWaits(file: string, total = RUN_WAIT_SECONDS): RateLimitWaits {
  const spent = () => {
    try {
      const sum = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .reduce((total, line) => total + Number(line), 0);
      return Number.isFinite(sum) ? sum : Number.POSITIVE_INFINITY;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  };
  return {
    take: (seconds) => {
      // A file gone or damaged is spent, and stays so: appending to a file that is gone would start the budget anew.
      if (spent() + seconds > total) return false;
      // Written first, then the sum read: of two workers that take the last seconds at once, the
      // one that finds the budget passed gives its share back.
      appendFileSync(file, `${seconds}\n`);
      if (spent() <= total) return true;
      appendFileSync(file, `${-seconds}\n`);
      return false;
    },
  };
}
