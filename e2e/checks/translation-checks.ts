// The language rules, checked without knowing the data: each check reads the available languages
// from the response's own `translations` and derives what every field must resolve to.
import { randomUUID } from 'node:crypto';
import {
  DOCUMENTED_LANGUAGES,
  isCoveredBy,
  TRANSLATABLE_FIELDS,
  type TranslatableField,
} from '../../config/api-facts.ts';
import type { HeaderValue } from '../../config/exact-request.ts';
import {
  type Acceptable,
  defaultRule,
  exactly,
  firstOf,
  isTag,
  lookup,
  sameTranslation,
} from '../../config/language-rules.ts';
import type { AppointmentResponse, LanguageValue, Location } from '../../schemas/types.generated.ts';
import type { Probe } from '../http-probe.ts';
import { type CheckResult, checked, skipped } from './check-result.ts';
import { checkAppointmentResponse, show } from './response-checks.ts';

export interface TranslationContext {
  probe: Probe;
  path: string;
  id: string;
  defaultLanguage?: string;
}

type Translations = Record<TranslatableField, LanguageValue[]>;

/** Reads the location once (no Accept-Language), or says why the language checks cannot run. */
export async function readTranslations(
  context: TranslationContext,
): Promise<{ translations: Translations } | { skipped: string } | { problems: string[] }> {
  const response = await context.probe(context.path);
  const problems = checkAppointmentResponse(response, context.id, 'no Accept-Language');
  if (problems.length > 0) return { problems };
  const location = (response.json as AppointmentResponse).data.location;
  if (location === null)
    return { skipped: `appointment ${context.id} has no location, so it has no translatable fields` };
  const translations = Object.fromEntries(
    TRANSLATABLE_FIELDS.map((field) => [field, location.translations[field] ?? []]),
  ) as Translations;
  return { translations };
}

/** Why a check that asks for the location's own languages cannot run: it has none to ask for. */
const NO_TRANSLATIONS = 'the location has no translations to ask for';

/**
 * The documented languages that no field has, and that no tag it has starts with: `nl` may match
 * `nl-BE` (RFC 4647 filtering), so a correct provider could answer it with that.
 */
function absentLanguages(languages: string[]): string[] {
  return DOCUMENTED_LANGUAGES.filter((language) => !languages.some((tag) => isCoveredBy(tag, language)));
}

/** Whether two lists hold the same translations, in any order, their tags in any case. */
const sameTranslations = (listed: LanguageValue[], expected: LanguageValue[]) =>
  listed.length === expected.length &&
  expected.every((translation) => listed.some((other) => sameTranslation(other, translation)));

function availableLanguages(translations: Translations): string[] {
  const languages = TRANSLATABLE_FIELDS.flatMap((field) =>
    translations[field].map((translation) => translation.language.toLowerCase()),
  );
  return [...new Set(languages)];
}

/**
 * Requests with one Accept-Language value (and `otherHeaders`) and compares every field with what it
 * may resolve to.
 */
async function expectResolution(
  context: TranslationContext,
  header: HeaderValue | null,
  acceptable: Acceptable,
  translations: Translations,
  otherHeaders: Record<string, string> = {},
): Promise<string[]> {
  return (await resolveFields(context, header, acceptable, translations, otherHeaders)).problems;
}

