// Proves the one wording of a GET appointment that did not answer 200: what came, and the setting to
// check where the answer points at one.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeAnswer } from './answer-remedy.ts';

it('says what came, and names the setting a 401, 403 or 404 points at', () => {
  const described = (status: number, credentials: 'static-token' | 'client-credentials' = 'static-token') =>
    describeAnswer('123', { status, error: 'dial: connection refused' }, credentials);
  assert.equal(described(0), 'GET appointment 123 got no answer (dial: connection refused)');
  assert.equal(described(401), 'GET appointment 123 got HTTP 401; the token was refused: check ENGAGE_TOKEN');
  assert.match(described(401, 'client-credentials'), /check ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET$/);
  assert.match(described(403), /got HTTP 403; the token lacks the scope engage:appointments:readOnly or /);
  assert.equal(
    described(404),
    'GET appointment 123 got HTTP 404; no such appointment: check the id and ENGAGE_ENTERPRISE',
  );
  assert.equal(described(500), 'GET appointment 123 got HTTP 500');
});
