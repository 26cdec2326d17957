// What each translatable field may resolve to for an Accept-Language, read from the field's own
// translations, as the docs have it: e2e checks each language rule with them, and k6's body check
// the lookups of a load run. No Node imports, so k6 can.
import type { LanguageValue } from '../schemas/types.generated.ts';
import { isCoveredBy, isRelatedTag } from './api-facts.ts';

/** Per field, the values it may resolve to, from its translations; an empty list never happens. */
export type Acceptable = (translations: LanguageValue[]) => Array<LanguageValue | null>;

/** Whether two language tags are the same tag, in any case (RFC 5646). */
export const isTag = (tag: string, other: string) => tag.toLowerCase() === other.toLowerCase();

/** The same translation: the same tag in any case, and the same text. */
export function sameTranslation(actual: LanguageValue | null, expected: LanguageValue | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return isTag(actual.language, expected.language) && actual.value === expected.value;
}

/** The translations in exactly that tag, in any case: more than one where a list repeats a tag. */
const languageIn = (translations: LanguageValue[], language: string) =>
  translations.filter((translation) => isTag(translation.language, language));

/** The translations a language range may also match when a field lacks its tag (isRelatedTag). */
function relatedTranslations(translations: LanguageValue[], language: string): LanguageValue[] {
  return translations.filter((translation) => isRelatedTag(translation.language, language));
}

/**
 * The field in that language; where it lacks it, null, or a translation a region tag relates it to,
 * but for one an `excluded` range (q=0) covers.
 */
export const exactly =
  (language: string, excluded?: string): Acceptable =>
  (translations) => {
    const matches = languageIn(translations, language);
    if (matches.length > 0) return matches;
    const related = relatedTranslations(translations, language).filter(
      (translation) => excluded === undefined || !isCoveredBy(translation.language, excluded),
    );
    return [...related, null];
  };

/** RFC 4647 lookup, as the `region-fallback` expectation requires: the tag, else each shorter prefix, else null. */
export const lookup =
  (tag: string): Acceptable =>
  (translations) => {
    const subtags = tag.split('-');
    for (; subtags.length > 0; subtags.pop()) {
      const matches = languageIn(translations, subtags.join('-'));
      if (matches.length > 0) return matches;
    }
    return [null];
  };

/**
 * The default language, else any available translation, else null. Without a default language known,
 * any translation, else null: a field with a translation is never null under the default rule.
 */
export const defaultRule =
  (defaultLanguage: string | undefined): Acceptable =>
  (translations) => {
    const matches = defaultLanguage === undefined ? [] : languageIn(translations, defaultLanguage);
    if (matches.length > 0) return matches;
    return translations.length > 0 ? translations : [null];
  };

/**
 * The first rule that decides; a rule that allows null (no match) may also pass on to the next. Each
 * translation is allowed once, however many rules allow it.
 */
export const firstOf =
  (...rules: Acceptable[]): Acceptable =>
  (translations) => {
    const allowed: Array<LanguageValue | null> = [];
    for (const rule of rules) {
      const values = rule(translations);
      for (const value of values)
        if (value !== null && !allowed.some((other) => sameTranslation(other, value))) allowed.push(value);
      if (!values.includes(null)) return allowed;
    }
    return [...allowed, null];
  };
