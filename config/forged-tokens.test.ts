// Proves what the forged-token check sends: a JWT's signature altered in bytes a decoder reads, and
// its claims unsigned under alg "none"; any other token one letter or digit off, in the same form.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { it } from 'node:test';
import { FORGERIES, forgedTokens } from './forged-tokens.ts';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = part({ sub: 'client', scope: 'engage:appointments:readOnly', exp: 2_000_000_000 });
const signed = `${part({ alg: 'HS256', typ: 'JWT' })}.${claims}`;
const signature = createHmac('sha256', 'key').update(signed).digest('base64url');
const jwt = `${signed}.${signature}`;

/** The indexes where `a` and `b`, of one length, differ. */
const differences = (a: string, b: string) =>
  [...a].flatMap((character, index) => (character === b[index] ? [] : [index]));

it('forges two tokens from a JWT: its signature altered in its first bytes, and its claims under alg none, unsigned', () => {
  const forged = forgedTokens(jwt);
  assert.deepEqual(Object.keys(forged), [FORGERIES.alteredSignature, FORGERIES.unsigned]);
  const altered = forged[FORGERIES.alteredSignature] as string;
  assert.ok(altered.startsWith(`${signed}.`));
  const alteredSignature = altered.slice(signed.length + 1);
  assert.deepEqual(differences(alteredSignature, signature), [0]);
  assert.notDeepEqual(Buffer.from(alteredSignature, 'base64url'), Buffer.from(signature, 'base64url'));
  const [header, payload, empty] = (forged[FORGERIES.unsigned] as string).split('.');
  assert.deepEqual(JSON.parse(Buffer.from(header as string, 'base64url').toString()), { alg: 'none', typ: 'JWT' });
  assert.equal(payload, claims);
  assert.equal(empty, '');
});

it('changes one letter or digit of any other token, near its middle and into another of its kind, never its last', () => {
  for (const [token, expected] of [
    ['abcdef', 'abceef'],
    ['sandbox-token-123', 'sandbox-uoken-123'],
    ['aZ9', 'aA9'],
    ['zzz=', 'zza='],
    ['9', '0'],
    ['-----x', '-----x0'],
    ['', '0'],
  ] as const) {
    const forged = forgedTokens(token);
    assert.deepEqual(Object.keys(forged), [FORGERIES.oneCharacterChanged], token);
    assert.equal(forged[FORGERIES.oneCharacterChanged], expected, token);
  }
});
