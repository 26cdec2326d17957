// Proves the k6 body check: the docs example passes, the first wrong field is named, and a body asked
// for one language holds no field in another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docsAppointmentResponse } from '../../schemas/docs-examples.ts';
import { appointmentBodyProblem } from './appointment-body-check.ts';

describe('the body check', () => {
  it('accepts the docs example and names the first wrong field', () => {
    const body = docsAppointmentResponse();
    assert.equal(appointmentBodyProblem(body, '123'), undefined);
    assert.equal(appointmentBodyProblem(body, '124'), 'data.id is not the id asked for');
    assert.equal(
      appointmentBodyProblem({ ...body, data: { ...body.data, status: 'LATE' } }, '123'),
      'status is not a documented one',
    );
    assert.equal(
      appointmentBodyProblem({ ...body, data: { ...body.data, start: '17/08/2022' } }, '123'),
      'start is not a date-time',
    );
    assert.equal(
      appointmentBodyProblem(
        { ...body, data: { ...body.data, location: { ...body.data.location, city: 'Gent' } } },
        '123',
      ),
      'location.city is not a translatable value',
    );
    // One wrong field at a time, each branch of the check.
    const wrongFields: Array<[Record<string, unknown>, string]> = [
      [{ meetingType: 'TELEPATHY' }, 'meetingType is not a documented one'],
      [{ end: '2022-08-17 10:00' }, 'end is not a date-time'],
      [{ createdAt: null }, 'createdAt is not a date-time'],
      [{ updatedAt: 'yesterday' }, 'updatedAt is not a date-time'],
      [{ subject: undefined }, 'subject is not an object with an id'],
      [{ office: '1' }, 'office is not an object with an id'],
      [{ office: { id: 7 } }, 'office is not an object with an id'],
      [{ subject: { id: '' } }, 'subject is not an object with an id'],
      [{ appointmentParticipants: { role: 'PRIMARY' } }, 'appointmentParticipants is not an array'],
      [{ location: 'Veldstraat 1, Gent' }, 'location is neither an object nor null'],
    ];
    for (const [fields, problem] of wrongFields)
      assert.equal(appointmentBodyProblem({ ...body, data: { ...body.data, ...fields } }, '123'), problem);
    assert.equal(appointmentBodyProblem({ ...body, data: { ...body.data, start: null, end: null } }, '123'), undefined);
    assert.equal(appointmentBodyProblem({ appointment: body.data }, '123'), 'no data object');
    assert.equal(appointmentBodyProblem({ ...body, meta: {} }, '123'), 'a top-level key beside data');
    assert.equal(appointmentBodyProblem({ ...body, data: { ...body.data, location: null } }, '123'), undefined);
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
