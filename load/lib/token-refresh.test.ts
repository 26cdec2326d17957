// Proves when a VU fetches a new token: a margin before expiry, never for a static token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issuedToken, lastingToken, tokenNeedsRefresh } from './token-refresh.ts';

describe('token refresh', () => {
  it('happens shortly before expiry, and never for a static token', () => {
    const token = issuedToken('t', 300, 0);
    assert.equal(tokenNeedsRefresh(token, 269_999), false);
    assert.equal(tokenNeedsRefresh(token, 270_000), true);
    assert.equal(tokenNeedsRefresh(issuedToken('t', 60, 0), 54_000), true);
    assert.equal(tokenNeedsRefresh(lastingToken('t'), Number.MAX_SAFE_INTEGER), false);
  });
});
