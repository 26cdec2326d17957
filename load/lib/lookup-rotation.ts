// Which appointment and which Accept-Language an iteration looks up: every id meets every language,
// in one rotation that each VU plans once and walks from its first iteration on, both turning at
// every lookup.

export interface Lookup {
  id: string;
  language: string;
}

/** How many lookups one turn of the rotation holds: every id with every language (or none). */
export function rotationLength(ids: ArrayLike<string>, languages: readonly string[]): number {
  if (ids.length === 0) throw new Error('no appointment ids to look up');
  return ids.length * Math.max(1, languages.length);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The lookup at `slot` of the rotation (0 ≤ slot < rotationLength): the id and the language both turn
 * at every lookup, so that a run shorter than a turn (more ids than lookups) still asks for every
 * language; each block of lcm(ids, languages) slots shifts the languages by one, which meets every id
 * with every language in a turn.
 */
export function lookupAt(slot: number, ids: ArrayLike<string>, languages: readonly string[]): Lookup {
  const id = ids[slot % ids.length] as string;
  if (languages.length === 0) return { id, language: '' };
  const lcm = (ids.length * languages.length) / gcd(ids.length, languages.length);
  return { id, language: languages[(slot + Math.floor(slot / lcm)) % languages.length] as string };
}
