// What every check returns: the problems it found (none means the rule held), or a reason it could not
// run against this target, which the test reports as a skip.

export type CheckResult = { skipped: string } | { problems: string[] };

/** The outcome of a check that ran: no problems means it held. */
export const checked = (problems: string[]): CheckResult => ({ problems });
export const skipped = (reason: string): CheckResult => ({ skipped: reason });

export function problemsOf(result: CheckResult): string[] {
  return 'problems' in result ? result.problems : [];
}
