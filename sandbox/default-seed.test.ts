// Proves the built-in data covers what the tests need: the docs example as 123, every status and
// meeting type, a null location, several languages per field, fields without the default language
// or any translation, several participants and answers.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { TRANSLATABLE_FIELDS } from '../config/api-facts.ts';
import appointmentSchema from '../schemas/appointment.schema.json' with { type: 'json' };
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { defaultSeed } from './default-seed.ts';
import { validateSeed } from './seed.ts';

const [acme] = defaultSeed.enterprises;
const appointments = acme?.appointments ?? [];
const fieldTranslations = appointments.flatMap((appointment) =>
  appointment.location === null
    ? []
    : TRANSLATABLE_FIELDS.map((field) => appointment.location?.translations[field] ?? []),
);

it('is valid and holds acme with the docs example as 123 and a dozen more', () => {
  validateSeed(defaultSeed, 'the default seed');
  assert.equal(acme?.id, 'acme');
  assert.deepEqual(
    appointments.find((appointment) => appointment.id === '123'),
    docsAppointmentResponse().data,
  );
  assert.ok(appointments.length >= 13);
  assert.equal(new Set(appointments.map((appointment) => appointment.id)).size, appointments.length, 'ids are unique');
});

it('covers every status and meeting type', () => {
  const { status, meetingType } = appointmentSchema.properties;
  assert.deepEqual(new Set(appointments.map((appointment) => appointment.status)), new Set(status.enum));
  assert.deepEqual(new Set(appointments.map((appointment) => appointment.meetingType)), new Set(meetingType.enum));
});

it('has a null location, multilingual fields, fields without the default language or any translation', () => {
  assert.ok(appointments.some((appointment) => appointment.location === null));
  assert.ok(fieldTranslations.some((translations) => translations.length >= 3));
  assert.ok(
    fieldTranslations.some(
      (translations) => translations.length > 0 && !translations.some((t) => t.language === acme?.defaultLanguage),
    ),
  );
  assert.ok(fieldTranslations.some((translations) => translations.length === 0));
});

it('has appointments with several participants and several answers', () => {
  assert.ok(appointments.some((appointment) => appointment.appointmentParticipants.length >= 3));
  assert.ok(appointments.some((appointment) => appointment.answers.length >= 3));
});
