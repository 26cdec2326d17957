// Proves the schema layer's own checks can fail, and how they read: a schema that breaks the
// meta-schema and a docs example that no longer validates are each one failure, named, with the problem.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { docsAppointmentResponse } from './docs-examples.ts';
import { SchemaId } from './schema-registry.ts';
import { schemaSelfCheck } from './self-check.ts';

it('passes the schemas and the docs examples as they are', () => {
  const said: string[] = [];
  const findings = schemaSelfCheck(undefined, undefined, (line) => said.push(line));
  assert.equal(findings.passed, 3);
  assert.equal(findings.failed, 0);
  assert.ok(
    said.every((line) => line.startsWith('ok: ')),
    said.join('\n'),
  );
});

it('fails a schema that does not compile and an example that does not validate, each with its problem', () => {
  const late = docsAppointmentResponse();
  late.data.status = 'LATE';
  const said: string[] = [];
  const findings = schemaSelfCheck(
    [['an example with a status the docs do not list', SchemaId.appointmentResponse, late]],
    () => {
      throw new Error('broken.schema.json is not a valid JSON Schema 2020-12: /type must be string');
    },
    (line) => said.push(line),
  );
  assert.equal(findings.passed, 0);
  assert.equal(findings.failed, 2);
  assert.deepEqual(
    findings.failures.map((failure) => failure.check),
    ['every schema compiles', 'an example with a status the docs do not list against appointment-response.schema.json'],
  );
  assert.match(findings.failures[0]?.message ?? '', /broken\.schema\.json is not a valid JSON Schema 2020-12/);
  assert.match(findings.failures[1]?.message ?? '', /\/data\/status: must be one of .*\(got "LATE"\)/);
  assert.ok(said.some((line) => line.startsWith('FAILED: every schema compiles\n')));
});
