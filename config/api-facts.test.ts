// Pins the shared facts: what every layer takes for a JSON answer, to one list of examples, and the
// translatable fields, to the schema they come from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import locationSchema from '../schemas/location.schema.json' with { type: 'json' };
import {
  ASSUMED_TOKEN_LIFETIME_SECONDS,
  backoffSeconds,
  isJsonMediaType,
  JSON_MEDIA_TYPE_PATTERN,
  RETRY_AFTER_CEILING_SECONDS,
  retryAfterSeconds,
  TRANSLATABLE_FIELDS,
  tokenLifetimeSeconds,
} from './api-facts.ts';

describe('the translatable fields', () => {
  it("are the schema's own", () => {
    assert.deepEqual([...TRANSLATABLE_FIELDS], Object.keys(locationSchema.properties.translations.properties));
  });
});

describe('a JSON media type', () => {
  for (const accepted of [
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset=UTF-8',
    'application/problem+json',
    'application/vnd.engage.v1+json; charset=utf-8',
  ])
    it(`accepts ${accepted}`, () => assert.ok(isJsonMediaType(accepted)));
  for (const refused of ['text/plain', 'text/json', 'application/jsonp', 'application/json-seq', '', undefined, null])
    it(`refuses ${JSON.stringify(refused)}`, () => assert.ok(!isJsonMediaType(refused)));
  it('is one pattern, the one the pact carries, with no JavaScript-only syntax', () => {
    assert.doesNotMatch(JSON_MEDIA_TYPE_PATTERN, /\(\?[a-z]/, 'no inline flags: the pact is matched in Rust');
    assert.ok(new RegExp(JSON_MEDIA_TYPE_PATTERN).test('application/json'));
  });
});

it('backs off exponentially after 429s, up to a ceiling, or as long as a Retry-After asks, up to another', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 10].map((times) => backoffSeconds(times)),
    [0.5, 1, 2, 4, 8],
  );
  assert.deepEqual(
    [backoffSeconds(1, 3), backoffSeconds(4, 1), backoffSeconds(1, 20), backoffSeconds(1, 3600)],
    [3, 4, 20, RETRY_AFTER_CEILING_SECONDS],
  );
});

it('reads a Retry-After as seconds or as an HTTP date, and anything else as nothing to wait for', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');
  const cases: Array<[string | undefined, number]> = [
    ['3', 3],
    [' 120 ', 120],
    ['0', 0],
    ['Sun, 29 Nov 2026 10:00:05 GMT', 5],
    ['Sunday, 29-Nov-26 10:00:05 GMT', 5],
    ['Sun Nov 29 10:00:05 2026', 5],
    ['Tue Dec  1 10:00:00 2026', 172800],
    ['Sep 2030 GMT', 0],
    ['Sun, 29 Nov 2026 10:00:05', 0],
    ['Sun, 29 Nov 2026 09:59:00 GMT', 0],
    ['-5', 0],
    ['1.5', 0],
    ['2026', 2026],
    ['soon', 0],
    ['', 0],
    [undefined, 0],
  ];
  assert.deepEqual(
    cases.map(([header]) => [header, retryAfterSeconds(header, now)]),
    cases,
  );
});

it('takes a token to live as its expires_in says, a minute when it says nothing, and refuses a lifetime that is no positive number', () => {
  const cases: Array<[unknown, number | undefined]> = [
    [300, 300],
    [299.5, 299.5],
    ['3599', 3599],
    [' 300 ', 300],
    ['3600.0', 3600],
    [undefined, ASSUMED_TOKEN_LIFETIME_SECONDS],
    [null, ASSUMED_TOKEN_LIFETIME_SECONDS],
    ['', ASSUMED_TOKEN_LIFETIME_SECONDS],
    [0, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    ['9'.repeat(400), undefined],
    ['1e3', undefined],
    [-5, undefined],
    ['soon', undefined],
    [{}, undefined],
  ];
  assert.deepEqual(
    cases.map(([expiresIn]) => [expiresIn, tokenLifetimeSeconds(expiresIn)]),
    cases,
  );
});
