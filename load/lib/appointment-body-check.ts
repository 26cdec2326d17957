// The check of a 200 body on every response of a load test: the schema's own standalone validator
// (k6 cannot load Ajv), then what no schema can say: the id asked for, and the language rules e2e
// checks (config/language-rules.ts), read from the body's own translations.
import { isRelatedTag, LANGUAGE_TAG, TRANSLATABLE_FIELDS } from '../../config/api-facts.ts';
import { type Acceptable, defaultRule, exactly, firstOf, sameTranslation } from '../../config/language-rules.ts';
import { validateAppointmentResponse } from '../../schemas/appointment-validator.ts';
import { type ValidatorError, violationReason } from '../../schemas/violation-reason.ts';

/**
 * Where in the body and what is wrong, as "location.countryCode must match pattern …": the path under
 * data, array items as [], and the schema's reason, never what the target sent (an id, an index, an
 * extra key), so that a run's reasons (tags of lookup_problems) stay few. Ajv gives an invalid body
 * at least one error.
 */
function schemaProblem([error]: ValidatorError[]): string {
  if (error === undefined) return 'the body breaks the schema';
  const where = error.instancePath
    .replace(/\/\d+(?=\/|$)/g, '[]')
    .replace(/^\/data(\/|$)/, '')
    .replaceAll('/', '.')
    .replaceAll('.[]', '[]');
  const what = violationReason(error, { namesFromTarget: false });
  return `${where === '' ? (error.instancePath === '' ? 'the body' : 'data') : where} ${what}`;
}

/**
 * What each translatable field may resolve to for the Accept-Language a lookup sent (none, `*`, one
 * tag, or a tag and `*` as in the docs' `en *`), with the tag asked for if any, or undefined for a list
 * this check does not read. The enterprise's default language is not known here: under the default
 * rule, any translation.
 */
function resolutionOf(acceptLanguage: string): { rule: Acceptable; tag?: string } | undefined {
  const entries = acceptLanguage.trim().split(/\s+/);
  const [tag = '', second] = entries;
  if (tag === '' || (tag === '*' && entries.length === 1)) return { rule: defaultRule(undefined) };
  if (!LANGUAGE_TAG.test(tag)) return undefined;
  if (entries.length === 1) return { rule: exactly(tag), tag };
  return entries.length === 2 && second === '*'
    ? { rule: firstOf(exactly(tag), defaultRule(undefined)), tag }
    : undefined;
}

/**
 * The first problem found in a 200 body for `id`, or undefined when the schema accepts it, it is the
 * one asked for, and each translatable field is what the lookup's Accept-Language resolves to by the
 * field's own translations, as documented: in the language asked for where it has it, else null (no
 * fallback) or a tag that differs only by region; a cache that ignores Accept-Language serves
 * another lookup's body.
 */
export function appointmentBodyProblem(body: unknown, id: string, acceptLanguage = ''): string | undefined {
  if (body === undefined) return 'the body is not JSON';
  if (!validateAppointmentResponse(body)) return schemaProblem(validateAppointmentResponse.errors ?? []);
  const { data } = body;
  if (data.id !== id) return 'data.id is not the id asked for';
  const resolution = resolutionOf(acceptLanguage);
  if (resolution === undefined || data.location === null) return undefined;
  for (const field of TRANSLATABLE_FIELDS) {
    const value = data.location[field];
    const translations = data.location.translations[field] ?? [];
    if (resolution.rule(translations).some((allowed) => sameTranslation(value, allowed))) continue;
    if (value === null)
      return `location.${field} is null, though its translations hold what the lookup's Accept-Language asks for`;
    if (!translations.some((translation) => sameTranslation(value, translation)))
      return `location.${field} is not one of its translations`;
    return resolution.tag !== undefined && isRelatedTag(value.language, resolution.tag)
      ? `location.${field} is in a tag related to the one asked for, though its translations have that very one`
      : `location.${field} is in another language than the one asked for`;
  }
  return undefined;
}
