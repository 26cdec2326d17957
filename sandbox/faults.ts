// Deliberate faults the sandbox can be told to commit (SANDBOX_FAULTS or the `faults` option), so
// that the suite's own tests can show each of its checks failing against a broken provider.
import { TRANSLATABLE_FIELDS } from '../config/api-facts.ts';
import type { AppointmentResponse } from '../schemas/types.generated.ts';
import type { NegotiationRules } from './language-negotiation.ts';

export const FAULT_NAMES = [
  // The 200 body
  'no-data-envelope',
  'extra-top-level-key',
  'wrong-types',
  'bad-date-time',
  'wrong-enum',
  'wrong-id',
  // An unknown id answered with the enterprise's first appointment (a lookup that trims or matches by prefix).
  'serve-any-id',
  'ignore-enterprise',
  'non-json-content-type',
  // Errors
  'not-found-without-errors',
  'numeric-status-code',
  'status-code-mismatch',
  'no-auth-check',
  // Checks the token for numeric ids only: every other appointment is served to any request.
  'auth-for-numeric-ids-only',
  'no-scope-check',
  'accept-invalid-tokens',
  // A token of one enterprise's realm reads another enterprise's appointments.
  'ignore-token-realm',
  'accept-expired-tokens',
  'server-error-on-odd-ids',
  'accept-any-correlation-id',
  'refuse-correlation-ids',
  'not-found-for-other-methods',
  'crash-on-repeated-headers',
  // Languages
  'ignore-accept-language',
  'fallback-instead-of-null',
  // Falls back for the two languages only the request schemas list, as a provider whose own list lacks them.
  'fallback-for-ja-and-pl',
  // A region tag that matches nothing (da-US) gets the default, where its bare language (da) gets null.
  'fallback-for-region-tags',
  'mismatched-language-tag',
  // Asked for a language, location.translations lists only the one each field resolved to, not every available one.
  'trim-translations',
  'case-sensitive-tags',
  'ignore-weights',
  'last-of-equal-weights',
  'ignore-zero-weight',
  // Reads `*;q=0` as a last resort: where a field lacks the language named, the default comes.
  'ignore-zero-weight-on-star',
  'no-default-language',
  'first-accept-language-line-only',
  // Splits Accept-Language on spaces only: a comma without one after it, as browsers write lists, is refused.
  'split-accept-language-on-spaces',
  // Reads two decimals of a weight only: q=0.851 and q=0.855 are a tie.
  'two-decimal-weights',
  'no-region-fallback',
  'no-content-language',
  'no-correlation-echo',
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

export function isFaultName(name: string): name is FaultName {
  return (FAULT_NAMES as readonly string[]).includes(name);
}

/** Negotiation rules as a faulty provider would apply them. */
export function faultyNegotiationRules(rules: NegotiationRules, faults: ReadonlySet<FaultName>): NegotiationRules {
  return {
    ...rules,
    regionFallback: rules.regionFallback && !faults.has('no-region-fallback'),
    ignoreWeights: faults.has('ignore-weights'),
    ignoreZeroWeight: faults.has('ignore-zero-weight'),
    ignoreZeroWeightOnStar: faults.has('ignore-zero-weight-on-star'),
    fallbackForRegionTags: faults.has('fallback-for-region-tags'),
    caseSensitive: faults.has('case-sensitive-tags'),
    fallbackInsteadOfNull:
      faults.has('fallback-instead-of-null') || (faults.has('fallback-for-ja-and-pl') && ['ja', 'pl']),
    lastOfEqualWeights: faults.has('last-of-equal-weights'),
    noDefaultLanguage: faults.has('no-default-language'),
  };
}

/**
 * The Accept-Language header as a faulty provider reads it: `en-US,en;q=0.9` as one tag (which it
 * then refuses), or each weight cut to two decimals.
 */
export function faultyAcceptLanguage(header: string | undefined, faults: ReadonlySet<FaultName>): string | undefined {
  let read = header;
  if (faults.has('split-accept-language-on-spaces')) read = read?.replace(/,(?=\S)/g, '_');
  if (faults.has('two-decimal-weights')) read = read?.replace(/(q=\d\.\d\d)\d/gi, '$1');
  return read;
}

/** Breaks a correct 200 body the way the named faults say; `languageAsked`: the request had an Accept-Language. */
export function breakAppointmentBody(
  body: AppointmentResponse,
  faults: ReadonlySet<FaultName>,
  languageAsked = false,
): unknown {
  const data: Record<string, unknown> = { ...body.data };
  if (faults.has('wrong-types')) Object.assign(data, { trailingBufferTime: '5', hybrid: 'yes', subject: '123' });
  if (faults.has('bad-date-time')) Object.assign(data, { start: '17/08/2022 09:00', createdAt: '2022-08-17 19:05' });
  if (faults.has('wrong-enum')) Object.assign(data, { status: 'POSTPONED', meetingType: 'TELEPATHY' });
  if (faults.has('wrong-id')) data.id = `${String(data.id)}-other`;
  if (faults.has('mismatched-language-tag') && body.data.location !== null) {
    const location = { ...body.data.location };
    for (const field of TRANSLATABLE_FIELDS) {
      const value = location[field];
      if (value !== null) location[field] = { language: value.language === 'xx' ? 'yy' : 'xx', value: value.value };
    }
    data.location = location;
  }
  if (faults.has('trim-translations') && languageAsked && body.data.location !== null) {
    const location = body.data.location;
    const translations = Object.fromEntries(
      TRANSLATABLE_FIELDS.map((field) => [field, location[field] === null ? [] : [location[field]]]),
    );
    data.location = { ...location, translations };
  }
  if (faults.has('no-data-envelope')) return data;
  return faults.has('extra-top-level-key') ? { data, meta: { page: 1 } } : { data };
}

/** Breaks a correct errors body the way the named faults say. */
export function breakErrorBody(body: unknown, faults: ReadonlySet<FaultName>): unknown {
  const errors = (body as { errors?: Array<Record<string, unknown>> }).errors;
  if (errors === undefined) return body;
  if (faults.has('not-found-without-errors') && errors[0]?.statusCode === '404') return { message: errors[0].message };
  if (faults.has('numeric-status-code'))
    return { errors: errors.map((error) => ({ ...error, statusCode: Number(error.statusCode) })) };
  if (faults.has('status-code-mismatch')) return { errors: errors.map((error) => ({ ...error, statusCode: '500' })) };
  return body;
}

/** Whether a header name appears on more than one line: `crash-on-repeated-headers` answers 500 then. */
export function hasRepeatedHeader(rawHeaders: string[]): boolean {
  const names = new Set<string>();
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] as string).toLowerCase();
    if (names.has(name)) return true;
    names.add(name);
  }
  return false;
}
