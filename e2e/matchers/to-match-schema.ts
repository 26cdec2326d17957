// `expect(body).toMatchSchema(SchemaId.x)`: validates with the suite's one Ajv instance and, on
// failure, lists every violation with its path, keyword and value.
import type { ExpectMatcherState, MatcherReturnType } from '@playwright/test';
import { formatViolations, type SchemaId, validateAgainstSchema } from '../../schemas/schema-registry.ts';

export function toMatchSchema(this: ExpectMatcherState, received: unknown, schemaId: SchemaId): MatcherReturnType {
  const result = validateAgainstSchema(schemaId, received);
  const name = schemaId.split('/').pop();
  return {
    pass: result.valid,
    name: 'toMatchSchema',
    message: () =>
      result.valid
        ? `expected the body not to match ${name}`
        : `expected the body to match ${name}; ${result.violations.length} violation(s):\n${formatViolations(result.violations)}`,
  };
}
