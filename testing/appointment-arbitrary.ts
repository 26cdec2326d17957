// fast-check arbitraries of valid appointments, for the generated-provider property test: every
// nullable field of the schema null or present, date-times in every RFC 3339 style, translations in
// any order and tag case with unicode values, locations without the default language, and any id a
// URL can address. A generated appointment that a layer fails is a false alarm of that layer.
import fc from 'fast-check';
import { DOCUMENTED_LANGUAGES, TRANSLATABLE_FIELDS } from '../config/api-facts.ts';
import { appointment, location, participant, text } from '../sandbox/seed-helpers.ts';
import appointmentSchema from '../schemas/appointment.schema.json' with { type: 'json' };
import type { Appointment, LanguageValue, Location } from '../schemas/types.generated.ts';

/** Top-level fields the schema allows to be null: the generator covers each (a test pins the list). */
export function nullableFields(): string[] {
  const definitions = appointmentSchema.$defs as Record<string, unknown>;
  const nullable = (property: unknown): boolean => {
    const { type, $ref, anyOf } = property as { type?: unknown; $ref?: string; anyOf?: unknown[] };
    if (Array.isArray(type)) return type.includes('null');
    if ($ref?.startsWith('#/$defs/')) return nullable(definitions[$ref.slice('#/$defs/'.length)]);
    return anyOf?.some((option) => (option as { type?: unknown }).type === 'null') ?? false;
  };
  return Object.entries(appointmentSchema.properties)
    .filter(([, property]) => nullable(property))
    .map(([name]) => name);
}

const two = (value: number) => String(value).padStart(2, '0');

/** Any RFC 3339 date-time: a fraction of 0 to 9 digits or none, `T`/`t`, `Z`/`z` or an offset. */
const dateTime = fc
  .record({
    milliseconds: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2099, 11, 31, 23, 59, 59) }),
    separator: fc.constantFrom('T', 't'),
    fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\.[0-9]{1,9}$/)),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([sign, hours, minutes]) => `${sign}${two(hours)}:${two(minutes)}`),
    ),
  })
  .map(
    ({ milliseconds, separator, fraction, zone }) =>
      `${new Date(milliseconds).toISOString().slice(0, 19).replace('T', separator)}${fraction}${zone}`,
  );

/** Text of any script, emoji included, as a provider may store it. */
const unicodeText = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' });

/** An id of any shape the schema allows (a non-empty string) that a URL path can address. */
export const appointmentId = fc
  .string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
  .filter((id) => id.trim() === id && id !== '.' && id !== '..' && !/\p{Cc}/u.test(id));

/** Translations of one field: any subset of the languages, in any order, tags in any case. */
const translations = fc
  .uniqueArray(fc.constantFrom(...DOCUMENTED_LANGUAGES), { maxLength: 5 })
  .chain((languages) =>
    fc.tuple(
      ...languages.map((language) =>
        fc
          .tuple(fc.constantFrom(language, language.toUpperCase()), unicodeText)
          .map(([tag, value]): LanguageValue => text(tag, value)),
      ),
    ),
  )
  .map((values) => values as LanguageValue[]);

const generatedLocation: fc.Arbitrary<Location> = fc
  .record({
    city: translations,
    state: translations,
    street1: translations,
    street2: translations,
    postalCode: fc.option(unicodeText, { nil: null }),
    geolocation: fc.option(
      fc.record({
        latitude: fc.double({ min: -90, max: 90, noNaN: true }),
        longitude: fc.double({ min: -180, max: 180, noNaN: true }),
      }),
      { nil: null },
    ),
    formattedAddress: unicodeText,
  })
  .map(({ postalCode, geolocation, formattedAddress, ...fields }) =>
    location(
      Object.fromEntries(
        TRANSLATABLE_FIELDS.map((field) => [field, fields[field]]),
      ) as unknown as Location['translations'],
      { postalCode, geolocation, formattedAddress },
    ),
  );

const reference = fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }) });

/** A present value for each nullable field; `nullableFields()` must list exactly these. */
const presentValues = {
  externalId: fc.string({ minLength: 1, maxLength: 255 }),
  start: dateTime,
  end: dateTime,
  callbackRequest: reference,
  listing: reference,
  leadSegment: reference,
  hybrid: fc.boolean(),
  trailingBufferTime: fc.nat({ max: 240 }),
  internalNotes: unicodeText,
  messageForCustomer: unicodeText,
  location: generatedLocation,
};
export const GENERATED_NULLABLE_FIELDS = Object.keys(presentValues);

export interface GeneratedProvider {
  enterprise: string;
  defaultLanguage: string;
  appointment: Appointment;
  /** The Content-Types it answers with (the fixed examples keep the sandbox's). */
  contentTypes?: { ok: string; error: string };
}

/** JSON media types a correct provider may send: any case, a charset or none, a +json suffix. */
const jsonMediaTypes = ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8'];
const contentTypes = fc.record({
  ok: fc.constantFrom(...jsonMediaTypes, 'application/vnd.pexip.engage+json'),
  error: fc.constantFrom(...jsonMediaTypes, 'application/problem+json'),
});

export const generatedProvider: fc.Arbitrary<GeneratedProvider> = fc
  .record({
    id: appointmentId,
    defaultLanguage: fc.constantFrom(...DOCUMENTED_LANGUAGES),
    nullable: fc.record(
      Object.fromEntries(
        Object.entries(presentValues).map(([field, present]) => [
          field,
          fc.option(present as fc.Arbitrary<unknown>, { nil: null }),
        ]),
      ),
    ),
    // The documented values, from the schema itself.
    meetingType: fc.constantFrom(...appointmentSchema.properties.meetingType.enum),
    status: fc.constantFrom(...appointmentSchema.properties.status.enum),
    createdAt: dateTime,
    updatedAt: dateTime,
    subject: unicodeText,
    video: fc.boolean(),
    contentTypes,
  })
  .map(
    ({ id, defaultLanguage, nullable, meetingType, status, createdAt, updatedAt, subject, video, contentTypes }) => ({
      enterprise: 'generated',
      defaultLanguage,
      contentTypes,
      appointment: appointment(id, {
        ...(nullable as Partial<Appointment>),
        meetingType: meetingType as Appointment['meetingType'],
        status: status as Appointment['status'],
        createdAt,
        updatedAt,
        subject: { id: subject },
        appointmentParticipants: [participant('employee-1', 'PRIMARY', 'EMPLOYEE', video)],
      }),
    }),
  );
