// The check of a 200 body on every response of a load test: the schema's own standalone validator
// (k6 cannot load Ajv), then what no schema can say: the id asked for, and the language asked for.
import { isRelatedTag, LANGUAGE_TAG, TRANSLATABLE_FIELDS } from '../../config/api-facts.ts';
import { type ValidatorError, validateAppointmentResponse } from '../../schemas/appointment-validator.ts';

/**
 * Where in the body and what is wrong, as "location.countryCode must match pattern …": the path under
 * data, never a value the target sent, so that a run's reasons (tags of lookup_problems) stay few.
 */
function schemaProblem([error]: ValidatorError[]): string {
  if (error === undefined) return 'the body breaks the schema';
  const where = error.instancePath.replace(/^\/data(\/|$)/, '').replaceAll('/', '.');
  const what = error.message ?? `breaks its ${error.keyword} rule`;
  return `${where === '' ? (error.instancePath === '' ? 'the body' : 'data') : where} ${what}`;
}

/**
 * The first problem found in a 200 body for `id`, or undefined when the schema accepts it and it is
 * the one asked for. Asked for one language (`acceptLanguage` a single tag), each translatable field is
 * in it or null (documented: no fallback): a cache that ignores Accept-Language serves another's body.
 */
export function appointmentBodyProblem(body: unknown, id: string, acceptLanguage = ''): string | undefined {
  if (!validateAppointmentResponse(body)) return schemaProblem(validateAppointmentResponse.errors ?? []);
  const { data } = body as { data: { id: string; location: Record<string, { language: string } | null> | null } };
  if (data.id !== id) return 'data.id is not the id asked for';
  const asked = LANGUAGE_TAG.test(acceptLanguage) ? acceptLanguage : undefined;
  if (asked === undefined || data.location === null) return undefined;
  for (const field of TRANSLATABLE_FIELDS) {
    const value = data.location[field];
    if (value !== null && value !== undefined && !isRelatedTag(value.language, asked))
      return `location.${field} is in another language than the one asked for`;
  }
  return undefined;
}
