// Remembers, per lookup, the last body that passed the body check, so that the same bytes are not
// parsed again on every request (JSON.parse dominates a k6 iteration). The check depends only on the
// body and the lookup (its id and Accept-Language), so an identical body gets the identical answer:
// nothing goes unchecked.
import type { Lookup } from './lookup-rotation.ts';

export type BodyCheck = (body: string, lookup: Lookup) => string | undefined;

/** The check, remembering good bodies per lookup `slot` (one id with one Accept-Language, whose bodies differ). */
export function rememberingGoodBodies(
  check: BodyCheck,
  capacity = 1024,
): (body: string, lookup: Lookup, slot: number) => string | undefined {
  const lastGood = new Map<number, string>();
  return (body, lookup, key) => {
    if (lastGood.get(key) === body) return undefined;
    const problem = check(body, lookup);
    if (problem === undefined) {
      if (lastGood.size >= capacity && !lastGood.has(key)) lastGood.clear();
      lastGood.set(key, body);
    }
    return problem;
  };
}
