// Proves the wording of failed answers: the setting a 401, 403, 404 or redirect of a configured
// appointment points at, in the preflight's words, and an error body that is no JSON saying so.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ProbeResponse } from '../http-probe.ts';
import { checkErrorResponse, checkOkJson, withRemedy } from './response-checks.ts';

/** Where the answers came from. */
const sentTo = 'http://api.test/enterprises/acme/appointments/123';

/** An answer with `status`, and the errors envelope unless `envelope` is false. */
const answer = (status: number, envelope = true): ProbeResponse => {
  const json = envelope ? { errors: [{ message: 'm', code: 'c', type: 't', statusCode: String(status) }] } : undefined;
  return { status, headers: {}, text: JSON.stringify(json ?? ''), json, durationMilliseconds: 1 };
};

it('takes a JSON 200 whose bytes are UTF-8, whatever charset its Content-Type names, and refuses one whose bytes are not', () => {
  const ok = (contentType: string, notUtf8?: true): ProbeResponse => ({
    status: 200,
    headers: { 'content-type': contentType },
    text: '{}',
    json: {},
    durationMilliseconds: 1,
    ...(notUtf8 ? { notUtf8 } : {}),
  });
  for (const contentType of [
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;Charset="UTF-8"',
    'application/json; charset=utf8',
    // A label a recipient ignores (RFC 8259 §11): the bytes decide.
    'application/json; charset=us-ascii',
  ])
    assert.deepEqual(checkOkJson(ok(contentType), 'GET'), [], contentType);
  assert.deepEqual(checkOkJson(ok('application/json; charset=iso-8859-1', true), 'GET'), [
    'GET: the body is not UTF-8, which JSON between systems is (RFC 8259); Content-Type "application/json; charset=iso-8859-1"',
  ]);
  // An error body too.
  const latin1Error = { ...answer(404), headers: { 'content-type': 'application/json' }, notUtf8: true as const };
  assert.deepEqual(checkErrorResponse(latin1Error, 404, 'an unknown id'), [
    'an unknown id: the body is not UTF-8, which JSON between systems is (RFC 8259)',
  ]);
});

it('names the setting a 404, 401 or 403 points at, and nothing for another status', () => {
  assert.equal(
    withRemedy('GET: HTTP 404, expected 200', answer(404), 'static-token', sentTo),
    'GET: HTTP 404, expected 200; no such appointment: check the id and ENGAGE_ENTERPRISE',
  );
  assert.equal(
    withRemedy('GET: HTTP 401, expected 200', answer(401), 'static-token', sentTo),
    'GET: HTTP 401, expected 200; the token was refused: check ENGAGE_TOKEN',
  );
  assert.match(
    withRemedy('GET: HTTP 403, expected 200', answer(403), 'client-credentials', sentTo),
    /; the token lacks the appointments scope: set ENGAGE_SCOPE/,
  );
  assert.equal(
    withRemedy('GET: HTTP 500, expected 200', answer(500), 'static-token', sentTo),
    'GET: HTTP 500, expected 200',
  );
});

it('names ENGAGE_BASE_URL for a 404 without the errors body: not the appointments API', () => {
  assert.match(
    withRemedy('GET: HTTP 404, expected 200', answer(404, false), 'static-token', sentTo),
    /check ENGAGE_BASE_URL$/,
  );
});

it("names the base URL a redirect leads to, resolving a relative Location against the target's URL", () => {
  const redirect: ProbeResponse = {
    status: 301,
    headers: { location: '/v1/enterprises/acme/appointments/123' },
    text: '',
    json: undefined,
    durationMilliseconds: 1,
  };
  assert.equal(
    withRemedy(
      'GET: HTTP 301, expected 200',
      redirect,
      'static-token',
      'http://api.test/enterprises/acme/appointments/123',
    ),
    'GET: HTTP 301, expected 200; a redirect, which the API does not answer with: set ENGAGE_BASE_URL to http://api.test/v1',
  );
});

it('says an error body that is no JSON is empty or how it starts, and lists the violations of one that is', () => {
  const html = '<html><body><h2>HTTP ERROR 404 Not Found</h2></body></html>';
  const page = { ...answer(404, false), headers: { 'content-type': 'text/html' }, text: html };
  assert.deepEqual(checkErrorResponse(page, 404, 'an unknown id'), [
    'an unknown id: Content-Type "text/html" is not JSON',
    `an unknown id: the body is not the errors envelope: the body does not parse as JSON (it starts ${JSON.stringify(html)})`,
  ]);
  const empty = { ...answer(404, false), headers: { 'content-type': 'application/json' }, text: '' };
  assert.deepEqual(checkErrorResponse(empty, 404, 'an unknown id'), [
    'an unknown id: the body is not the errors envelope: the body is empty',
  ]);
  const numeric = { ...answer(404), headers: { 'content-type': 'application/json' } };
  numeric.json = { errors: [{ message: 'm', code: 'c', type: 't', statusCode: 404 }] };
  assert.deepEqual(checkErrorResponse(numeric, 404, 'an unknown id'), [
    'an unknown id: the body is not the errors envelope:\n/errors/0/statusCode: must be string (got 404) [type]',
  ]);
});
