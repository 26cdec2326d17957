// The consumer contract: drives the real appointment client against the Pact mock server and pins
// only what the client relies on. Writes contracts/pacts/<consumer>-<provider>.json.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, it } from 'node:test';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { JSON_MEDIA_TYPE_PATTERN } from '../../config/api-facts.ts';
import appointmentSchema from '../../schemas/appointment.schema.json' with { type: 'json' };
import { RFC3339_DATE_TIME_PATTERN } from '../../schemas/date-time.ts';
import { withRaceRetry } from '../../testing/pact-race-retry.ts';
import { CONSUMER_NAME, PACT_DIRECTORY, PROVIDER_NAME } from '../participants.ts';
import { ProviderState } from '../provider-states.ts';
import { createAppointmentClient } from './appointment-client.ts';
import { PLACEHOLDER_TOKEN } from './placeholder-token.ts';

const { like, eachLike, regex, fromProviderState, uuid } = MatchersV3;

// Any RFC 3339 date-time, which is all the docs promise: Pact's datetime matcher takes one fixed
// pattern (no optional fraction), so a regex carries the rule every layer shares.
const rfc3339 = (example: string) => regex(RFC3339_DATE_TIME_PATTERN, example);

const pact = new PactV4({ consumer: CONSUMER_NAME, provider: PROVIDER_NAME, dir: PACT_DIRECTORY, logLevel: 'warn' });

// The provider state chooses the enterprise and id, percent-encoded for the path (an id may hold a
// "/"); the example is what this test's client asks for.
const appointmentPath = (exampleId: string) =>
  fromProviderState(
    '/enterprises/${enterpriseInPath}/appointments/${idInPath}',
    `/enterprises/acme/appointments/${exampleId}`,
  );

const requestHeaders = (acceptLanguage: string | MatchersV3.Matcher<string>) => ({
  // Any bearer token: the pact must hold no real one, and the provider decides which are valid.
  Authorization: regex(/^Bearer [A-Za-z0-9._~+/-]+=*$/.source, `Bearer ${PLACEHOLDER_TOKEN}`),
  // The client makes a fresh UUID per call, so only the shape can be pinned.
  'X-Correlation-Id': uuid('5f1f3c2e-1111-4a4a-9b9b-123456789abc'),
  'Accept-Language': acceptLanguage,
});

// The client branches on these: a value outside the documented lists (the schema's enums) is a
// broken provider.
const { status, meetingType } = appointmentSchema.properties;
const statusEnum = regex(`^(${status.enum.join('|')})$`, 'ACCEPTED');
const meetingTypeEnum = regex(`^(${meetingType.enum.join('|')})$`, 'OFFICE');

// Any JSON media type (application/json or …+json such as problem+json, any case), with or without a
// charset: the one rule of every layer (config/api-facts.ts), for the errors as for the 200s.
const jsonContentType = { 'Content-Type': regex(JSON_MEDIA_TYPE_PATTERN, 'application/json; charset=utf-8') };

const errorsBody = (statusCode: string) => ({
  // At least one error, each with the four documented fields; their texts are not published, so types only.
  errors: eachLike({
    message: like('string'),
    code: like('string'),
    type: like('string'),
    statusCode: like(statusCode),
  }),
});

// Each interaction gets a new mock server, which can come up on the port of the one before: a pooled
// keep-alive connection could then reach the old one, and the new one would never see the request.
// So every request of these tests goes out on a fresh connection (node:http with no agent).
const freshConnectionFetch: typeof fetch = (input, init) =>
  new Promise((resolve, reject) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const request = httpRequest(String(input), { method: init?.method ?? 'GET', headers, agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(answer.headers))
          for (const one of [value ?? []].flat()) answerHeaders.append(name, one);
        const body = chunks.length === 0 ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status: answer.statusCode, headers: answerHeaders }));
      });
      answer.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });

function clientFor(baseUrl: string, token = PLACEHOLDER_TOKEN) {
  return createAppointmentClient({
    baseUrl,
    enterprise: 'acme',
    getToken: async () => token,
    fetch: freshConnectionFetch,
  });
}

