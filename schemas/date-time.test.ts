// Pins every layer's date-time rule to one list of valid and invalid RFC 3339 examples: the pattern
// itself, ajv's "date-time" format (schemas and e2e checks) and the k6 body check. The pact carries
// the same pattern (contracts/pact-examples.test.ts), proven against real providers in verify-provider.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appointmentBodyProblem } from '../load/lib/appointment-body-check.ts';
import { DATE_TIME_EXAMPLES, isRfc3339DateTime } from './date-time.ts';
import { docsAppointmentResponse } from './docs-examples.ts';
import { SchemaId, validateAgainstSchema } from './schema-registry.ts';

const withStart = (start: string) => {
  const body = docsAppointmentResponse();
  body.data.start = start;
  return body;
};

const layers: Array<[string, (value: string) => boolean]> = [
  ['the pattern', isRfc3339DateTime],
  ['the schemas (ajv)', (value) => validateAgainstSchema(SchemaId.appointmentResponse, withStart(value)).valid],
  ['the k6 body check', (value) => appointmentBodyProblem(withStart(value), '123') === undefined],
];

describe('RFC 3339 date-times', () => {
  for (const [layer, accepts] of layers) {
    it(`${layer} accepts every valid example and refuses every invalid one`, () => {
      for (const value of DATE_TIME_EXAMPLES.valid) assert.equal(accepts(value), true, `refused ${value}`);
      for (const value of DATE_TIME_EXAMPLES.invalid) assert.equal(accepts(value), false, `accepted ${value}`);
    });
  }
});
