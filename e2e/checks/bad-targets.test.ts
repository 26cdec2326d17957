// Proves the e2e probe and checks report a bad target clearly and within the request timeout:
// unreachable, resetting connections, never answering, storming 5xx, malformed JSON, or the wrong
// content type; and never with the token.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { appointmentPath } from '../../config/api-facts.ts';
import { exactTransport } from '../../config/exact-request.ts';
import { BAD_TARGET_KINDS, badTargetPool } from '../../testing/bad-targets.ts';
import { createProbe } from '../http-probe.ts';
import { checkAppointmentResponse } from './response-checks.ts';

const targets = badTargetPool();
after(() => targets.closeAll());

describe('the e2e probe and checks against a bad target', () => {
  const expected: Record<(typeof BAD_TARGET_KINDS)[number], RegExp> = {
    unreachable: /^GET http:\/\/127\.0\.0\.1:\d+\/enterprises\/acme\/appointments\/123 failed: connect ECONNREFUSED/,
    'resets connections': /failed: (connect ECONNRESET|socket hang up|read ECONNRESET)/,
    'never answers': /failed: no answer within 1500 ms/,
    // The body as it came, not quoted again as a JSON string (\" for each quote).
    'storms of 5xx': /HTTP 503, expected 200 \(body: \{"errors":\[\{"message":"overloaded",/,
    'malformed JSON': /the body does not parse as JSON \(it starts "{/,
    'wrong content type': /Content-Type "text\/html" is not JSON/,
  };
  for (const kind of BAD_TARGET_KINDS) {
    it(`reports ${kind} clearly, within the request timeout`, async () => {
      const target = await targets.start(kind);
      const probe = createProbe(
        { baseUrl: target.url, getToken: async () => 'robustness-token' },
        exactTransport(1500),
      );
      const problems = await probe(appointmentPath('acme', '123')).then(
        (response) => checkAppointmentResponse(response, '123', 'GET').join('\n'),
        (error: Error) => error.message,
      );
      assert.match(problems, expected[kind]);
      assert.doesNotMatch(problems, /robustness-token/);
    });
  }
});
