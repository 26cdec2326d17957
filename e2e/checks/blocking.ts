// Which problem of an appointment's first GET blocks a check built on it: a broken basic 200 blocks
// every such check; another appointment than the one asked for blocks the checks of its own data.

/** What an appointment's first GET showed: the first problem of its basic 200 (status, JSON, shape), else an id other than the one asked for. */
export interface FirstAnswer {
  basic?: string;
  otherId?: string;
}

/** What a check builds on: only the basic 200, or the requested appointment's own data. */
export type Needs = 'the basic 200' | 'the requested appointment';

/** The problem that blocks a check needing `needs`, or undefined when it can run. */
export function blockingProblem({ basic, otherId }: FirstAnswer, needs: Needs): string | undefined {
  return basic ?? (needs === 'the requested appointment' ? otherId : undefined);
}
