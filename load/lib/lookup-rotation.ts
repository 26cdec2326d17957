// Which appointment and which Accept-Language an iteration looks up: every id meets every language,
// in one rotation that each VU plans once and walks from its first iteration on.

export interface Lookup {
  id: string;
  language: string;
}

/** How many lookups one turn of the rotation holds: every id with every language (or none). */
export function rotationLength(ids: ArrayLike<string>, languages: readonly string[]): number {
  if (ids.length === 0) throw new Error('no appointment ids to look up');
  return ids.length * Math.max(1, languages.length);
}

/** The lookup at `slot` of the rotation (0 ≤ slot < rotationLength): the ids turn fastest. */
export function lookupAt(slot: number, ids: ArrayLike<string>, languages: readonly string[]): Lookup {
  const id = ids[slot % ids.length] as string;
  const language = languages.length === 0 ? '' : (languages[Math.floor(slot / ids.length)] as string);
  return { id, language };
}
