// Which appointment and which Accept-Language an iteration looks up: every id meets every language,
// in one rotation that each VU plans once and walks from its first iteration on.

export interface Lookup {
  id: string;
  language: string;
}

/** Every id with every language, in the order iterations walk them: the ids turn fastest. */
export function rotation(ids: readonly string[], languages: readonly string[]): Lookup[] {
  if (ids.length === 0) throw new Error('no appointment ids to look up');
  const perId = languages.length === 0 ? [''] : languages;
  return perId.flatMap((language) => ids.map((id) => ({ id, language })));
}

/** Exponential back-off after a 429, with a ceiling, as the docs ask of clients. */
export function backoffSeconds(consecutiveRateLimited: number, baseSeconds = 0.5, ceilingSeconds = 8): number {
  return Math.min(ceilingSeconds, baseSeconds * 2 ** Math.max(0, consecutiveRateLimited - 1));
}
