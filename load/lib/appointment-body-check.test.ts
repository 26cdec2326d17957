// Proves the k6 body check: the docs example passes, and the first wrong field is named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docsAppointmentResponse } from '../../schemas/docs-examples.ts';
import { appointmentBodyProblem } from './appointment-body-check.ts';

describe('the body check', () => {
  it('accepts the docs example and names the first wrong field', () => {
    const body = docsAppointmentResponse();
    assert.equal(appointmentBodyProblem(body, '123'), undefined);
    assert.equal(appointmentBodyProblem(body, '124'), 'data.id is "123", not "124"');
    assert.equal(
      appointmentBodyProblem({ ...body, data: { ...body.data, status: 'LATE' } }, '123'),
      'status "LATE" is not documented',
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
    assert.equal(appointmentBodyProblem({ appointment: body.data }, '123'), 'no data object');
    assert.equal(appointmentBodyProblem({ ...body, data: { ...body.data, location: null } }, '123'), undefined);
  });
});
