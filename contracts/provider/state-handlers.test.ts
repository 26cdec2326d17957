// Proves the language state's choice on a real environment: a language the city has other than the
// one it came in for `*` and the default, so that a provider that fails other languages fails
// verification; the only one when it has one; and why an appointment cannot serve the state.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readSuiteConfig } from '../../config/suite-config.ts';
import { ProviderState } from '../provider-states.ts';
import { configuredStateHandlers, translatedCityLanguage } from './state-handlers.ts';

const scheduled = (city: { language: string } | null, translations: string[]) => ({
  data: {
    start: '2026-01-01T09:00:00Z',
    end: '2026-01-01T09:30:00Z',
    location: { city, translations: { city: translations.map((language) => ({ language, value: 'Gent' })) } },
  },
});

it('asks for a language other than the one the city came in for `*` and the default', () => {
  assert.deepEqual(translatedCityLanguage(scheduled({ language: 'en' }, ['en', 'nl']), 'en'), { language: 'nl' });
  assert.deepEqual(translatedCityLanguage(scheduled({ language: 'EN' }, ['en', 'nl']), undefined), { language: 'nl' });
  assert.deepEqual(translatedCityLanguage(scheduled({ language: 'fr' }, ['en', 'fr', 'de']), 'en'), {
    language: 'de',
  });
});

it('asks for the only language the city has, and names why an appointment cannot serve', () => {
  assert.deepEqual(translatedCityLanguage(scheduled({ language: 'en' }, ['en']), 'en'), { language: 'en' });
  assert.deepEqual(translatedCityLanguage(scheduled(null, []), 'en'), {
    problem: 'its location has no translated city',
  });
  assert.deepEqual(translatedCityLanguage({ data: { start: null, end: null } }, 'en'), {
    problem: 'it is not scheduled (start or end is null)',
  });
  // A 200 whose data is null: named as such, not a TypeError that hid the state's problem.
  for (const body of [{ data: null }, { data: 'x' }, null, undefined, 'text'])
    assert.deepEqual(translatedCityLanguage(body, 'en'), { problem: 'it could not be read as an appointment' });
});

it('tells why the language state could not be set up, for the first failure to lead with', async () => {
  const config = readSuiteConfig({
    ENGAGE_BASE_URL: 'https://api.example.test',
    ENGAGE_ENTERPRISE: 'acme',
    ENGAGE_APPOINTMENT_ID: '123',
    ENGAGE_TOKEN: 't',
  });
  const told: string[] = [];
  const handlers = configuredStateHandlers(
    config,
    async () => ({ data: null }),
    (problem) => told.push(problem),
  );
  const languageState = handlers[ProviderState.appointmentScheduledWithTranslatedLocation] as () => Promise<unknown>;
  await assert.rejects(languageState(), /it could not be read as an appointment/);
  assert.equal(told.length, 1);
  assert.match(
    told[0] ?? '',
    /^ENGAGE_APPOINTMENT_ID \S+ cannot stand in for the state .*: it could not be read as an appointment;/,
  );
});
