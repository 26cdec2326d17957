// Generated from the schema files in this folder by `npm run schemas:generate`. Do not edit:
// change the schemas and run the script again (a unit test fails while this file is stale).
/* biome-ignore-all format: the generator formats this file */

/**
 * A translatable field as the API resolves it: one language and its text, or null when no acceptable translation exists.
 */
export type TranslatableValue = LanguageValue | null;
export type TranslationList = LanguageValue[];

/**
 * The 200 body of GET /enterprises/{enterprise}/appointments/{id}: the appointment in a data envelope, nothing else.
 */
export interface AppointmentResponse {
  data: Appointment;
}
/**
 * An appointment as GET appointment-by-id returns it. Value lists the docs do not publish (createdFrom, answerType, ...) stay open strings.
 */
export interface Appointment {
  id: string;
  externalId: string | null;
  start: string | null;
  end: string | null;
  subject: EntityReference;
  office: EntityReference;
  appointmentParticipants: AppointmentParticipant[];
  answers: Answer[];
  callbackRequest: EntityReference | null;
  listing: EntityReference | null;
  leadSegment: EntityReference | null;
  meetingType: 'OFFICE' | 'ON_LOCATION' | 'PHONE' | 'VIDEO';
  status:
    | 'ACCEPTED'
    | 'ALTERNATIVE_DATE_REQUESTED'
    | 'CANCELLED'
    | 'COMPLETED'
    | 'INCOMING_REQUEST'
    | 'NO_SHOW'
    | 'OUTGOING_INVITE';
  hybrid: boolean | null;
  trailingBufferTime: number | null;
  internalNotes: string | null;
  messageForCustomer: string | null;
  createdAt: string;
  createdBy: EntityReference;
  createdByType: string;
  createdFrom: string;
  updatedAt: string;
  updatedBy: EntityReference;
  updatedByType: string;
  updatedFrom: string;
  location: Location | null;
}
export interface EntityReference {
  id: string;
}
export interface AppointmentParticipant {
  role: 'PRIMARY' | 'SECONDARY';
  participant: EntityReference;
  type: 'CUSTOMER' | 'EMPLOYEE';
  videoUrl: string | null;
  videoTestUrl: string | null;
}
export interface Answer {
  id: string;
  value: string | null;
  selectedAnswerOptions: EntityReference[];
  files: EntityReference[];
  form: EntityReference;
  question: EntityReference;
  answerType: string;
  createdAt: string;
  updatedAt: string;
}
/**
 * Where an appointment takes place. The translatable fields are resolved for the request's Accept-Language; translations lists every available language.
 */
export interface Location {
  city: TranslatableValue;
  state: TranslatableValue;
  street1: TranslatableValue;
  street2: TranslatableValue;
  postalCode: string | null;
  countryCode: string;
  formattedAddress: string;
  geolocation: Geolocation | null;
  translations: LocationTranslations;
}
/**
 * One translation of a translatable field.
 */
export interface LanguageValue {
  /**
   * A language tag (RFC 5646): subtags of letters and digits joined by hyphens, as `nl` or `nl-BE`; a locale's `nl_BE` is not one.
   */
  language: string;
  value: string;
}
export interface Geolocation {
  latitude: number;
  longitude: number;
}
/**
 * For each translatable field, every available translation.
 */
export interface LocationTranslations {
  city: TranslationList;
  state: TranslationList;
  street1: TranslationList;
  street2: TranslationList;
}

/**
 * The body of every non-2xx response: at least one error, each with a string statusCode.
 */
export interface ErrorResponse {
  /**
   * @minItems 1
   */
  errors: [ApiError, ...ApiError[]];
}
export interface ApiError {
  message: string;
  code: string;
  type: string;
  /**
   * The HTTP status as a string. The docs' own example holds the placeholder "string", so no digit pattern is enforced.
   */
  statusCode: string;
}
