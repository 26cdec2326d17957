// Proves a JWT's own expiry is read, an opaque token has none, and only a past one is a problem (a future
// one, for a token that must have expired).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { claimsJwt as jwt } from '../testing/test-jwt.ts';
import { tokenExpiry, tokenExpiryNotes } from './token-expiry.ts';

it("reads a JWT's exp claim, and finds no expiry in an opaque or malformed token", () => {
  assert.deepEqual(tokenExpiry(jwt({ exp: 1_800_000_000 })), new Date(1_800_000_000_000));
  for (const token of ['opaque-token', jwt({ sub: 'x' }), jwt({ exp: '1800000000' }), 'a.%%%.b', 'a.bm90IGpzb24.b'])
    assert.equal(tokenExpiry(token), undefined, token);
});

it('names each token past its expiry with the remedy, and no other', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const past = jwt({ exp: now.getTime() / 1000 - 60 });
  const future = jwt({ exp: now.getTime() / 1000 + 60 });
  assert.deepEqual(
    tokenExpiryNotes(
      [
        { variable: 'ENGAGE_NO_SCOPE_TOKEN', token: past, remedy: 'renew it' },
        { variable: 'ENGAGE_TOKEN', token: future, remedy: 'renew it' },
        { variable: 'OTHER', token: undefined, remedy: 'renew it' },
        { variable: 'OPAQUE', token: 'opaque', remedy: 'renew it' },
      ],
      0,
      now,
    ).problems,
    ['ENGAGE_NO_SCOPE_TOKEN expired at 2026-11-29T11:59:00.000Z (its exp claim): renew it'],
  );
});

it('warns of a token that expires within the run, and of no other', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const at = (minutes: number) => jwt({ exp: now.getTime() / 1000 + minutes * 60 });
  const tokens = (token: string) => [{ variable: 'ENGAGE_TOKEN', token, remedy: 'renew it first' }];
  assert.deepEqual(tokenExpiryNotes(tokens(at(10)), 36 * 60, now).warnings, [
    "warning: ENGAGE_TOKEN expires at 2026-11-29T12:10:00.000Z, within this run's time limits (36 min): checks after that would fail; renew it first",
  ]);
  assert.deepEqual(tokenExpiryNotes(tokens(at(60)), 36 * 60, now).warnings, []);
  assert.deepEqual(tokenExpiryNotes(tokens(at(-1)), 36 * 60, now).warnings, [], 'expired: a problem, not a warning');
});

it('names a token that must have expired while it has not, and no other', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const at = (minutes: number) => jwt({ exp: now.getTime() / 1000 + minutes * 60 });
  const expired = (token: string) => [
    { variable: 'ENGAGE_EXPIRED_TOKEN', token, remedy: 'give one that has', mustHaveExpired: true },
  ];
  assert.deepEqual(tokenExpiryNotes(expired(at(60)), 36 * 60, now), {
    problems: [
      'ENGAGE_EXPIRED_TOKEN has not expired yet (its exp claim: 2026-11-29T13:00:00.000Z), so give one that has',
    ],
    warnings: [],
  });
  for (const token of [at(-1), 'opaque'])
    assert.deepEqual(tokenExpiryNotes(expired(token), 36 * 60, now), { problems: [], warnings: [] }, token);
});
