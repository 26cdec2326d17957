// A hand check of the fields users rely on in a 200 body, cheap enough to run on every response of
// a load test (k6 cannot run ajv without a bundle). The full schema check is the e2e layer's job.

import { isRelatedTag, LANGUAGE_TAG, MEETING_TYPES, STATUSES, TRANSLATABLE_FIELDS } from '../../config/api-facts.ts';
import { isRfc3339DateTime } from '../../schemas/date-time.ts';

const statuses = new Set<unknown>(STATUSES);
const meetingTypes = new Set<unknown>(MEETING_TYPES);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first problem found in a 200 body for `id`, or undefined when the fields look right. Each names
 * the field, never a value the target sent, so that a run's reasons (tags of lookup_problems) stay few.
 * Asked for one language (`acceptLanguage` a single tag), each translatable field is in it or null
 * (documented: no fallback): a cache that ignores Accept-Language serves another's body.
 */
export function appointmentBodyProblem(body: unknown, id: string, acceptLanguage = ''): string | undefined {
  if (!isObject(body) || !isObject(body.data)) return 'no data object';
  const beside = Object.keys(body).filter((key) => key !== 'data');
  if (beside.length > 0) return 'a top-level key beside data';
  const data = body.data;
  if (data.id !== id) return 'data.id is not the id asked for';
  for (const field of ['subject', 'office'] as const) {
    const reference = data[field];
    if (!isObject(reference) || typeof reference.id !== 'string' || reference.id === '')
      return `${field} is not an object with an id`;
  }
  if (!statuses.has(data.status)) return 'status is not a documented one';
  if (!meetingTypes.has(data.meetingType)) return 'meetingType is not a documented one';
  for (const field of ['start', 'end'] as const) {
    if (data[field] !== null && !isRfc3339DateTime(data[field])) return `${field} is not a date-time`;
  }
  for (const field of ['createdAt', 'updatedAt'] as const) {
    if (!isRfc3339DateTime(data[field])) return `${field} is not a date-time`;
  }
  if (!Array.isArray(data.appointmentParticipants)) return 'appointmentParticipants is not an array';
  if (data.location === null) return undefined;
  if (!isObject(data.location)) return 'location is neither an object nor null';
  const asked = LANGUAGE_TAG.test(acceptLanguage) ? acceptLanguage : undefined;
  for (const field of TRANSLATABLE_FIELDS) {
    const value = data.location[field];
    if (value === null) continue;
    if (!(isObject(value) && typeof value.language === 'string' && typeof value.value === 'string'))
      return `location.${field} is not a translatable value`;
    if (asked !== undefined && !isRelatedTag(value.language, asked))
      return `location.${field} is in another language than the one asked for`;
  }
  return undefined;
}
