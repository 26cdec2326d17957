// Proves the validator k6 runs is derived from the schema files as they are now, and judges as the
// suite's Ajv instance does: the docs example and generated correct appointments pass, and a body the
// schemas refuse is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import fc from 'fast-check';
import { generatedProvider } from '../testing/appointment-arbitrary.ts';
import { validateAppointmentResponse } from './appointment-validator.ts';
import { docsAppointmentResponse } from './docs-examples.ts';
import { GENERATED_VALIDATOR_FILE, renderAppointmentValidator } from './generate-validator.ts';
import { SchemaId, validateAgainstSchema } from './schema-registry.ts';

it('appointment-response.validator.generated.ts matches the schemas, their formats and ajv, ajv-formats and esbuild as installed (run `npm run schemas:generate` after changing any of them)', () => {
  assert.equal(readFileSync(GENERATED_VALIDATOR_FILE, 'utf8'), renderAppointmentValidator());
});

it("accepts and refuses the bodies the schemas accept and refuse, each date-time by the suite's rule", () => {
  const body = docsAppointmentResponse();
  const location = body.data.location as Record<string, unknown>;
  const bodies = [
    body,
    { ...body, data: { ...body.data, location: null, start: null } },
    { ...body, data: { ...body.data, location: { ...location, countryCode: 'NLD' } } },
    { ...body, data: { ...body.data, location: { ...location, geolocation: { latitude: 91, longitude: 0 } } } },
    // 31 April: the pattern lets it through, the suite's date-time rule does not.
    { ...body, data: { ...body.data, start: '2022-04-31T09:00:00Z' } },
    { ...body, data: { ...body.data, externalId: '' } },
    // A Kelvin sign for the K: RFC 3986 URIs are ASCII (k6's regular expressions once let it through).
    {
      ...body,
      data: {
        ...body.data,
        appointmentParticipants: [{ ...body.data.appointmentParticipants[0], videoUrl: 'https://\u212Aelvin.example' }],
      },
    },
    { ...body, meta: {} },
  ];
  const verdicts = bodies.map((each) => validateAppointmentResponse(each));
  assert.deepEqual(verdicts, [true, true, false, false, false, false, false, false]);
  assert.deepEqual(
    verdicts,
    bodies.map((each) => validateAgainstSchema(SchemaId.appointmentResponse, each).valid),
  );
});

it("accepts every generated correct appointment, as the suite's Ajv instance does", () => {
  fc.assert(
    fc.property(generatedProvider, ({ appointment }) => {
      const body = { data: appointment };
      assert.equal(validateAppointmentResponse(body), true, JSON.stringify(validateAppointmentResponse.errors));
      assert.equal(validateAgainstSchema(SchemaId.appointmentResponse, body).valid, true);
    }),
    { numRuns: 100 },
  );
});
