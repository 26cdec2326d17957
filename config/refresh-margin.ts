// How long before a token expires the suite fetches a new one, for the Node token provider and the
// k6 script alike (no Node imports, so k6 can load it).

/** A tenth of the lifetime, at most 30 s. */
export function refreshMarginMilliseconds(lifetimeMilliseconds: number): number {
  return Math.min(30_000, lifetimeMilliseconds / 10);
}