/** As expectResolution, with the location that came and the language of each field it may not resolve to. */
async function resolveFields(
  context: TranslationContext,
  header: HeaderValue | null,
  acceptable: Acceptable,
  translations: Translations,
  otherHeaders: Record<string, string> = {},
): Promise<{ problems: string[]; location?: Location; wrongLanguages: string[] }> {
  const others = Object.keys(otherHeaders);
  const label = `${
    header === null
      ? 'Accept-Language (none)'
      : Array.isArray(header)
        ? `Accept-Language on ${header.length} lines ${header.map((line) => show(line)).join(' and ')}`
        : `Accept-Language ${show(header)}`
  }${others.length === 0 ? '' : ` with ${others.join(', ')}`}`;
  const response = await context.probe(
    context.path,
    header === null ? otherHeaders : { ...otherHeaders, 'accept-language': header },
  );
  const problems = checkAppointmentResponse(response, context.id, label);
  if (problems.length > 0) return { problems, wrongLanguages: [] };
  const location = (response.json as AppointmentResponse).data.location as Location;
  // Documented: `translations` lists every available translation, whatever the request asks for.
  const trimmed = TRANSLATABLE_FIELDS.flatMap((field) => {
    const listed = location.translations[field] ?? [];
    return sameTranslations(listed, translations[field])
      ? []
      : [
          `${label}: location.translations.${field} is ${show(listed)}, expected every available translation, ${show(translations[field])} as without Accept-Language`,
        ];
  });
  if (trimmed.length > 0) return { problems: trimmed, wrongLanguages: [] };
  const wrong = TRANSLATABLE_FIELDS.flatMap((field) => {
    const allowed = acceptable(translations[field]);
    return allowed.some((value) => sameTranslation(location[field], value)) ? [] : [{ field, allowed }];
  });
  return {
    problems: wrong.map(({ field, allowed }) => {
      const expected = allowed.length === 1 ? show(allowed[0]) : `one of ${show(allowed)}`;
      return `${label}: location.${field} is ${show(location[field])}, expected ${expected} (translations ${show(translations[field])})`;
    }),
    location,
    wrongLanguages: wrong.flatMap(({ field }) => location[field]?.language ?? []),
  };
}

/** Whether a field that has translations lacks `language`, so that a fallback for it would show. */
const lackedByAField = (translations: Translations, language: string) =>
  TRANSLATABLE_FIELDS.some(
    (field) =>
      translations[field].length > 0 &&
      !translations[field].some((translation) => isTag(translation.language, language)),
  );

/** The first two languages of the first field that has two, for the checks that order a list of them. */
function twoLanguagesOfOneField(translations: Translations): [string, string] | undefined {
  const field = TRANSLATABLE_FIELDS.find((candidate) => translations[candidate].length >= 2);
  if (field === undefined) return undefined;
  const [first, second] = translations[field] as [LanguageValue, LanguageValue];
  return [first.language, second.language];
}

type TranslationCheck = (context: TranslationContext, translations: Translations) => Promise<CheckResult>;

