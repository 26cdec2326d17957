// The one rule for date-times: RFC 3339 (`2022-08-17T09:00:00.000Z`, any fraction or none, `Z` or an
// offset, `T`/`Z` in either case), which is all the docs promise. The Pact matcher, ajv's
// "date-time" format, the e2e checks and the k6 body check all use it. No Node imports, so k6 can.
// The pattern checks ranges field by field (month 01-12, day 01-31, second up to 60); the function
// also checks that the day exists in its month (29 February in leap years only). The Pact matcher,
// a regex, cannot: it lets 31 April through, and the other layers catch it.

/** The pattern as text, for Pact's regex matcher (Rust regex) and JavaScript alike: ASCII digits only. */
export const RFC3339_DATE_TIME_PATTERN =
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$';

const RFC3339_DATE_TIME = new RegExp(RFC3339_DATE_TIME_PATTERN);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isRfc3339DateTime(value: unknown): boolean {
  if (typeof value !== 'string' || !RFC3339_DATE_TIME.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
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
    '2024-02-29T09:00:00Z',
    '2000-02-29T09:00:00Z',
    '2026-04-30T09:00:00Z',
  ],
  invalid: [
    '2022-08-17',
    '2022-08-17T09:00:00',
    '2022-08-17 09:00:00Z',
    '2022-08-17T09:00Z',
    '2022-13-17T09:00:00Z',
    '2022-08-32T09:00:00Z',
    '2022-02-29T09:00:00Z',
    '1900-02-29T09:00:00Z',
    '2026-04-31T09:00:00Z',
    '2026-02-30T09:00:00Z',
    '2022-08-17T24:00:00Z',
    '2022-08-17T09:00:00.Z',
    '2022-08-17T09:00:00+0200',
    '2022-08-17T09:00:00+02',
    '17/08/2022 09:00',
    '２０２２-08-17T09:00:00Z',
    '',
  ],
} as const;
