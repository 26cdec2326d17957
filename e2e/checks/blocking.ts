// Which problem of an appointment's first GET blocks a check built on it: a broken basic 200 blocks
// every such check; another appointment than the one asked for blocks the checks that need the
// requested appointment (its own data, or its id in each of several answers).
// A blocker fails the run: the basic check of its kind fails on it even when that check's own GET
// met no problem (a target that answers inconsistently). That holds within one Playwright worker: a
// worker started after another failure makes its own first GET.

/** The problems of an appointment's first GET, by the basic check they belong to. */
export interface FirstAnswer {
  /** No answer, or not a 200 with a JSON body ("answers 200 with JSON"). */
  okJson?: string;
  /** A body the schema refuses ("has a body that matches the schema"). */
  schema?: string;
  /** Another appointment than the one asked for ("is the appointment that was asked for"). */
  otherId?: string;
}

/** What a check builds on: only the basic 200, or the requested appointment (its data, its id). */
export type Needs = 'the basic 200' | 'the requested appointment';

/** The problem that blocks a check needing `needs`, or undefined when it can run. */
export function blockingProblem({ okJson, schema, otherId }: FirstAnswer, needs: Needs): string | undefined {
  return okJson ?? schema ?? (needs === 'the requested appointment' ? otherId : undefined);
}

/**
 * The problems a basic check reports: its own, or, when its own GET met none, the first GET's
 * problem of its kind, which blocked other checks and so must not go unreported.
 */
export function withFirstAnswer(own: string[], first: FirstAnswer, kind: keyof FirstAnswer): string[] {
  const blocker = first[kind];
  if (own.length > 0 || blocker === undefined) return own;
  return [
    `${blocker} (on the worker's first GET, sent with node:http, which other checks build on; this check's own GET met no problem: the target answered them differently)`,
  ];
}
