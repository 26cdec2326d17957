// Proves the contract and the schemas stay in step: every example body in the pact written by the
// consumer tests is valid under schemas/, and a pact whose examples break a schema is caught.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RFC3339_DATE_TIME_PATTERN } from '../schemas/date-time.ts';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { layOver, pactExampleViolations } from '../testing/pact-examples.ts';
import { PACT_FILE } from './participants.ts';

const readPact = () => JSON.parse(readFileSync(PACT_FILE, 'utf8'));

describe('the pact written by the consumer tests', () => {
  it('has example bodies that the schemas accept', () => {
    const pact = readPact();
    assert.ok(pact.interactions.length >= 4);
    assert.deepEqual(pactExampleViolations(pact, docsAppointmentResponse()), []);
  });
  it('matches start, end, createdAt and updatedAt with the one RFC 3339 pattern', () => {
    const rules = readPact().interactions.flatMap((interaction: any) =>
      Object.entries(interaction.response.matchingRules?.body ?? {}).filter(([path]) =>
        /^\$\.data\.(start|end|createdAt|updatedAt)$/.test(path),
      ),
    ) as Array<[string, { matchers: Array<{ match: string; regex?: string }> }]>;
    assert.deepEqual([...new Set(rules.map(([path]) => path))].sort(), [
      '$.data.createdAt',
      '$.data.end',
      '$.data.start',
      '$.data.updatedAt',
    ]);
    for (const [path, { matchers }] of rules)
      assert.deepEqual(matchers, [{ match: 'regex', regex: RFC3339_DATE_TIME_PATTERN }], path);
  });
  it('holds no real token: only the placeholder and the deliberately invalid one', () => {
    const authorizations = readPact().interactions.map(
      (interaction: any) => interaction.request.headers.Authorization?.[0],
    );
    assert.deepEqual(new Set(authorizations), new Set(['Bearer consumer-placeholder-token', 'Bearer invalid-token']));
    assert.doesNotMatch(readFileSync(PACT_FILE, 'utf8'), /sandbox-token|sandbox-client-secret/);
  });
});

describe('a pact whose examples break the schemas', () => {
  const interaction = (status: number, content: unknown) => ({
    description: 'doctored',
    response: { status, body: { content } },
  });
  it('is caught for a 200 example with an undocumented status', () => {
    const [violation] = pactExampleViolations(
      { interactions: [interaction(200, { data: { status: 'POSTPONED' } })] },
      docsAppointmentResponse(),
    );
    assert.match(violation ?? '', /"doctored" \(HTTP 200\):\n\/data\/status: must be one of/);
  });
  it('is caught for an error example with a numeric statusCode', () => {
    const errors = { errors: [{ message: 'm', code: 'c', type: 't', statusCode: 404 }] };
    const [violation] = pactExampleViolations({ interactions: [interaction(404, errors)] }, docsAppointmentResponse());
    assert.match(violation ?? '', /\/errors\/0\/statusCode: must be string/);
  });
  it('is caught for a 200 example outside the data envelope', () => {
    const [violation] = pactExampleViolations(
      { interactions: [interaction(200, { appointment: {} })] },
      docsAppointmentResponse(),
    );
    assert.match(violation ?? '', /must not have the extra property "appointment"/);
  });
});

describe('layOver', () => {
  it('merges objects and lays array items over the base item', () => {
    const merged = layOver({ a: 1, list: [{ x: 1, y: 2 }], keep: true }, { a: 2, list: [{ y: 3 }, { x: 9 }] });
    assert.deepEqual(merged, {
      a: 2,
      list: [
        { x: 1, y: 3 },
        { x: 9, y: 2 },
      ],
      keep: true,
    });
  });
});
