// The first layer of `npm start`: every schema compiles in the one Ajv instance, and the docs' own
// examples validate against them as they are; under npm start its findings go to the reports folder.

import { isEntryPoint, runMain } from '../config/entry-point.ts';
import { writeHandedFindings } from '../config/layer-findings-file.ts';
import type { LayerFindings } from '../config/layer-outcome.ts';
import { REPORT_FILES } from '../config/report-paths.ts';
import { docsAppointmentResponse, docsErrorResponse } from './docs-examples.ts';
import { compileEverySchema, formatViolations, SchemaId, validateAgainstSchema } from './schema-registry.ts';

/** A document that must validate against a schema, by name. */
type SchemaExample = [name: string, schema: SchemaId, document: unknown];

const docsExamples = (): SchemaExample[] => [
  ['the docs example 200', SchemaId.appointmentResponse, docsAppointmentResponse()],
  ['the docs example 404', SchemaId.errorResponse, docsErrorResponse()],
];

/** Runs the checks, saying one line each (and the problem under a failed one), and returns their findings. */
export function schemaSelfCheck(
  examples: SchemaExample[] = docsExamples(),
  compile: () => void = compileEverySchema,
  say: (line: string) => void = console.log,
): LayerFindings {
  const findings: LayerFindings = { passed: 0, failed: 0, skipped: 0, failures: [], skippedBy: {} };
  const outcome = (check: string, problem: string | undefined) => {
    say(problem === undefined ? `ok: ${check}` : `FAILED: ${check}\n${problem}`);
    if (problem === undefined) findings.passed++;
    else {
      findings.failed++;
      findings.failures.push({ check, message: problem.replaceAll('\n', ' ') });
    }
  };
  try {
    compile();
    outcome(`every schema compiles (${Object.values(SchemaId).length})`, undefined);
  } catch (error) {
    outcome('every schema compiles', (error as Error).message);
  }
  for (const [name, schema, document] of examples) {
    const result = validateAgainstSchema(schema, document);
    outcome(
      `${name} against ${schema.split('/').pop()}`,
      result.valid ? undefined : formatViolations(result.violations),
    );
  }
  return findings;
}

if (isEntryPoint(import.meta.url))
  await runMain(() => {
    const findings = schemaSelfCheck();
    writeHandedFindings(process.env, REPORT_FILES.schemaFindings, findings);
    process.exitCode = findings.failed > 0 ? 1 : 0;
  });
