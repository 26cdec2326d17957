// The sandbox's built-in data: enterprise `acme` (default language en) with the docs' own example as
// appointment 123, and a dozen more that cover every status and meeting type, a null location,
// several languages per field, fields without the default language or any translation, and
// several participants and answers.

import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import type { LocationTranslations } from '../schemas/types.generated.ts';
import type { Seed } from './seed.ts';
import { answer, appointment, docsAppointment, location, participant, text } from './seed-helpers.ts';

// No English anywhere: the default language is missing, so `*` must pick another translation.
const brussels: LocationTranslations = {
  city: [text('nl', 'Brussel'), text('fr', 'Bruxelles')],
  state: [text('fr', 'Région de Bruxelles-Capitale'), text('nl', 'Brussels Hoofdstedelijk Gewest')],
  street1: [text('fr', 'Rue de la Loi 16')],
  street2: [],
};
const oslo: LocationTranslations = {
  city: [text('no', 'Oslo'), text('en', 'Oslo'), text('da', 'Oslo'), text('de', 'Oslo')],
  state: [],
  street1: [text('no', 'Karl Johans gate 22')],
  street2: [text('no', '3. etasje'), text('en', '3rd floor'), text('es', 'Tercer piso'), text('el', 'Τρίτος όροφος')],
};
const madrid: LocationTranslations = {
  city: [text('es', 'Madrid'), text('en', 'Madrid'), text('ja', 'マドリード'), text('pl', 'Madryt')],
  state: [text('es', 'Comunidad de Madrid'), text('en', 'Community of Madrid')],
  street1: [text('es', 'Calle de Alcalá 48')],
  street2: [text('es', 'Planta 2')],
};

export const defaultSeed: Seed = {
  enterprises: [
    {
      id: SANDBOX_DEFAULTS.enterprise,
      defaultLanguage: SANDBOX_DEFAULTS.defaultLanguage,
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
