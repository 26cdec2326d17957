// Accept-Language as the notes describe it: an RFC 9110 list (commas or whitespace between entries,
// optional q-weights, q=0 excludes), case-insensitive tags, no fallback when a field lacks the
// language, and the enterprise default for `*` or no header. Region fallback is a sandbox rule.
import { LANGUAGE_TAG_SOURCE } from '../config/api-facts.ts';
import type { LanguageValue, TranslatableValue } from '../schemas/types.generated.ts';

export interface LanguageRange {
  /** Lower-cased tag, or "*". */
  tag: string;
  /** The tag as the header wrote it. */
  original: string;
  weight: number;
}

/** Absent header: the enterprise default applies. Otherwise the ranges in header order. */
export type LanguagePreference = { kind: 'default' } | { kind: 'ranges'; ranges: LanguageRange[] };

export type ParsedAcceptLanguage = { ok: true; preference: LanguagePreference } | { ok: false; reason: string };

export interface NegotiationRules {
  defaultLanguage: string;
  /** `nl-BE` falls back to `nl` (RFC 4647 lookup). */
  regionFallback: boolean;
  /** `nl` also matches `nl-BE` (RFC 4647 basic filtering): another correct provider's way, off in the sandbox. */
  basicFiltering?: boolean;
  /** Fault knobs only: a correct provider leaves these unset. */
  ignoreWeights?: boolean;
  /** q=0 read as a low weight instead of "not this one". */
  ignoreZeroWeight?: boolean;
  /** `*;q=0` read as a last resort, the default language, instead of "no other language". */
  ignoreZeroWeightOnStar?: boolean;
  /** A region tag that matches nothing gets the default, as a provider's locale fallback gives. */
  fallbackForRegionTags?: boolean;
  caseSensitive?: boolean;
  /** The default where nothing matched, instead of null: for any header, or one naming one of these tags. */
  fallbackInsteadOfNull?: boolean | readonly string[];
  /** Among equal weights the last in the header wins. */
  lastOfEqualWeights?: boolean;
  /** `*` and no header read as no language: null everywhere. */
  noDefaultLanguage?: boolean;
}

const MAX_HEADER_LENGTH = 512;
/** A language range (RFC 4647): a tag, or `*`. */
const rangePattern = new RegExp(`^(\\*|${LANGUAGE_TAG_SOURCE})$`);
const weightPattern = /^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$/;

export function parseAcceptLanguage(header: string | undefined): ParsedAcceptLanguage {
  if (header === undefined) return { ok: true, preference: { kind: 'default' } };
  if (header.length > MAX_HEADER_LENGTH) return { ok: false, reason: `is longer than ${MAX_HEADER_LENGTH} characters` };
  const entries = header
    .replace(/[ \t]*;[ \t]*/g, ';')
    .replace(/[ \t]*=[ \t]*/g, '=')
    .split(/[\s,]+/)
    .filter((entry) => entry !== '');
  if (entries.length === 0) return { ok: false, reason: 'names no language' };
  const ranges: LanguageRange[] = [];
  for (const entry of entries) {
    const [tag = '', ...parameters] = entry.split(';');
    if (!rangePattern.test(tag)) return { ok: false, reason: `has an invalid language tag "${tag}"` };
    let weight = 1;
    for (const parameter of parameters) {
      const [name, value = ''] = parameter.split('=');
      if (name?.toLowerCase() !== 'q' || !weightPattern.test(value)) {
        return { ok: false, reason: `has an invalid parameter "${parameter}" (only q=0..1 with up to 3 decimals)` };
      }
      weight = Number(value);
    }
    ranges.push({ tag: tag.toLowerCase(), original: tag, weight });
  }
  return { ok: true, preference: { kind: 'ranges', ranges } };
}

/** The translation a field resolves to, or null: there is no fallback beyond the rules. */
export function resolveTranslatable(
  translations: readonly LanguageValue[],
  preference: LanguagePreference,
  rules: NegotiationRules,
): TranslatableValue {
  if (preference.kind === 'default')
    return rules.noDefaultLanguage ? null : defaultChoice(translations, rules.defaultLanguage, new Set());
  const excludes = !rules.ignoreWeights && !rules.ignoreZeroWeight;
  const excluded = new Set(
    preference.ranges.filter((range) => excludes && range.weight === 0 && range.tag !== '*').map((range) => range.tag),
  );
  const accepted = preference.ranges.filter(
    (range) => range.weight > 0 || !excludes || (rules.ignoreZeroWeightOnStar && range.tag === '*'),
  );
  if (rules.lastOfEqualWeights) accepted.reverse();
  // Array.prototype.sort is stable, so equal weights keep their order in the header.
  if (!rules.ignoreWeights) accepted.sort((a, b) => b.weight - a.weight);
  // A tag a q=0 range covers (itself, or one that starts with it) is never reached by falling back.
  const reachable = translations.filter(
    (translation) =>
      ![...excluded].some((tag) => {
        const language = translation.language.toLowerCase();
        return language === tag || language.startsWith(`${tag}-`);
      }),
  );
  for (const range of accepted) {
    if (range.tag === '*') {
      if (rules.noDefaultLanguage) continue;
      return defaultChoice(translations, rules.defaultLanguage, excluded);
    }
    const match = rules.caseSensitive
      ? translations.find((translation) => translation.language === range.original)
      : (findLanguage(translations, range.tag) ??
        (rules.regionFallback ? lookupByTruncation(reachable, range.tag) : undefined) ??
        (rules.basicFiltering ? filterByPrefix(reachable, range.tag) : undefined));
    if (match !== undefined) return match;
  }
  const fallback = rules.fallbackInsteadOfNull;
  const fallsBack =
    fallback === true ||
    (Array.isArray(fallback) && preference.ranges.some((range) => fallback.includes(range.tag))) ||
    (rules.fallbackForRegionTags === true && preference.ranges.some((range) => range.tag.includes('-')));
  return fallsBack ? defaultChoice(translations, rules.defaultLanguage, new Set()) : null;
}

function defaultChoice(translations: readonly LanguageValue[], defaultLanguage: string, excluded: Set<string>) {
  const allowed = translations.filter((translation) => !excluded.has(translation.language.toLowerCase()));
  return findLanguage(allowed, defaultLanguage.toLowerCase()) ?? allowed[0] ?? null;
}

function findLanguage(translations: readonly LanguageValue[], lowerCaseTag: string) {
  return translations.find((translation) => translation.language.toLowerCase() === lowerCaseTag);
}

function lookupByTruncation(translations: readonly LanguageValue[], lowerCaseTag: string) {
  const subtags = lowerCaseTag.split('-');
  while (subtags.length > 1) {
    subtags.pop();
    if (subtags.at(-1)?.length === 1) subtags.pop();
    const match = findLanguage(translations, subtags.join('-'));
    if (match !== undefined) return match;
  }
  return undefined;
}

function filterByPrefix(translations: readonly LanguageValue[], lowerCaseTag: string) {
  return translations.find((translation) => translation.language.toLowerCase().startsWith(`${lowerCaseTag}-`));
}
