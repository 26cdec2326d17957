// The one rule for date-times: RFC 3339 (`2022-08-17T09:00:00.000Z`, any fraction or none, `Z` or an
// offset, `T`/`Z` in either case), which is all the docs promise. The Pact matcher, ajv's
// "date-time" format, the e2e checks and the k6 body check all use it. No Node imports, so k6 can.
// It checks ranges field by field (month 01-12, day 01-31, second up to 60), not the calendar.

/** The pattern as text, for Pact's regex matcher (Rust regex) and JavaScript alike: ASCII digits only. */
export const RFC3339_DATE_TIME_PATTERN =
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$';

const RFC3339_DATE_TIME = new RegExp(RFC3339_DATE_TIME_PATTERN);

export function isRfc3339DateTime(value: unknown): boolean {
  return typeof value === 'string' && RFC3339_DATE_TIME.test(value);
}

/** Valid and invalid examples that every layer's date-time rule must agree on (see date-time.test.ts). */
export const DATE_TIME_EXAMPLES = {
  valid: [
    '2022-08-17T09:00:00.000Z',
    '2026-09-17T14:30:00Z',
    '2026-09-17T14:30:00.123456Z',
    '2026-09-17T14:30:00+02:00',
    '2026-09-17T14:30:00.5-05:30',
    '2026-09-17t14:30:00z',
    '2016-12-31T23:59:60Z',
  ],
  invalid: [
    '2022-08-17',
    '2022-08-17T09:00:00',
    '2022-08-17 09:00:00Z',
    '2022-08-17T09:00Z',
    '2022-13-17T09:00:00Z',
    '2022-08-32T09:00:00Z',
    '2022-08-17T24:00:00Z',
    '2022-08-17T09:00:00.Z',
    '2022-08-17T09:00:00+0200',
    '2022-08-17T09:00:00+02',
    '17/08/2022 09:00',
    '２０２２-08-17T09:00:00Z',
    '',
  ],
} as const;
