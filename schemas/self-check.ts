// The first layer of `npm start`: every schema compiles in the one Ajv instance, and the docs' own
// examples validate against them as they are.

import { docsAppointmentResponse, docsErrorResponse } from './docs-examples.ts';
import { compileEverySchema, formatViolations, SchemaId, validateAgainstSchema } from './schema-registry.ts';

const checks: Array<[string, SchemaId, unknown]> = [
  ['the docs example 200', SchemaId.appointmentResponse, docsAppointmentResponse()],
  ['the docs example 404', SchemaId.errorResponse, docsErrorResponse()],
];
compileEverySchema();
console.log(`ok: every schema compiles (${Object.values(SchemaId).length})`);
let failed = false;
for (const [name, schema, document] of checks) {
  const result = validateAgainstSchema(schema, document);
  console.log(`${result.valid ? 'ok' : 'FAILED'}: ${name} against ${schema.split('/').pop()}`);
  if (!result.valid) {
    console.log(formatViolations(result.violations));
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
