// What git says of the checkout the suite runs in, as one trimmed output, or nothing where git cannot
// tell (not a checkout, no git): the version a pact is published under, and the benchmarks' commits.
import { execFileSync } from 'node:child_process';

/** git's output, trimmed; undefined when git fails or prints nothing. */
export function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
