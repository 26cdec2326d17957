// The 200 for ENGAGE_APPOINTMENT_ID: JSON, the schema (through toMatchSchema), the requested id, and
// resolved translatable values that are the field's own translations.
import { SchemaId } from '../schemas/schema-registry.ts';
import type { AppointmentResponse } from '../schemas/types.generated.ts';
import { checked } from './checks/check-result.ts';
import { checkOkJson, checkRequestedId, checkResolvedValuesAreTranslations } from './checks/response-checks.ts';
import { expect, expectCheck, test } from './fixtures.ts';
import { appointmentPath } from './http-probe.ts';

test.describe('GET an existing appointment', () => {
  test('answers 200 with JSON', async ({ probe, suite }) => {
    expectCheck(checked(checkOkJson(await probe(appointmentPath(suite.enterprise, suite.appointmentId)), 'GET')));
  });

  test('has a body that matches the schema', async ({ probe, suite }) => {
    const response = await probe(appointmentPath(suite.enterprise, suite.appointmentId));
    expect(response.json).toMatchSchema(SchemaId.appointmentResponse);
  });

  test('is the appointment that was asked for', async ({ probe, suite }) => {
    const response = await probe(appointmentPath(suite.enterprise, suite.appointmentId));
    expectCheck(checked(checkRequestedId(response.json as AppointmentResponse, suite.appointmentId, 'GET')));
  });

  test('resolves each translatable value to one of its translations', async ({ probe, suite }) => {
    const headers = [undefined, '*', ...(suite.defaultLanguage === undefined ? [] : [suite.defaultLanguage])];
    for (const header of headers) {
      const response = await probe(
        appointmentPath(suite.enterprise, suite.appointmentId),
        header === undefined ? {} : { 'accept-language': header },
      );
      expect(response.json).toMatchSchema(SchemaId.appointmentResponse);
      expectCheck(
        checked(
          checkResolvedValuesAreTranslations(
            response.json as AppointmentResponse,
            `Accept-Language ${header ?? '(none)'}`,
          ),
        ),
      );
    }
  });
});
