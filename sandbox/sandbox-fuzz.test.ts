// Property-based proof that no input breaks the sandbox: random ids, correlation ids, Accept-Language
// values and tokens never produce a 5xx, and every body matches the 200 or the errors schema.
// Bounded: a fixed number of runs and a time budget. Sent exactly as generated: Node's fetch would
// add `accept-language: *` to every request that has none.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { exactTransport } from '../config/exact-request.ts';
import { formatViolations, SchemaId, validateAgainstSchema } from '../schemas/schema-registry.ts';
import { type RunningSandbox, startSandbox } from './start-sandbox.ts';

let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

const headerValue = fc
  .oneof(
    fc.string({ maxLength: 60, unit: 'binary' }),
    fc.constantFrom(
      'en *',
      '*',
      'nl-BE, fr;q=0.5',
      'EN;Q=0.9',
      'en;q=0',
      '../../etc',
      "' OR 1=1 --",
      '<script>',
      'x'.repeat(600),
    ),
  )
  // Only what HTTP lets a client send in a header value.
  .map((value) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, ''));
const id = fc.oneof(
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.constantFrom('123', '..', '../123', '%2e%2e%2f', "1' OR '1'='1", '{{7*7}}', 'x'.repeat(5000), '%', '%00'),
);

const send = exactTransport();

it('never answers 5xx, and always with a body one of the schemas accepts', async () => {
  await fc.assert(
    fc.asyncProperty(
      id,
      fc.option(headerValue, { nil: undefined }),
      fc.option(headerValue, { nil: undefined }),
      fc.constantFrom('Bearer sandbox-token', 'Bearer sandbox-token-no-scope', 'Bearer x', ''),
      async (appointmentId, correlationId, acceptLanguage, authorization) => {
        const headers: Record<string, string> = { authorization };
        if (correlationId !== undefined) headers['x-correlation-id'] = correlationId;
        if (acceptLanguage !== undefined) headers['accept-language'] = acceptLanguage;
        const path = /%/.test(appointmentId) ? appointmentId : encodeURIComponent(appointmentId);
        // Through the URL parser, as a client would send it: a raw "%" id stays, a space is escaped.
        const url = new URL(`${sandbox.url}/enterprises/acme/appointments/${path}`).href;
        const response = await send('GET', url, headers);
        assert.ok(response.status < 500, `HTTP ${response.status} for id ${JSON.stringify(appointmentId)}`);
        const body = JSON.parse(response.text);
        const schema = response.status === 200 ? SchemaId.appointmentResponse : SchemaId.errorResponse;
        const result = validateAgainstSchema(schema, body);
        assert.ok(result.valid, result.valid ? '' : formatViolations(result.violations));
      },
    ),
    { numRuns: 2000, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false },
  );
});
