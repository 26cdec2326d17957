// The basic 200 of each configured appointment: JSON, the schema (through toMatchSchema), then the
// requested id and resolved translatable values that are the field's own translations.

import { appointmentPath } from '../config/api-facts.ts';
import { loadSuiteConfig } from '../config/load-suite-config.ts';
import { SchemaId } from '../schemas/schema-registry.ts';
import type { AppointmentResponse } from '../schemas/types.generated.ts';
import { withFirstAnswer } from './checks/blocking.ts';
import { checked } from './checks/check-result.ts';
import {
  checkOkJson,
  checkRequestedId,
  checkResolvedValuesAreTranslations,
  withRemedy,
} from './checks/response-checks.ts';
import { expect, expectCheck, skipWhenBlocked, test } from './fixtures.ts';

const { appointmentIds } = loadSuiteConfig();

for (const id of appointmentIds) {
  test.describe(`GET appointment ${id}`, () => {
    // The first two are the basic 200 that every other check of the appointment builds on, the third
    // the requested appointment that checks of its data build on: they fail, the others skip as
    // "blocked by" their problem.
    test('answers 200 with JSON', async ({ probe, suite, forwarder, blockedBy }) => {
      const path = appointmentPath(suite.enterprise, id);
      const response = await probe(path);
      const own = checkOkJson(response, 'GET').map((problem) =>
        withRemedy(problem, response, suite.auth.kind, `${forwarder.targetUrl}${path}`),
      );
      expectCheck(checked(withFirstAnswer(own, await blockedBy(id), 'okJson')));
    });

    test('has a body that matches the schema', async ({ probe, suite, blockedBy }) => {
      const response = await probe(appointmentPath(suite.enterprise, id));
      expect(response.json).toMatchSchema(SchemaId.appointmentResponse);
      expectCheck(checked(withFirstAnswer([], await blockedBy(id), 'schema')));
    });

    test('is the appointment that was asked for', async ({ probe, suite, blockedBy }) => {
      await skipWhenBlocked(blockedBy, id);
      const response = await probe(appointmentPath(suite.enterprise, id));
      // An answer that is no 200 this time (a token refused now and then) is named as itself.
      const own = response.status === 200 ? checkRequestedId(response.json, id, 'GET') : checkOkJson(response, 'GET');
      expectCheck(checked(withFirstAnswer(own, await blockedBy(id), 'otherId')));
    });

    test('resolves each translatable value to one of its translations', async ({ probe, suite, blockedBy }) => {
      await skipWhenBlocked(blockedBy, id, { needs: 'the requested appointment' });
      const headers = [undefined, '*', ...(suite.defaultLanguage === undefined ? [] : [suite.defaultLanguage])];
      for (const header of headers) {
        const response = await probe(
          appointmentPath(suite.enterprise, id),
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
}
