// Proves how a provider verification's findings read: every mismatch of an interaction, the status
// first, in the same order on every run, from mismatches as Pact reported them against sandbox faults.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { JSON_MEDIA_TYPE_PATTERN } from '../../config/api-facts.ts';
import { RFC3339_DATE_TIME_PATTERN } from '../../schemas/date-time.ts';
import { describeMismatches, verificationFindings } from './verification-findings.ts';

// Pact's report for `no-auth-check` (a 200 where a 401 was due), body mismatch first, as it came.
const noAuthCheck = [
  {
    actual: '["data"]',
    expected: '["errors"]',
    mismatch: 'Actual map is missing the following keys: errors',
    path: '$',
    type: 'BodyMismatch',
  },
  { actual: 200, expected: 401, mismatch: 'expected 401 but was 200', type: 'StatusMismatch' },
];
// `wrong-enum`: two body mismatches, in the order Pact happened to give them.
const wrongEnum = [
  {
    actual: '"POSTPONED"',
    expected: '"ACCEPTED"',
    mismatch: "Expected 'POSTPONED' to match '^(ACCEPTED|CANCELLED)$'",
    path: '$.data.status',
    type: 'BodyMismatch',
  },
  {
    actual: '"TELEPATHY"',
    expected: '"OFFICE"',
    mismatch: "Expected 'TELEPATHY' to match '^(OFFICE|VIDEO)$'",
    path: '$.data.meetingType',
    type: 'BodyMismatch',
  },
];

it('says the status first, then each mismatch with its path, in Pact’s words', () => {
  assert.equal(
    describeMismatches(noAuthCheck),
    'status: expected 401 but was 200; $: Actual map is missing the following keys: errors',
  );
});

it('gives the same line whatever order Pact reported the mismatches in', () => {
  const line =
    "$.data.meetingType: Expected 'TELEPATHY' to match '^(OFFICE|VIDEO)$'; $.data.status: Expected 'POSTPONED' to match '^(ACCEPTED|CANCELLED)$'";
  assert.equal(describeMismatches(wrongEnum), line);
  assert.equal(describeMismatches([...wrongEnum].reverse()), line);
});

it('names the pact’s long patterns for what they stand for: a JSON media type, an RFC 3339 date-time', () => {
  // As Pact reported them against a Jetty-style provider: an HTML page, dates without an offset.
  const mismatches = [
    {
      key: 'Content-Type',
      mismatch: `Mismatch with header 'Content-Type': Expected 'text/html;charset=iso-8859-1' to match '${JSON_MEDIA_TYPE_PATTERN}'`,
      type: 'HeaderMismatch',
    },
    {
      mismatch: `Expected '2026-03-29T03:30:00' to match '${RFC3339_DATE_TIME_PATTERN}'`,
      path: '$.data.end',
      type: 'BodyMismatch',
    },
  ];
  assert.equal(
    describeMismatches(mismatches),
    "Mismatch with header 'Content-Type': Expected 'text/html;charset=iso-8859-1' to be a JSON media type (application/json or application/*+json); " +
      "$.data.end: Expected '2026-03-29T03:30:00' to be an RFC 3339 date-time",
  );
});

it('counts the failed interactions and names each by its description', () => {
  const error = new Error(
    JSON.stringify({
      errors: [
        {
          interaction:
            'Verifying a pact between client and api Given an appointment with id {id} exists - a request with an invalid token',
          mismatch: { mismatches: noAuthCheck },
        },
      ],
      interactionResults: [{ result: 'OK' }, { result: 'OK' }, { result: 'FAILED' }],
    }),
  );
  assert.deepEqual(verificationFindings(error), {
    passed: 2,
    failed: 1,
    skipped: 0,
    failures: [
      {
        check: 'a request with an invalid token',
        message: 'status: expected 401 but was 200; $: Actual map is missing the following keys: errors',
      },
    ],
    skippedBy: {},
    counted: 'interactions',
  });
});

it('leads with the state that could not be set up, the likely cause of what follows', () => {
  const error = Object.assign(
    new Error(
      JSON.stringify({
        errors: [
          {
            interaction: 'Verifying a pact between client and api - a request in another language',
            mismatch: { mismatches: noAuthCheck },
          },
          {
            interaction: 'Verifying a pact between client and api - a request with an invalid token',
            mismatch: { mismatches: noAuthCheck },
          },
        ],
      }),
    ),
    { stateProblem: 'GET appointment 123 (ENGAGE_APPOINTMENT_ID) got HTTP 406' },
  );
  assert.deepEqual(
    verificationFindings(error).failures.map((failure) => failure.message),
    [
      'the states could not be set up: GET appointment 123 (ENGAGE_APPOINTMENT_ID) got HTTP 406; then status: expected 401 but was 200; $: Actual map is missing the following keys: errors',
      'status: expected 401 but was 200; $: Actual map is missing the following keys: errors',
    ],
  );
});

it('counts a failure Pact gave no interaction results for, and says what Pact said when it found no mismatch', () => {
  const error = new Error(
    JSON.stringify({
      errors: [
        {
          interaction: 'Verifying a pact between client and api - a request for an existing appointment',
          mismatch: { type: 'error', message: 'Request to provider failed - error sending request' },
        },
      ],
    }),
  );
  assert.deepEqual(verificationFindings(error), {
    passed: 0,
    failed: 1,
    skipped: 0,
    failures: [
      {
        check: 'a request for an existing appointment',
        message: 'Request to provider failed - error sending request',
      },
    ],
    skippedBy: {},
    counted: 'interactions',
  });
});

it('orders two mismatches at one path by their words', () => {
  const atRoot = (mismatch: string) => ({ path: '$', type: 'BodyMismatch', mismatch });
  assert.equal(describeMismatches([atRoot('b'), atRoot('a')]), '$: a; $: b');
});
