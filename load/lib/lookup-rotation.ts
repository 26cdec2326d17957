// Which appointment and which Accept-Language an iteration looks up: both lists are walked in turn,
// offset against each other so that every id meets every language.

export interface Lookup {
  id: string;
  language: string;
}

export function lookupFor(iteration: number, ids: ArrayLike<string>, languages: readonly string[]): Lookup {
  if (ids.length === 0) throw new Error('no appointment ids to look up');
  const index = Math.abs(Math.trunc(iteration));
  const id = ids[index % ids.length] as string;
  const language =
    languages.length === 0 ? '' : (languages[Math.floor(index / ids.length) % languages.length] as string);
  return { id, language };
}

/** Exponential back-off after a 429, with a ceiling, as the docs ask of clients. */
export function backoffSeconds(consecutiveRateLimited: number, baseSeconds = 0.5, ceilingSeconds = 8): number {
  return Math.min(ceilingSeconds, baseSeconds * 2 ** Math.max(0, consecutiveRateLimited - 1));
}
