// Pins what every layer takes for a JSON answer to one list of examples.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isJsonMediaType, JSON_MEDIA_TYPE_PATTERN } from './json-media-type.ts';

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
