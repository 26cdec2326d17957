// Proves the warnings for credentials a plain http URL would send unencrypted: one per setting, naming
// the host, none for https or this machine's loopback, among the warnings every command prints.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { plainHttpWarnings } from './plain-http-warnings.ts';
import { warnOfUnknownSettings } from './setting-names.ts';

const settings = (base: string, token: string) => ({
  ENGAGE_BASE_URL: base,
  ENGAGE_ENTERPRISE: 'acme',
  ENGAGE_APPOINTMENT_ID: '123',
  ENGAGE_TOKEN_URL: token,
  ENGAGE_CLIENT_ID: 'client',
  ENGAGE_CLIENT_SECRET: 'secret',
});

it('warns of each plain http URL to another host, naming the setting, the host and what it carries', () => {
  const environment = {
    ...settings('http://engage-api.staging.svc:8080', 'http://keycloak.staging.svc/token'),
    PACT_BROKER_BASE_URL: 'http://broker.example',
  };
  assert.deepEqual(plainHttpWarnings(environment), [
    'warning: ENGAGE_BASE_URL is plain http to engage-api.staging.svc: every bearer token would cross the network unencrypted; use https if it serves it',
    'warning: ENGAGE_TOKEN_URL is plain http to keycloak.staging.svc: the client secret and the tokens issued would cross the network unencrypted; use https if it serves it',
    'warning: PACT_BROKER_BASE_URL is plain http to broker.example: the broker token would cross the network unencrypted; use https if it serves it',
  ]);
});

it('says nothing of https, of this machine, or of the embedded sandbox', () => {
  for (const [base, token] of [
    ['https://api.example', 'https://auth.example/token'],
    ['http://127.0.0.1:8080', 'http://localhost:9000/token'],
    ['http://[::1]:8080', 'http://127.0.0.2/token'],
  ] as const) {
    const environment = { ...settings(base, token), PACT_BROKER_BASE_URL: 'https://broker.example' };
    assert.deepEqual(plainHttpWarnings(environment), [], base);
  }
  assert.deepEqual(plainHttpWarnings({}), []);
});

it('is among the warnings every command a user starts prints (npm start, the layers, the broker commands)', () => {
  const printed: string[] = [];
  const error = console.error;
  console.error = (line: string) => printed.push(line);
  try {
    warnOfUnknownSettings({ PACT_BROKER_BASE_URL: 'http://broker.example' });
    // Not again in a layer of npm start, which warned.
    warnOfUnknownSettings({ PACT_BROKER_BASE_URL: 'http://broker.example', ENGAGE_SETTINGS_WARNED: 'true' });
  } finally {
    console.error = error;
  }
  assert.deepEqual(
    printed.filter((line) => line.includes('plain http')),
    [
      'warning: PACT_BROKER_BASE_URL is plain http to broker.example: the broker token would cross the network unencrypted; use https if it serves it',
    ],
  );
});
