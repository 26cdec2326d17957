// The sandbox's built-in data: enterprise `acme` (default language en) with the docs' own example as
// appointment 123, and a dozen more that cover every status and meeting type, a null location,
// several languages per field, fields without the default language or any translation, and
// several participants and answers.
import type { Appointment, LanguageValue, Location } from '../schemas/types.generated.ts';
import docsExample from './seed/docs-example-appointment.json' with { type: 'json' };
import type { Seed } from './seed.ts';

type Translations = Record<'city' | 'state' | 'street1' | 'street2', LanguageValue[]>;

const docsAppointment = docsExample.data as Appointment;

const text = (language: string, value: string): LanguageValue => ({ language, value });

function location(translations: Translations, details: Partial<Location> = {}): Location {
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

const ghent: Translations = {
  city: [text('en', 'Ghent'), text('nl', 'Gent'), text('fr', 'Gand'), text('de', 'Gent')],
  state: [text('en', 'East Flanders'), text('nl', 'Oost-Vlaanderen'), text('fr', 'Flandre-Orientale')],
  street1: [text('en', 'Kortrijk Road 1'), text('nl', 'Kortrijksesteenweg 1')],
  street2: [],
};
// No English anywhere: the default language is missing, so `*` must pick another translation.
const brussels: Translations = {
  city: [text('nl', 'Brussel'), text('fr', 'Bruxelles')],
  state: [text('fr', 'Région de Bruxelles-Capitale'), text('nl', 'Brussels Hoofdstedelijk Gewest')],
  street1: [text('fr', 'Rue de la Loi 16')],
  street2: [],
};
const oslo: Translations = {
  city: [text('no', 'Oslo'), text('en', 'Oslo'), text('da', 'Oslo'), text('de', 'Oslo')],
  state: [],
  street1: [text('no', 'Karl Johans gate 22')],
  street2: [text('no', '3. etasje'), text('en', '3rd floor'), text('es', 'Tercer piso'), text('el', 'Τρίτος όροφος')],
};
const madrid: Translations = {
  city: [text('es', 'Madrid'), text('en', 'Madrid'), text('ja', 'マドリード'), text('pl', 'Madryt')],
  state: [text('es', 'Comunidad de Madrid'), text('en', 'Community of Madrid')],
  street1: [text('es', 'Calle de Alcalá 48')],
  street2: [text('es', 'Planta 2')],
};

const participant = (id: string, role: 'PRIMARY' | 'SECONDARY', type: 'CUSTOMER' | 'EMPLOYEE', video = false) => ({
  role,
  participant: { id },
  type,
  videoUrl: video ? `https://video.example.net/room/${id}` : null,
  videoTestUrl: video ? `https://video.example.net/test/${id}` : null,
});

const answer = (id: string, value: string | null) => ({
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

function appointment(id: string, fields: Partial<Appointment>): Appointment {
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

export const defaultSeed: Seed = {
  enterprises: [
    {
      id: 'acme',
      defaultLanguage: 'en',
      appointments: [
        docsAppointment,
        appointment('a-office-accepted', {
          meetingType: 'OFFICE',
          status: 'ACCEPTED',
          answers: [answer('1', 'Online search'), answer('2', null)],
        }),
        appointment('a-office-multilingual', {
          meetingType: 'OFFICE',
          status: 'COMPLETED',
          location: location(oslo, {
            countryCode: 'NO',
            postalCode: '0162',
            formattedAddress: 'Karl Johans gate 22, 0162 Oslo, Norway',
          }),
        }),
        appointment('a-on-location-no-english', {
          meetingType: 'ON_LOCATION',
          status: 'INCOMING_REQUEST',
          location: location(brussels, { postalCode: '1000', geolocation: null }),
        }),
        appointment('a-on-location-spanish', {
          meetingType: 'ON_LOCATION',
          status: 'ALTERNATIVE_DATE_REQUESTED',
          location: location(madrid, { countryCode: 'ES', postalCode: null }),
        }),
        appointment('a-phone-no-location', {
          meetingType: 'PHONE',
          status: 'OUTGOING_INVITE',
          location: null,
          callbackRequest: { id: 'callback-7' },
        }),
        appointment('a-video-no-location', {
          meetingType: 'VIDEO',
          status: 'ACCEPTED',
          hybrid: false,
          location: null,
          appointmentParticipants: [
            participant('employee-v1', 'PRIMARY', 'EMPLOYEE', true),
            participant('employee-v2', 'SECONDARY', 'EMPLOYEE', true),
            participant('customer-v1', 'SECONDARY', 'CUSTOMER', true),
          ],
        }),
        appointment('a-video-hybrid', {
          meetingType: 'VIDEO',
          status: 'CANCELLED',
          hybrid: true,
          internalNotes: null,
          messageForCustomer: null,
        }),
        appointment('a-office-no-show', {
          meetingType: 'OFFICE',
          status: 'NO_SHOW',
          externalId: null,
          listing: null,
          leadSegment: null,
        }),
        appointment('a-phone-completed', {
          meetingType: 'PHONE',
          status: 'COMPLETED',
          start: null,
          end: null,
          trailingBufferTime: 0,
        }),
        appointment('a-on-location-answers', {
          meetingType: 'ON_LOCATION',
          status: 'ACCEPTED',
          answers: [answer('3', 'A colleague'), answer('4', 'Mortgage'), answer('5', null)],
          location: location(oslo, { countryCode: 'NO' }),
        }),
        appointment('a-office-cancelled', {
          meetingType: 'OFFICE',
          status: 'CANCELLED',
          createdFrom: 'CUSTOMER_APP',
          updatedByType: 'CUSTOMER',
        }),
        appointment('a-video-incoming', {
          meetingType: 'VIDEO',
          status: 'INCOMING_REQUEST',
          location: location(madrid),
          trailingBufferTime: 15,
        }),
      ],
    },
  ],
};
