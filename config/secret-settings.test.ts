// What a refusal or a quoted answer may repeat of a secret: nothing, whole or in pieces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jwtPart } from '../testing/test-jwt.ts';
import { withoutPiecesOf, withoutSecretValues } from './secret-settings.ts';

describe('withoutSecretValues', () => {
  it('masks the value of each secret setting, and leaves values too short to tell from text', () => {
    const environment = { ENGAGE_TOKEN: 'token-value-123', PACT_BROKER_TOKEN: 'short', ENGAGE_BASE_URL: 'https://x' };
    assert.equal(
      withoutSecretValues('sent token-value-123 and short to https://x', environment),
      'sent [redacted] and short to https://x',
    );
  });
});

describe('withoutPiecesOf', () => {
  const secret = 'opaque.token+payload-part-0123456789/signature-XYZ';
  it('masks the secret whole, and each run of 8 or more of its characters, once per run', () => {
    assert.equal(withoutPiecesOf(`Bearer ${secret} refused`, secret), 'Bearer [redacted] refused');
    assert.equal(
      withoutPiecesOf(`token ${secret.slice(0, 20)}… and ${secret.slice(25, 40)} unknown`, secret),
      'token [redacted]… and [redacted] unknown',
    );
  });
  it("of a JWT, masks pieces of its signature alone: another token of its issuer (a video URL's) is left as it is", () => {
    const header = jwtPart({ alg: 'RS256', typ: 'JWT', kid: 'issuer-key-1' });
    const jwt = `${header}.${jwtPart({ sub: 'suite-client', scope: 'engage:appointments:readOnly' })}.kX9fQ2LmZp7RtWv3NsYb8HcJdE4gA1uO`;
    const other = `${header}.${jwtPart({ sub: 'video-guest', scope: 'video' })}.Qm3TzR8vLp2WxY6nBk9HsJ4fDc7GaE1o`;
    const videoUrl = `https://video.example/join?token=${other}`;
    assert.equal(withoutPiecesOf(videoUrl, jwt), videoUrl);
    assert.equal(withoutPiecesOf(`token …${jwt.slice(-20)} refused`, jwt), 'token …[redacted] refused');
  });
  it('leaves text that shares fewer than 8 characters in a row with the secret, and an empty secret', () => {
    assert.equal(withoutPiecesOf('its payload is not found', secret), 'its payload is not found');
    assert.equal(withoutPiecesOf('not found', ''), 'not found');
  });
});
