// Proves the k6 body check: the docs example passes, the first field the schema refuses is named, and
// a body asked for one language holds no field in another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docsAppointmentResponse } from '../../schemas/docs-examples.ts';
import { appointmentBodyProblem } from './appointment-body-check.ts';

describe('the body check', () => {
  it('accepts the docs example and names the first field the schema refuses, by its path under data', () => {
    const body = docsAppointmentResponse();
    const location = body.data.location as Record<string, unknown>;
    assert.equal(appointmentBodyProblem(body, '123'), undefined);
    assert.equal(appointmentBodyProblem(body, '124'), 'data.id is not the id asked for');
    // One wrong field at a time: the schema's rules, fields the hand check before it never read among them.
    const wrongFields: Array<[Record<string, unknown>, string]> = [
      [{ status: 'LATE' }, 'status must be equal to one of the allowed values'],
      [{ meetingType: 'TELEPATHY' }, 'meetingType must be equal to one of the allowed values'],
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
    assert.equal(appointmentBodyProblem({ ...body, meta: {} }, '123'), 'the body must NOT have additional properties');
    assert.equal(appointmentBodyProblem('<html>', '123'), 'the body must be object');
  });
  it('asked for one language, takes each field in it, in a tag a region relates it to, or null, and no other', () => {
    const body = docsAppointmentResponse();
    // The docs example's fields are all in English.
    for (const asked of ['en', 'EN', 'en-GB', '', '*', 'en *', 'nl *', 'nl;q=0.5'])
      assert.equal(appointmentBodyProblem(body, '123', asked), undefined, asked);
    assert.equal(
      appointmentBodyProblem(body, '123', 'nl'),
      'location.city is in another language than the one asked for',
    );
    const location = body.data.location as Record<string, unknown>;
    const nulls = { ...location, city: null, state: null, street1: null, street2: null };
    assert.equal(appointmentBodyProblem({ data: { ...body.data, location: nulls } }, '123', 'nl'), undefined);
    const regional = { ...nulls, city: { language: 'nl-BE', value: 'Gent' } };
    assert.equal(appointmentBodyProblem({ data: { ...body.data, location: regional } }, '123', 'nl'), undefined);
  });
});
