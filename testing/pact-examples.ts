// Checks a pact's example bodies against schemas/: a 200 example pins only some fields, so it is laid
// over the docs' example appointment first; an error example must be a whole errors envelope.
import { formatViolations, SchemaId, validateAgainstSchema } from '../schemas/schema-registry.ts';

interface PactInteraction {
  description: string;
  response: { status: number; body?: { content?: unknown } };
}

/** Lays `patch` over `base`: objects merge key by key, each array item over the base's same or first item. */
export function layOver(base: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) {
    const baseItems = Array.isArray(base) ? base : [];
    return patch.map((item, index) => layOver(baseItems[index] ?? baseItems[0], item));
  }
  if (isObject(patch) && isObject(base)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) merged[key] = layOver(base[key], value);
    return merged;
  }
  return patch;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One message per interaction whose example body the schemas reject. */
export function pactExampleViolations(
  pact: { interactions: PactInteraction[] },
  docsAppointmentResponse: unknown,
): string[] {
  return pact.interactions.flatMap(({ description, response }) => {
    const example = response.body?.content;
    const [schema, document] =
      response.status === 200
        ? [SchemaId.appointmentResponse, layOver(docsAppointmentResponse, example)]
        : [SchemaId.errorResponse, example];
    const result = validateAgainstSchema(schema, document);
    return result.valid ? [] : [`"${description}" (HTTP ${response.status}):\n${formatViolations(result.violations)}`];
  });
}
