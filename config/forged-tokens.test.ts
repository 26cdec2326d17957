// Proves what the forged-token check sends: a JWT's signature altered in bytes a decoder reads, its
// signature stripped, and its claims unsigned under alg "none"; any other token one letter or digit
// off, in the same form, never in a character that may hold only padding bits, and four characters longer.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hs256Jwt } from '../sandbox/hs256-jwt.ts';
import { jwtPart } from '../testing/test-jwt.ts';
import { FORGERIES, forgedTokens } from './forged-tokens.ts';

const jwt = hs256Jwt({ sub: 'client', scope: 'engage:appointments:readOnly', exp: 2_000_000_000 }, 'test-key');
const [header, claims, signature] = jwt.split('.') as [string, string, string];

/** The indexes where `a` and `b`, of one length, differ. */
const differences = (a: string, b: string) =>
  [...a].flatMap((character, index) => (character === b[index] ? [] : [index]));

it('forges three tokens from a signed JWT: its signature altered in its first bytes, stripped, and its claims under alg none', () => {
  const altered = `${header}.${claims}.${forgedTokens(jwt)[FORGERIES.alteredSignature]?.split('.')[2]}`;
  assert.deepEqual(forgedTokens(jwt), {
    [FORGERIES.alteredSignature]: altered,
    [FORGERIES.strippedSignature]: `${header}.${claims}.`,
    [FORGERIES.unsigned]: `${jwtPart({ alg: 'none', typ: 'JWT' })}.${claims}.`,
    [FORGERIES.unsignedCapitalised]: `${jwtPart({ alg: 'None', typ: 'JWT' })}.${claims}.`,
    [FORGERIES.unsignedUpperCase]: `${jwtPart({ alg: 'NONE', typ: 'JWT' })}.${claims}.`,
  });
  const alteredSignature = altered.split('.')[2] as string;
  assert.deepEqual(differences(alteredSignature, signature), [0]);
  assert.notDeepEqual(Buffer.from(alteredSignature, 'base64url'), Buffer.from(signature, 'base64url'));
  // A signature that starts with - or _ is altered in the letter or digit after it.
  const dashed = forgedTokens(`${header}.${claims}.-${signature.slice(1)}`)[FORGERIES.alteredSignature] as string;
  assert.deepEqual(differences(dashed.split('.')[2] as string, `-${signature.slice(1)}`), [1]);
});

it('changes one letter or digit of any other token near its middle, into another of its kind, only where another follows; else puts a 0 in front', () => {
  for (const [token, expected] of [
    ['abcdef', 'abceef'],
    ['sandbox-token-123', 'sandbox-uoken-123'],
    ['aZ9', 'aA9'],
    // The last character before padding, a dot or the end may carry bits a decoder ignores.
    ['abc=', 'acc='],
    ['zzz=', 'zaz='],
    ['ab.cd.ef', 'ab.dd.ef'],
    ['9', '09'],
    ['-----x', '0-----x'],
    ['E/E=', '0E/E='],
    ['', '0'],
  ] as const)
    assert.equal(forgedTokens(token)[FORGERIES.oneCharacterChanged], expected, token);
  // A JWE (five parts) is no signed JWT: it gets one character changed, one that another follows.
  assert.equal(forgedTokens('aaaa.bbbb.cccc.dddd.eeee')[FORGERIES.oneCharacterChanged], 'aaaa.bbbb.ccdc.dddd.eeee');
});

it('appends four characters to any other token, which a provider comparing a prefix takes, and none to a signed JWT', () => {
  assert.deepEqual(forgedTokens('sandbox-token-123'), {
    [FORGERIES.oneCharacterChanged]: 'sandbox-uoken-123',
    [FORGERIES.appended]: 'sandbox-token-123AAAA',
  });
  // Base64 of random bytes, read back by a lenient decoder: three bytes more, not the same ones, its
  // padding kept last.
  for (const key of ['a random key of 24 bytes', 'a key of 23 bytes, padded']) {
    const base64 = Buffer.from(key).toString('base64');
    const appended = forgedTokens(base64)[FORGERIES.appended] as string;
    assert.notDeepEqual(Buffer.from(appended, 'base64'), Buffer.from(base64, 'base64'), base64);
    assert.match(appended, /^[A-Za-z0-9+/]+=*$/, 'padding only at the end');
  }
  assert.equal(forgedTokens('dG9rZW4=')[FORGERIES.appended], 'dG9rZW4AAAA=');
  assert.equal(forgedTokens(jwt)[FORGERIES.appended], undefined);
});
