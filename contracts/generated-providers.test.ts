// Never cry wolf, as a property: many generated correct providers (testing/appointment-arbitrary.ts)
// pass the e2e checks and the k6 body check, and a sample of them passes the pact verification.
// It lives with the contracts because verification needs the pact the consumer tests write first.
// Bounded in runs and time; a failure prints fast-check's seed and the smallest failing appointment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { appointmentPath, DOCUMENTED_LANGUAGES } from '../config/api-facts.ts';
import { exactTransport } from '../config/exact-request.ts';
import { problemsOf } from '../e2e/checks/check-result.ts';
import { checkMethodNotAllowed, checkUnknownId } from '../e2e/checks/error-checks.ts';
import { checkCorrelationIdAccepted, checkRepeatedHeaderIsNoCrash } from '../e2e/checks/header-checks.ts';
import { checkAppointmentResponse } from '../e2e/checks/response-checks.ts';
import { readTranslations, translationChecks } from '../e2e/checks/translation-checks.ts';
import { createProbe } from '../e2e/http-probe.ts';
import { appointmentBodyProblem } from '../load/lib/appointment-body-check.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { SchemaId, validateAgainstSchema } from '../schemas/schema-registry.ts';
import {
  GENERATED_NULLABLE_FIELDS,
  type GeneratedProvider,
  generatedProvider,
  nullableFields,
} from '../testing/appointment-arbitrary.ts';
import { issueSandboxToken } from '../testing/issue-sandbox-token.ts';
import { verifyInTurn } from '../testing/verify-in-turn.ts';

/** Serves one generated appointment from a provider of its own, with a token of its realm. */
async function serve({ enterprise, defaultLanguage, appointment, contentTypes }: GeneratedProvider) {
  const sandbox = await startSandbox({
    seed: { enterprises: [{ id: enterprise, defaultLanguage, appointments: [appointment] }] },
    contentTypes,
  });
  const token = await issueSandboxToken(sandbox.url, enterprise);
  return { sandbox, token };
}

/** Every problem the e2e checks and the k6 body check find on one generated provider. */
async function problemsOn(provider: GeneratedProvider): Promise<string[]> {
  const { enterprise, defaultLanguage, appointment } = provider;
  const { sandbox, token } = await serve(provider);
  try {
    const probe = createProbe({ baseUrl: sandbox.url, getToken: async () => token }, exactTransport(5000));
    const path = appointmentPath(enterprise, appointment.id);
    const problems: string[] = [];
    for (const header of [undefined, '*', defaultLanguage, 'en *', ...DOCUMENTED_LANGUAGES.slice(0, 3)]) {
      const response = await probe(path, header === undefined ? {} : { 'accept-language': header });
      const label = `Accept-Language ${header ?? '(none)'}`;
      problems.push(...checkAppointmentResponse(response, appointment.id, label));
      const k6Problem = appointmentBodyProblem(response.json, appointment.id, header ?? '');
      if (k6Problem !== undefined) problems.push(`k6 body check, ${label}: ${k6Problem}`);
    }
    const context = { probe, path, id: appointment.id, defaultLanguage };
    const read = await readTranslations(context);
    if ('problems' in read) problems.push(...read.problems);
    if ('translations' in read)
      for (const check of Object.values(translationChecks))
        problems.push(...problemsOf(await check(context, read.translations)));
    problems.push(
      ...problemsOf(await checkCorrelationIdAccepted(probe, path, 'generated-1', false)),
      ...problemsOf(await checkRepeatedHeaderIsNoCrash(probe, path)),
      ...problemsOf(await checkMethodNotAllowed(probe, path)),
      ...problemsOf(await checkUnknownId(probe, enterprise, `${appointment.id}-missing`)),
    );
    return problems;
  } finally {
    await sandbox.close();
  }
}

// Providers the property once failed a check against, kept as fixed examples: a location with no
// translation at all made the two-lines check send a second line of "undefined".
const FOUND_FALSE_ALARMS: GeneratedProvider[] = [
  {
    enterprise: 'generated',
    defaultLanguage: 'en',
    appointment: {
      ...docsAppointmentResponse().data,
      id: '!',
      location: {
        city: null,
        state: null,
        street1: null,
        street2: null,
        postalCode: null,
        countryCode: 'BE',
        formattedAddress: ' ',
        geolocation: null,
        translations: { city: [], state: [], street1: [], street2: [] },
      },
    },
  },
];

describe('generated correct providers', () => {
  it('cover every nullable field of the schema, and are valid appointments', () => {
    assert.deepEqual(GENERATED_NULLABLE_FIELDS.sort(), nullableFields().sort());
    fc.assert(
      fc.property(generatedProvider, ({ appointment }) => {
        const result = validateAgainstSchema(SchemaId.appointment, appointment);
        if (!result.valid) throw new Error(`the generator made an invalid appointment: ${JSON.stringify(result)}`);
      }),
      { numRuns: 200 },
    );
  });

  it('pass every e2e check and the k6 body check', async () => {
    await fc.assert(
      fc.asyncProperty(generatedProvider, async (provider) => {
        const problems = await problemsOn(provider);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      }),
      { numRuns: 40, interruptAfterTimeLimit: 20_000, examples: FOUND_FALSE_ALARMS.map((provider) => [provider]) },
    );
  });

  it('pass the pact verification', async () => {
    // The verifications run in turn in one process (about 0.2 s each), on a sample. The pact's
    // language state asks for a scheduled appointment whose city is translated: the sample meets
    // that precondition, and anything else about it is free.
    const meetsTheStates = generatedProvider.filter(
      ({ appointment }) =>
        appointment.start !== null &&
        appointment.end !== null &&
        (appointment.location?.translations.city.length ?? 0) > 0,
    );
    const providers = fc.sample(meetsTheStates, { numRuns: 8 });
    const started = await Promise.allSettled(providers.map(serve));
    const served = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      const runs = await verifyInTurn(
        providers.map((provider, index) => ({
          ENGAGE_BASE_URL: served[index]?.sandbox.url as string,
          ENGAGE_ENTERPRISE: provider.enterprise,
          ENGAGE_TOKEN: served[index]?.token as string,
          ENGAGE_APPOINTMENT_ID: provider.appointment.id,
          ENGAGE_DEFAULT_LANGUAGE: provider.defaultLanguage,
        })),
      );
      for (const [index, { code, output }] of runs.entries())
        assert.equal(code, 0, `${output}\n${JSON.stringify(providers[index])}`);
    } finally {
      await Promise.all(served.map(({ sandbox }) => sandbox.close()));
    }
  });
});