export const translationChecks: Record<string, TranslationCheck> = {
  'a requested language that a field has resolves to itself, and where the field lacks it to null or a tag its region relates it to':
    async (context, translations) => {
      const languages = availableLanguages(translations);
      if (languages.length === 0) return skipped(NO_TRANSLATIONS);
      const problems = [];
      // Each beside an X-Correlation-Id, as the docs' own request sends it (the other checks send none):
      // a provider that dropped Accept-Language when one came served its default language instead.
      for (const language of languages)
        problems.push(
          ...(await expectResolution(context, language, exactly(language), translations, {
            'x-correlation-id': randomUUID(),
          })),
        );
      return checked(problems);
    },
  // Every such language, not only the first: a provider may fall back for some only (those its own
  // list lacks), or serve a translation that its `translations` leaves out; and the first in a
  // region's form.
  'every documented language that no field has yields null everywhere, with no fallback': async (
    context,
    translations,
  ) => {
    const missing = absentLanguages(availableLanguages(translations));
    if (missing.length === 0) return skipped('the location has every documented language');
    // The first language that fails in full; each other by its first problem, not four fields' lines again.
    const problems: string[] = [];
    // And one in a region's form (a browser's `da-US`): a provider's locale fallback may answer a region
    // tag that matches nothing with the default, where the bare language gets null.
    for (const language of [...missing, `${missing[0]}-US`]) {
      const found = await expectResolution(context, language, () => [null], translations);
      problems.push(...(problems.length === 0 ? found : found.slice(0, 1)));
    }
    return checked(problems);
  },
  '"*" and no Accept-Language give the default language, else any translation, else null': async (
    context,
    translations,
  ) => {
    const { defaultLanguage } = context;
    const problems: string[] = [];
    const answers: Location[] = [];
    const servedInstead = new Map<string, string>();
    for (const header of ['*', null]) {
      const resolved = await resolveFields(context, header, defaultRule(defaultLanguage), translations);
      problems.push(...resolved.problems);
      if (resolved.location !== undefined) answers.push(resolved.location);
      for (const language of resolved.wrongLanguages) servedInstead.set(language.toLowerCase(), language);
    }
    // Both answers are just what one other default language gives: the setting is the likelier fault,
    // said first (reports show a failure's first lines).
    const [other] = servedInstead.values();
    const explainedBy = (language: string) =>
      answers.length === 2 &&
      answers.every((location) =>
        TRANSLATABLE_FIELDS.every((field) =>
          defaultRule(language)(translations[field]).some((value) => sameTranslation(location[field], value)),
        ),
      );
    if (defaultLanguage !== undefined && other !== undefined && servedInstead.size === 1 && explainedBy(other))
      problems.unshift(
        `ENGAGE_DEFAULT_LANGUAGE is ${defaultLanguage}, yet "*" and no Accept-Language came in ${other} wherever ${defaultLanguage} was due: set ENGAGE_DEFAULT_LANGUAGE=${other} if ${other} is the enterprise's default language; if ${defaultLanguage} is, the API does not apply it`,
      );
    return checked(problems);
  },
  '"<language> *" (the docs\' "en *") gives that language, else the default': async (context, translations) => {
    const { defaultLanguage } = context;
    const languages = availableLanguages(translations);
    if (languages.length === 0) return skipped(NO_TRANSLATIONS);
    const problems = [];
    for (const language of languages.slice(0, 3)) {
      problems.push(
        ...(await expectResolution(
          context,
          `${language} *`,
          firstOf(exactly(language), defaultRule(defaultLanguage)),
          translations,
        )),
      );
    }
    return checked(problems);
  },
  'q-weights decide the order, not the position in the list': async (context, translations) => {
    const pair = twoLanguagesOfOneField(translations);
    if (pair === undefined) return skipped('no field has two translations to order');
    const [first, second] = pair;
    const problems = [];
    // And as RFC 9110 also lets a client write a weight: spaces around its ";", and "Q", since the
    // grammar's literals are case-insensitive (RFC 5234 §2.3).
    for (const header of [
      `${first};q=0.4, ${second};q=0.9`,
      `${first} ; q=0.4, ${second}`,
      `${first};Q=0.4, ${second}`,
    ])
      problems.push(
        ...(await expectResolution(context, header, firstOf(exactly(second), exactly(first)), translations)),
      );
    return checked(problems);
  },
  'among equal weights the first in the list wins': async (context, translations) => {
    const pair = twoLanguagesOfOneField(translations);
    if (pair === undefined) return skipped('no field has two translations to order');
    const [first, second] = pair;
    const problems = [];
    // The last also separated by a space alone, as the docs' "en *" is: whitespace separates entries too.
    for (const [one, other, separator] of [
      [first, second, ', '],
      [second, first, ', '],
      [second, first, ' '],
    ] as const)
      problems.push(
        ...(await expectResolution(
          context,
          `${one}${separator}${other}`,
          firstOf(exactly(one), exactly(other)),
          translations,
        )),
      );
    return checked(problems);
  },
  // As browsers write it, and as the docs' own request sends it (beside an X-Correlation-Id): a
  // provider that splits the list on spaces, reads two decimals of a weight only, or fails on a region
  // tag passed every other language check.
  "a browser's Accept-Language: a region tag, commas without spaces, weights of three decimals, up to four entries":
    async (context, translations) => {
      const languages = availableLanguages(translations);
      if (languages.length === 0) return skipped(NO_TRANSLATIONS);
      const problems: string[] = [];
      const plain = languages.find((language) => !language.includes('-'));
      if (plain !== undefined)
        problems.push(
          ...(await expectResolution(
            context,
            `${plain}-US,${plain};q=0.9`,
            firstOf(exactly(`${plain}-US`), exactly(plain)),
            translations,
          )),
        );
      const [absent, lastAbsent] = absentLanguages(languages);
      if (absent === undefined) return checked(problems);
      // After a language the location lacks, the higher weight listed second: read to two decimals
      // (0.85 and 0.85), the first listed would win instead.
      const [higher, lower] = twoLanguagesOfOneField(translations) ?? [languages[0] as string];
      const entries = [absent, ...(lower === undefined ? [] : [`${lower};q=0.851`]), `${higher};q=0.855`];
      const order = [absent, higher, ...(lower === undefined ? [] : [lower])];
      if (lastAbsent !== undefined) {
        entries.push(`${lastAbsent};q=0.5`);
        order.push(lastAbsent);
      }
      problems.push(
        ...(await expectResolution(
          context,
          entries.join(','),
          firstOf(...order.map((tag) => exactly(tag))),
          translations,
          {
            'x-correlation-id': randomUUID(),
          },
        )),
      );
      return checked(problems);
    },
  'q=0 means "not this one": an excluded language never wins': async (context, translations) => {
    const languages = availableLanguages(translations);
    const [excluded, other] = languages;
    if (excluded === undefined) return skipped(NO_TRANSLATIONS);
    // Nothing is asked for, and the docs do not say what comes then: null, or another translation
    // (RFC 9110 lets a server disregard a header that leaves nothing acceptable), never the excluded one.
    const notExcluded = (all: LanguageValue[]) => all.filter((translation) => !isTag(translation.language, excluded));
    // q=0.000 is the same weight as q=0 (RFC 9110's qvalue takes up to three decimals).
    const problems = [];
    for (const header of [`${excluded};q=0`, `${excluded};q=0.000`])
      problems.push(...(await expectResolution(context, header, (all) => [...notExcluded(all), null], translations)));
    if (other !== undefined) {
      // Before and after the language that may win.
      for (const header of [`${excluded};q=0, ${other}`, `${other}, ${excluded};q=0`])
        problems.push(...(await expectResolution(context, header, exactly(other, excluded), translations)));
    }
    // `*;q=0` rules out every language not named: where a field lacks the one named, null or a tag its
    // region relates to it, never the default as a last resort. Named: a language some field with
    // translations lacks, where there is one, so that a last resort would show.
    const named = languages.find((language) => lackedByAField(translations, language)) ?? excluded;
    problems.push(...(await expectResolution(context, `${named}, *;q=0`, exactly(named), translations)));
    const { defaultLanguage } = context;
    if (defaultLanguage !== undefined) {
      // With `*`: the default unless it is the excluded one, else any translation but the excluded one;
      // whether q=0 on `en` also rules out `en-GB` (RFC 4647 filtering) or that tag alone, either will do.
      const withoutExcluded: Acceptable = (all) => [
        ...defaultRule(defaultLanguage)(notExcluded(all)),
        ...defaultRule(defaultLanguage)(all.filter((translation) => !isCoveredBy(translation.language, excluded))),
      ];
      problems.push(...(await expectResolution(context, `${excluded};q=0, *`, withoutExcluded, translations)));
    }
    return checked(problems);
  },
  'Accept-Language on two lines is one list, as if joined by a comma (RFC 9110)': async (context, translations) => {
    const languages = availableLanguages(translations);
    const second = languages[0];
    if (second === undefined) return skipped(NO_TRANSLATIONS);
    const first = absentLanguages(languages)[0] ?? languages[1];
    if (first === undefined) return skipped('the location has one language and every documented one');
    return checked(
      await expectResolution(context, [first, second], firstOf(exactly(first), exactly(second)), translations),
    );
  },
  'language tags compare case-insensitively': async (context, translations) => {
    const language = availableLanguages(translations).find((candidate) => candidate.toUpperCase() !== candidate);
    if (language === undefined) return skipped('no language tag with letters to change the case of');
    return checked(await expectResolution(context, language.toUpperCase(), exactly(language), translations));
  },
};

/** Only under the `region-fallback` expectation: `nl-BE` falls back to `nl`. */
export const regionFallbackCheck: TranslationCheck = async (context, translations) => {
  const language = availableLanguages(translations).find((candidate) => !candidate.includes('-'));
  if (language === undefined) return skipped('no language without a region to add one to');
  return checked(await expectResolution(context, `${language}-BE`, lookup(`${language}-BE`), translations));
};

/** Only under the `content-language` expectation: Content-Language names every language chosen. */
export const contentLanguageCheck: TranslationCheck = async (context, translations) => {
  const language = availableLanguages(translations)[0];
  if (language === undefined) return skipped(NO_TRANSLATIONS);
  const response = await context.probe(context.path, { 'accept-language': language });
  const named = (response.headers['content-language'] ?? '').split(',').map((tag) => tag.trim().toLowerCase());
  if (!named.includes(language)) {
    return checked([
      `Accept-Language ${show(language)}: Content-Language is ${show(response.headers['content-language'])}, expected it to name ${show(language)}`,
    ]);
  }
  return checked([]);
};
