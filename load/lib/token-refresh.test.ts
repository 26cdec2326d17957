// Proves when a VU fetches a new token: a margin before expiry, never for a static token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issuedToken, lastingToken, tokenNeedsRefresh } from './token-refresh.ts';

describe('token refresh', () => {
  /** A clock that reads `milliseconds`. */
  const at = (milliseconds: number) => () => milliseconds;
  it('happens shortly before expiry, and never for a static token', () => {
    const token = issuedToken('t', 300, 0);
    assert.equal(tokenNeedsRefresh(token, at(269_999)), false);
    assert.equal(tokenNeedsRefresh(token, at(270_000)), true);
    assert.equal(tokenNeedsRefresh(issuedToken('t', 60, 0), at(54_000)), true);
    assert.equal(tokenNeedsRefresh(lastingToken('t'), at(Number.MAX_SAFE_INTEGER)), false);
  });
  it('reads no clock for a static token, which is asked about on every lookup', () => {
    assert.equal(
      tokenNeedsRefresh(lastingToken('t'), () => assert.fail('the clock was read')),
      false,
    );
  });
});
