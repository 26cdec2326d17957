// Builders for sandbox data: the docs' own example appointment, and appointments, locations,
// participants and answers made from it, for the built-in seed and for provider states.

import docsExample from '../schemas/docs-examples/appointment-200.json' with { type: 'json' };
import type { Appointment, LanguageValue, Location, LocationTranslations } from '../schemas/types.generated.ts';

export const docsAppointment = docsExample.data as Appointment;

export const text = (language: string, value: string): LanguageValue => ({ language, value });

/** Ghent in four languages; street2 has no translation. */
const ghent: LocationTranslations = {
  city: [text('en', 'Ghent'), text('nl', 'Gent'), text('fr', 'Gand'), text('de', 'Gent')],
  state: [text('en', 'East Flanders'), text('nl', 'Oost-Vlaanderen'), text('fr', 'Flandre-Orientale')],
  street1: [text('en', 'Kortrijk Road 1'), text('nl', 'Kortrijksesteenweg 1')],
  street2: [],
};

export function location(translations: LocationTranslations, details: Partial<Location> = {}): Location {
  return {
    city: null,
    state: null,
    street1: null,
    street2: null,
    postalCode: '9000',
    countryCode: 'BE',
    formattedAddress: 'Kortrijksesteenweg 1, 9000 Gent, Belgium',
    geolocation: { latitude: 51.0479466, longitude: 3.6912248 },
    translations,
    ...details,
  };
}

export const participant = (
  id: string,
  role: 'PRIMARY' | 'SECONDARY',
  type: 'CUSTOMER' | 'EMPLOYEE',
  video = false,
) => ({
  role,
  participant: { id },
  type,
  videoUrl: video ? `https://video.example.net/room/${id}` : null,
  videoTestUrl: video ? `https://video.example.net/test/${id}` : null,
});

export const answer = (id: string, value: string | null) => ({
  id,
  value,
  selectedAnswerOptions: value === null ? [{ id: `option-${id}` }] : [],
  files: [],
  form: { id: 'form-1' },
  question: { id: `question-${id}` },
  answerType: 'SUBJECT_QUESTIONNAIRE',
  createdAt: '2024-03-01T08:00:00.000Z',
  updatedAt: '2024-03-01T08:00:00.000Z',
});

export function appointment(id: string, fields: Partial<Appointment>): Appointment {
  return {
    ...docsAppointment,
    id,
    externalId: `EXT-${id}`,
    start: '2024-03-04T09:00:00.000Z',
    end: '2024-03-04T09:30:00.000Z',
    appointmentParticipants: [
      participant(`employee-${id}`, 'PRIMARY', 'EMPLOYEE'),
      participant(`customer-${id}`, 'SECONDARY', 'CUSTOMER'),
    ],
    answers: [],
    createdAt: '2024-03-01T08:00:00.000Z',
    updatedAt: '2024-03-02T10:15:00.000Z',
    location: location(ghent),
    ...fields,
  };
}