describe('the appointment client', () => {
  it('reads an existing appointment', () =>
    withRaceRetry((tracked) =>
      pact
        .addInteraction()
        .given(ProviderState.appointmentExists, { id: '123' })
        .uponReceiving('a request for an existing appointment')
        .withRequest('GET', appointmentPath('123'), (builder) => builder.headers(requestHeaders(like('en *'))))
        .willRespondWith(200, (builder) =>
          builder.headers(jsonContentType).jsonBody({
            data: {
              // The id the provider state chose, as the example; matched by type only (e2e checks it is the one asked for).
              id: fromProviderState('${id}', '123'),
              status: statusEnum,
              meetingType: meetingTypeEnum,
              // Never null per the docs; the client shows when the appointment was made.
              createdAt: rfc3339('2022-08-17T19:05:21.362Z'),
              updatedAt: rfc3339('2022-08-17T19:05:21.362Z'),
              // The docs say an appointment has participants; the client lists their roles and types.
              appointmentParticipants: eachLike({
                role: regex('^(PRIMARY|SECONDARY)$', 'PRIMARY'),
                type: regex('^(CUSTOMER|EMPLOYEE)$', 'EMPLOYEE'),
                participant: { id: like('string') },
              }),
              subject: { id: like('123') },
              office: { id: like('123') },
            },
          }),
        )
        .executeTest(
          tracked(async (mockServer) => {
            const result = await clientFor(mockServer.url).getAppointment('123', { acceptLanguage: 'en *' });
            assert.equal(result.kind, 'appointment');
            assert.equal(result.kind === 'appointment' && result.appointment.id, '123');
            assert.equal(
              result.kind === 'appointment' && result.appointment.appointmentParticipants[0]?.role,
              'PRIMARY',
            );
          }),
        ),
    ));

  it('reads the translated location of a scheduled appointment in another language', () =>
    withRaceRetry((tracked) =>
      pact
        .addInteraction()
        .given(ProviderState.appointmentScheduledWithTranslatedLocation, { id: 'a-office-accepted', language: 'nl' })
        .uponReceiving('a request for a scheduled appointment in another language')
        .withRequest('GET', appointmentPath('a-office-accepted'), (builder) =>
          builder.headers(requestHeaders(fromProviderState('${language}', 'nl'))),
        )
        .willRespondWith(200, (builder) =>
          builder.headers(jsonContentType).jsonBody({
            data: {
              id: fromProviderState('${id}', 'a-office-accepted'),
              // The state asks for a scheduled appointment, so start and end are date-times, not null.
              start: rfc3339('2024-03-04T09:00:00.000Z'),
              end: rfc3339('2024-03-04T09:30:00.000Z'),
              location: {
                // A translatable value, never null: the state guarantees the city has the requested
                // language. Matched by type: e2e checks it is that language.
                city: { language: fromProviderState('${language}', 'nl'), value: like('Gent') },
                translations: { city: eachLike({ language: like('nl'), value: like('Gent') }) },
              },
            },
          }),
        )
        .executeTest(
          tracked(async (mockServer) => {
            const result = await clientFor(mockServer.url).getAppointment('a-office-accepted', {
              acceptLanguage: 'nl',
            });
            assert.equal(result.kind, 'appointment');
            assert.deepEqual(result.kind === 'appointment' && result.appointment.location?.city, {
              language: 'nl',
              value: 'Gent',
            });
          }),
        ),
    ));

  it('reports an unknown id as not found, with the errors', () =>
    withRaceRetry((tracked) =>
      pact
        .addInteraction()
        .given(ProviderState.appointmentMissing, { id: 'missing-id' })
        .uponReceiving('a request for an unknown appointment')
        .withRequest('GET', appointmentPath('missing-id'), (builder) => builder.headers(requestHeaders(like('en *'))))
        .willRespondWith(404, (builder) => builder.headers(jsonContentType).jsonBody(errorsBody('404')))
        .executeTest(
          tracked(async (mockServer) => {
            const result = await clientFor(mockServer.url).getAppointment('missing-id');
            assert.equal(result.kind, 'not-found');
            assert.equal(result.kind === 'not-found' && result.errors[0]?.statusCode, '404');
          }),
        ),
    ));

  it('reports an invalid token as an error with status 401 and the errors', () =>
    withRaceRetry((tracked) =>
      pact
        .addInteraction()
        .given(ProviderState.appointmentExists, { id: '123' })
        .uponReceiving('a request with an invalid token')
        .withRequest('GET', appointmentPath('123'), (builder) =>
          // An exact token that no provider issues: verification must not swap it for the real one.
          builder.headers({ ...requestHeaders(like('en *')), Authorization: 'Bearer invalid-token' }),
        )
        .willRespondWith(401, (builder) => builder.headers(jsonContentType).jsonBody(errorsBody('401')))
        .executeTest(
          tracked(async (mockServer) => {
            const result = await clientFor(mockServer.url, 'invalid-token').getAppointment('123');
            assert.equal(result.kind, 'error');
            assert.equal(result.kind === 'error' && result.status, 401);
            assert.equal(result.kind === 'error' && result.errors[0]?.statusCode, '401');
          }),
        ),
    ));
});
