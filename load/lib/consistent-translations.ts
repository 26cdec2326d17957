// Across one VU's lookups of an appointment: its location's translations are the same whatever
// language was asked for (documented: they list every available translation). A provider that
// leaves the language asked for out of them and nulls the field, or drops the location for some
// languages, answers bodies each right by itself, and is caught only here. An edit of the
// appointment or its location is no fault: it changes every language's answer from then on.
import type { AppointmentResponse, LanguageValue, Location } from '../../schemas/types.generated.ts';
import { JUDGE_AGAIN } from './known-good-bodies.ts';

const NO_LOCATION = 'no location';

/** The translations in one order (tags in lower case), whatever order the target lists them in. */
function canonical(location: Location | null): string {
  if (location === null) return NO_LOCATION;
  const fields = Object.entries(location.translations).sort(([one], [other]) => (one < other ? -1 : 1));
  return JSON.stringify(
    fields.map(([field, listed]) => [
      field,
      ((listed as LanguageValue[] | undefined) ?? [])
        .map(({ language, value }) => JSON.stringify([language.toLowerCase(), value]))
        .sort(),
    ]),
  );
}

/** One language's latest answer: its translations, since which lookup it has given them, and when last. */
interface Answer {
  translations: string;
  since: number;
  last: number;
}

/**
 * A check of each body that passed the body check. It fails a lookup whose translations differ from
 * another language's that were given after this language began to give its own: both answers stand
 * at once. One that differs from an earlier answer of another language may be an edit, which changes
 * each language's answer at its next lookup: JUDGE_AGAIN has those lookups checked again. Another
 * updatedAt starts again. At most `capacity` appointments are remembered.
 */
export function consistentTranslations(
  capacity = 4096,
): (id: string, language: string, data: AppointmentResponse['data']) => string | undefined | typeof JUDGE_AGAIN {
  const seen = new Map<string, { updatedAt: string; answers: Map<string, Answer> }>();
  let lookup = 0;
  return (id, language, { updatedAt, location }) => {
    lookup++;
    let appointment = seen.get(id);
    if (appointment === undefined || appointment.updatedAt !== updatedAt) {
      if (seen.size >= capacity && appointment === undefined) seen.clear();
      appointment = { updatedAt, answers: new Map() };
      seen.set(id, appointment);
    }
    const translations = canonical(location);
    const before = appointment.answers.get(language);
    const since = before?.translations === translations ? before.since : lookup;
    appointment.answers.set(language, { translations, since, last: lookup });
    let unsure = false;
    for (const [other, answer] of appointment.answers) {
      if (other === language || answer.translations === translations) continue;
      if (answer.last < since) unsure = true;
      else
        return answer.translations === NO_LOCATION || location === null
          ? 'location is null for one language and not for another'
          : 'location.translations differ from one language to another';
    }
    return unsure ? JUDGE_AGAIN : undefined;
  };
}
