// Derives from the schema files the validator of a 200 body that k6 runs (k6 cannot load Ajv): ajv's
// standalone code of appointment-response.schema.json, bundled with its formats and runtime helpers
// into one minified module with no imports. `npm run schemas:generate` rewrites the file.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { isEntryPoint, runMain } from '../config/entry-point.ts';
import { SchemaId, standaloneValidatorCode } from './schema-registry.ts';

const schemaDirectory = fileURLToPath(new URL('.', import.meta.url));
export const GENERATED_VALIDATOR_FILE = `${schemaDirectory}appointment-response.validator.generated.ts`;

const banner = `// Generated from the schema files in this folder by \`npm run schemas:generate\`. Do not edit:
// run it again after changing a schema, schema-formats.ts or date-time.ts, or updating ajv,
// ajv-formats or esbuild (a unit test fails while this file is stale).
// @ts-nocheck: ajv's generated code, minified; schemas/appointment-validator.ts gives it its type
`;

/** The text the generated validator file must have for the schemas as they are now. */
export function renderAppointmentValidator(): string {
  const code = standaloneValidatorCode({ validateAppointmentResponseUntyped: SchemaId.appointmentResponse });
  const { outputFiles } = buildSync({
    stdin: { contents: code, resolveDir: schemaDirectory, sourcefile: 'standalone.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    minify: true,
  });
  return `${banner}${outputFiles?.[0]?.text ?? ''}`;
}

if (isEntryPoint(import.meta.url)) {
  await runMain(() => {
    writeFileSync(GENERATED_VALIDATOR_FILE, renderAppointmentValidator());
    console.log(`wrote ${GENERATED_VALIDATOR_FILE}`);
  });
}
