// Proves the toMatchSchema matcher: it passes the docs' example, and for a broken body it fails with
// every violation on a line of its own, path, rule and value, as Playwright then prints it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ExpectMatcherState } from '@playwright/test';
import { docsAppointmentResponse } from '../../schemas/docs-examples.ts';
import { SchemaId } from '../../schemas/schema-registry.ts';
import { toMatchSchema } from './to-match-schema.ts';

const matcherState = {} as ExpectMatcherState;

it('passes the docs example', () => {
  const result = toMatchSchema.call(matcherState, docsAppointmentResponse(), SchemaId.appointmentResponse);
  assert.equal(result.pass, true);
  assert.equal(result.message(), 'expected the body not to match appointment-response.schema.json');
});

it('fails a body with two wrong enums and lists both violations', () => {
  const body = docsAppointmentResponse() as { data: Record<string, unknown> };
  Object.assign(body.data, { status: 'POSTPONED', meetingType: 'TELEPATHY' });
  const result = toMatchSchema.call(matcherState, body, SchemaId.appointmentResponse);
  assert.equal(result.pass, false);
  const [first, ...lines] = result.message().split('\n');
  assert.equal(first, 'expected the body to match appointment-response.schema.json; 2 violation(s):');
  assert.equal(lines.length, 2, result.message());
  assert.ok(lines.some((line) => /^\/data\/status: must be one of .* \(got "POSTPONED"\) \[enum\]$/.test(line)));
  assert.ok(lines.some((line) => /^\/data\/meetingType: must be one of .* \(got "TELEPATHY"\) \[enum\]$/.test(line)));
});
