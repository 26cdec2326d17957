// A hand check of the fields users rely on in a 200 body, cheap enough to run on every response of
// a load test (k6 cannot run ajv without a bundle). The full schema check is the e2e layer's job.

import { isRfc3339DateTime } from '../../schemas/date-time.ts';

// k6 cannot read the schema files, so these lists are its own; a Node test pins them to the schemas.
export const STATUSES = new Set([
  'ACCEPTED',
  'ALTERNATIVE_DATE_REQUESTED',
  'CANCELLED',
  'COMPLETED',
  'INCOMING_REQUEST',
  'NO_SHOW',
  'OUTGOING_INVITE',
]);
export const MEETING_TYPES = new Set(['OFFICE', 'ON_LOCATION', 'PHONE', 'VIDEO']);
export const TRANSLATABLE_FIELDS = ['city', 'state', 'street1', 'street2'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first problem found in a 200 body for `id`, or undefined when the fields look right. */
export function appointmentBodyProblem(body: unknown, id: string): string | undefined {
  if (!isObject(body) || !isObject(body.data)) return 'no data object';
  const data = body.data;
  if (data.id !== id) return `data.id is ${JSON.stringify(data.id)}, not ${JSON.stringify(id)}`;
  if (!STATUSES.has(data.status as string)) return `status ${JSON.stringify(data.status)} is not documented`;
  if (!MEETING_TYPES.has(data.meetingType as string))
    return `meetingType ${JSON.stringify(data.meetingType)} is not documented`;
  for (const field of ['start', 'end'] as const) {
    if (data[field] !== null && !isRfc3339DateTime(data[field])) return `${field} is not a date-time`;
  }
  if (!isRfc3339DateTime(data.createdAt)) return 'createdAt is not a date-time';
  if (!Array.isArray(data.appointmentParticipants)) return 'appointmentParticipants is not an array';
  if (data.location === null) return undefined;
  if (!isObject(data.location)) return 'location is neither an object nor null';
  for (const field of TRANSLATABLE_FIELDS) {
    const value = data.location[field];
    if (value !== null && !(isObject(value) && typeof value.language === 'string' && typeof value.value === 'string')) {
      return `location.${field} is not a translatable value`;
    }
  }
  return undefined;
}
