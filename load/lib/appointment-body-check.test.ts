// Proves the k6 body check: the docs example passes, the first field the schema refuses is named, the
// id is the one asked for, and each translatable field is what its translations resolve the lookup's
// Accept-Language to (one tag, `*`, `en *`, repeated and related tags); a body that is not JSON says so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docsAppointmentResponse } from '../../schemas/docs-examples.ts';
import { appointmentBodyProblem } from './appointment-body-check.ts';

describe('the body check', () => {
  it('accepts the docs example and names the first field the schema refuses, by its path under data', () => {
    const body = docsAppointmentResponse();
    const location = body.data.location as Record<string, unknown>;
    const [participant] = body.data.appointmentParticipants as Array<Record<string, unknown>>;
    assert.equal(appointmentBodyProblem(body, '123'), undefined);
    assert.equal(appointmentBodyProblem(body, '124'), 'data.id is not the id asked for');
    // One wrong field at a time: the schema's rules, fields the hand check before it never read among them.
    const wrongFields: Array<[Record<string, unknown>, string]> = [
      [
        { status: 'LATE' },
        'status must be one of ACCEPTED, ALTERNATIVE_DATE_REQUESTED, CANCELLED, COMPLETED, INCOMING_REQUEST, NO_SHOW, OUTGOING_INVITE',
      ],
      [{ meetingType: 'TELEPATHY' }, 'meetingType must be one of OFFICE, ON_LOCATION, PHONE, VIDEO'],
      // An item of an array by [], not by its index, which the target's data decides.
      [
        { appointmentParticipants: [{ ...participant, role: 'HOST' }] },
        'appointmentParticipants[].role must be one of PRIMARY, SECONDARY',
      ],
      [{ start: '17/08/2022' }, 'start must match format "date-time"'],
      [{ end: '2022-04-31T10:00:00Z' }, 'end must match format "date-time"'],
      [{ createdAt: null }, 'createdAt must be string'],
      [{ subject: undefined }, "data must have required property 'subject'"],
      [{ office: { id: 7 } }, 'office.id must be string'],
      [{ subject: { id: '' } }, 'subject.id must NOT have fewer than 1 characters'],
      [{ appointmentParticipants: { role: 'PRIMARY' } }, 'appointmentParticipants must be array'],
      [{ location: 'Veldstraat 1, Gent' }, 'location must be object'],
      [{ location: { ...location, city: 'Gent' } }, 'location.city must be object'],
      [{ location: { ...location, countryCode: 'NLD' } }, 'location.countryCode must match pattern "^[A-Za-z]{2}$"'],
      [
        { location: { ...location, geolocation: { latitude: 91, longitude: 0 } } },
        'location.geolocation.latitude must be <= 90',
      ],
      [{ externalId: 'x'.repeat(256) }, 'externalId must NOT have more than 255 characters'],
      [{ trailingBufferTime: -5 }, 'trailingBufferTime must be >= 0'],
    ];
    for (const [fields, problem] of wrongFields)
      assert.equal(appointmentBodyProblem({ ...body, data: { ...body.data, ...fields } }, '123'), problem);
    assert.equal(appointmentBodyProblem({ ...body, data: { ...body.data, start: null, end: null } }, '123'), undefined);
    assert.equal(appointmentBodyProblem({ ...body, data: { ...body.data, location: null } }, '123'), undefined);
    assert.equal(
      appointmentBodyProblem({ appointment: body.data }, '123'),
      "the body must have required property 'data'",
    );
    assert.equal(appointmentBodyProblem({ ...body, meta: {} }, '123'), 'the body must not have extra properties');
    assert.equal(appointmentBodyProblem('<html>', '123'), 'the body must be object');
  });
  it('takes each translatable field as its own translations resolve the Accept-Language sent, as e2e does', () => {
    const body = docsAppointmentResponse();
    // The docs example's fields are all in English, its only translation.
    for (const asked of ['en', 'EN', 'en-GB', '', '*', 'en *', 'nl *', 'nl;q=0.5'])
      assert.equal(appointmentBodyProblem(body, '123', asked), undefined, asked);
    assert.equal(
      appointmentBodyProblem(body, '123', 'nl'),
      'location.city is in another language than the one asked for',
    );
  });

  it('refuses a field null though it has the language, in another language, or not one of its translations', () => {
    const body = docsAppointmentResponse();
    const location = body.data.location as Record<string, unknown>;
    const english = { language: 'en', value: 'Ghent' };
    const dutch = { language: 'nl', value: 'Gent' };
    const french = { language: 'fr-BE', value: 'Gand' };
    const nulls = { city: null, state: null, street1: null, street2: null };
    const withCity = (city: unknown, translations: unknown[]) => ({
      data: {
        ...body.data,
        location: {
          ...location,
          ...nulls,
          city,
          translations: { city: translations, state: [], street1: [], street2: [] },
        },
      },
    });
    const cases: Array<[string, unknown, unknown[], string | undefined]> = [
      // Right: the language asked for, null where the field lacks it, a region's tag, the default rule's any.
      ['nl', dutch, [english, dutch], undefined],
      ['nl', null, [english], undefined],
      ['nl', { language: 'nl-BE', value: 'Gent' }, [english, { language: 'nl-BE', value: 'Gent' }], undefined],
      ['en *', english, [english, dutch], undefined],
      ['fr *', dutch, [english, dutch], undefined],
      ['*', french, [english, french], undefined],
      // Wrong, each one way.
      [
        'nl',
        null,
        [english, dutch],
        "location.city is null, though its translations hold what the lookup's Accept-Language asks for",
      ],
      [
        '*',
        null,
        [english],
        "location.city is null, though its translations hold what the lookup's Accept-Language asks for",
      ],
      ['nl', english, [english, dutch], 'location.city is in another language than the one asked for'],
      ['en *', french, [english, french], 'location.city is in another language than the one asked for'],
      ['nl', { language: 'nl', value: 'Ghent' }, [english, dutch], 'location.city is not one of its translations'],
      ['nl', dutch, [english], 'location.city is not one of its translations'],
      // A list that repeats a tag: either entry is in the language asked for.
      ['nl', { language: 'nl', value: 'Gent (2)' }, [english, dutch, { language: 'NL', value: 'Gent (2)' }], undefined],
      [
        'nl',
        { language: 'nl-BE', value: 'Gent' },
        [dutch, { language: 'nl-BE', value: 'Gent' }],
        'location.city is in a tag related to the one asked for, though its translations have that very one',
      ],
    ];
    for (const [asked, city, translations, problem] of cases)
      assert.equal(
        appointmentBodyProblem(withCity(city, translations), '123', asked),
        problem,
        `${asked}: ${JSON.stringify(city)}`,
      );
    // A weighted list is not read here: e2e checks the weights.
    assert.equal(appointmentBodyProblem(withCity(english, [english, dutch]), '123', 'nl;q=0.9, en;q=0.1'), undefined);
  });

  it('says a body that is not JSON is not JSON', () => {
    assert.equal(appointmentBodyProblem(undefined, '123'), 'the body is not JSON');
  });
});
