// Checks of one response against what the docs promise: the 200 (schema, JSON, the requested id,
// resolved values that are real translations) and the errors envelope with its string status, which
// repeats the HTTP status only under the `status-code` expectation.

import { answerRemedy, type CredentialKind, hasErrorsEnvelope } from '../../config/answer-remedy.ts';
import { isJsonMediaType, TRANSLATABLE_FIELDS } from '../../config/api-facts.ts';
import { sameTranslation } from '../../config/language-rules.ts';
import {
  formatViolations,
  SchemaId,
  type SchemaViolation,
  validateAgainstSchema,
} from '../../schemas/schema-registry.ts';
import type { AppointmentResponse } from '../../schemas/types.generated.ts';
import type { ProbeResponse } from '../http-probe.ts';

export const isJsonContentType = (response: ProbeResponse) => isJsonMediaType(response.headers['content-type']);

export const show = (value: unknown) => JSON.stringify(value) ?? 'nothing';

/** Read from the bytes, never a charset label, which RFC 8259 says a recipient ignores. */
const NOT_UTF8 = 'the body is not UTF-8, which JSON between systems is (RFC 8259)';

export function checkErrorResponse(response: ProbeResponse, expectedStatus: number, label: string): string[] {
  const problems: string[] = [];
  if (response.status !== expectedStatus)
    problems.push(`${label}: HTTP ${response.status}, expected ${expectedStatus}`);
  if (!isJsonContentType(response))
    problems.push(`${label}: Content-Type ${show(response.headers['content-type'])} is not JSON`);
  else if (response.notUtf8) problems.push(`${label}: ${NOT_UTF8}`);
  const result = validateAgainstSchema(SchemaId.errorResponse, response.json);
  if (!result.valid)
    problems.push(`${label}: the body is not the errors envelope:${bodyOutsideSchema(response, result.violations)}`);
  return problems;
}

/** Why a body did not match its schema, to follow a colon: it is no JSON at all, or these violations, a line each. */
export function bodyOutsideSchema(response: ProbeResponse, violations: SchemaViolation[]): string {
  const unparsed = unparsedBody(response);
  return unparsed === undefined ? `\n${formatViolations(violations)}` : ` ${unparsed}`;
}

/** Why a body is no JSON document (empty, or how it starts), or undefined when it parsed. */
function unparsedBody(response: ProbeResponse): string | undefined {
  if (response.json !== undefined) return undefined;
  if (response.text === '') return 'the body is empty';
  if (response.text.trim() === '') return 'the body is only whitespace';
  return `the body does not parse as JSON (it starts ${show(response.text.slice(0, 80))})`;
}

/** Under `status-code`: each error's statusCode is the answer's own HTTP status, as a string. */
export function checkStatusCodeIsStatus(response: ProbeResponse, label: string): string[] {
  const errors = (response.json as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0)
    return [`${label}: HTTP ${response.status} without the errors envelope, so no statusCode to compare`];
  return (errors as Array<{ statusCode?: unknown }>).flatMap(({ statusCode }, index) =>
    statusCode === String(response.status)
      ? []
      : [
          `${label}: HTTP ${response.status} with errors[${index}].statusCode ${show(statusCode)}, expected "${response.status}"`,
        ],
  );
}

/** Every resolved translatable value must be one of the field's own translations. */
export function checkResolvedValuesAreTranslations(body: AppointmentResponse, label: string): string[] {
  const location = body.data.location;
  if (location === null) return [];
  return TRANSLATABLE_FIELDS.flatMap((field) => {
    const resolved = location[field];
    const translations = location.translations[field] ?? [];
    if (resolved === null || translations.some((translation) => sameTranslation(resolved, translation))) return [];
    return [
      `${label}: location.${field} is ${show(resolved)}, which is not one of its translations ${show(translations)}`,
    ];
  });
}

/** The start of a body as it came, on one line: a JSON body quoted as a string would show \" for each quote. */
function bodyExcerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return 'empty';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * A configured appointment's problem, with the setting its 401, 403, 404 or redirect points at, as
 * the preflight words it; `requestUrl`, the target's URL it was sent to, resolves a relative Location.
 */
export function withRemedy(
  problem: string,
  response: ProbeResponse,
  credentials: CredentialKind,
  requestUrl: string,
): string {
  const remedy = answerRemedy(response.status, credentials, hasErrorsEnvelope(response.json), {
    location: response.headers.location,
    from: requestUrl,
  });
  return remedy === undefined ? problem : `${problem}; ${remedy}`;
}

/** A 200 with a JSON content type in UTF-8 and a body that parses as JSON. */
export function checkOkJson(response: ProbeResponse, label: string): string[] {
  if (response.status !== 200)
    return [`${label}: HTTP ${response.status}, expected 200 (body: ${bodyExcerpt(response.text)})`];
  const contentType = response.headers['content-type'];
  if (!isJsonContentType(response)) return [`${label}: Content-Type ${show(contentType)} is not JSON`];
  if (response.notUtf8) return [`${label}: ${NOT_UTF8}; Content-Type ${show(contentType)}`];
  const unparsed = unparsedBody(response);
  return unparsed === undefined ? [] : [`${label}: ${unparsed}`];
}

/** The basic 200 every other check of an appointment builds on: status, JSON, and the schema's shape. */
export function checkBasicAppointment(response: ProbeResponse, label: string): string[] {
  const problems = checkOkJson(response, label);
  if (problems.length > 0) return problems;
  const result = validateAgainstSchema(SchemaId.appointmentResponse, response.json);
  return result.valid ? [] : [`${label}: the body does not match the schema:\n${formatViolations(result.violations)}`];
}

/** The body is the appointment that was asked for; any body may come, so nothing is assumed of it. */
export function checkRequestedId(body: unknown, id: string, label: string): string[] {
  const actual = (body as { data?: { id?: unknown } } | undefined)?.data?.id;
  return actual === id ? [] : [`${label}: data.id is ${show(actual)}, expected the requested ${show(id)}`];
}

export function checkAppointmentResponse(response: ProbeResponse, id: string, label: string): string[] {
  const problems = checkBasicAppointment(response, label);
  if (problems.length > 0) return problems;
  const body = response.json as AppointmentResponse;
  return [...problems, ...checkRequestedId(body, id, label), ...checkResolvedValuesAreTranslations(body, label)];
}
