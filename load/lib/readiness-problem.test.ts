// Proves setup()'s readiness line: what came, and the setting to check where the answer points at one.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readinessProblem } from './readiness-problem.ts';

it('says what came, and names the setting a 401, 403 or 404 points at', () => {
  const problem = (status: number, credentials: 'static-token' | 'client-credentials' = 'static-token') =>
    readinessProblem('http://staging', '123', { status, error: 'dial: connection refused' }, credentials);
  assert.equal(
    problem(0),
    'the target http://staging is not ready: GET appointment 123 got no answer (dial: connection refused)',
  );
  assert.match(problem(401), /got HTTP 401; the token was refused: check ENGAGE_TOKEN$/);
  assert.match(problem(401, 'client-credentials'), /check ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET$/);
  assert.match(problem(403), /got HTTP 403; the token lacks the scope engage:appointments:readOnly or /);
  assert.match(
    problem(404),
    /got HTTP 404; check the ids \(ENGAGE_APPOINTMENT_IDS, ENGAGE_APPOINTMENT_IDS_FILE\) and ENGAGE_ENTERPRISE$/,
  );
  assert.equal(problem(500), 'the target http://staging is not ready: GET appointment 123 got HTTP 500');
});
