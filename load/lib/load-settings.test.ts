// Proves how the k6 settings are read from __ENV: what is required, the defaults, and the run's
// shape apart from its target.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appointmentIdsFromFile, readLoadSettings, readRunShape } from './load-settings.ts';

const environment = {
  ENGAGE_BASE_URL: 'https://api.development.pexipengage.com',
  ENGAGE_ENTERPRISE: 'acme',
  ENGAGE_TOKEN: 't',
  ENGAGE_APPOINTMENT_IDS: 'a,b',
};

describe('settings', () => {
  it('read ids, languages and credentials, and name what is missing', () => {
    assert.deepEqual(readLoadSettings(environment).appointmentIds, ['a', 'b']);
    assert.deepEqual(readLoadSettings({ ...environment, ENGAGE_LOAD_LANGUAGES: 'nl, fr' }).languages, ['nl', 'fr']);
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_TOKEN: '' }),
      /ENGAGE_TOKEN is required when ENGAGE_BASE_URL is set \(or set ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET\)$/,
    );
    // A URL that may carry credentials is refused without repeating it.
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_BASE_URL: 'https://user:hunter2@api.test' }),
      (error: Error) =>
        /ENGAGE_BASE_URL the value is not a plain/.test(error.message) && !error.message.includes('hunter2'),
    );
    assert.throws(
      () =>
        readLoadSettings({
          ...environment,
          ENGAGE_TOKEN: '',
          ENGAGE_TOKEN_URL: 'https://id:hunter2@auth.test/token',
          ENGAGE_CLIENT_ID: 'c',
          ENGAGE_CLIENT_SECRET: 's',
        }),
      (error: Error) =>
        /ENGAGE_TOKEN_URL the value is not a plain/.test(error.message) && !error.message.includes('hunter2'),
    );
    // A blank language list is the default one, not no header at all.
    assert.deepEqual(
      readLoadSettings({ ...environment, ENGAGE_LOAD_LANGUAGES: ' ' }).languages,
      readLoadSettings(environment).languages,
    );
    // The suite's own number rule (config/read-number.ts): no silent fallback for a bad timeout.
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_REQUEST_TIMEOUT_MS: '5' }),
      /ENGAGE_REQUEST_TIMEOUT_MS is "5" but must be a whole number of milliseconds from 100 to 600000/,
    );
    // The suite's own credential rule (config/auth-choice.ts): never both, and all three or none.
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_CLIENT_ID: 'c' }),
      /ENGAGE_TOKEN and the client credentials \(ENGAGE_CLIENT_ID\) are both set/,
    );
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_TOKEN: '', ENGAGE_CLIENT_ID: 'c' }),
      /ENGAGE_TOKEN_URL is required with ENGAGE_CLIENT_ID: client credentials need all three/,
    );
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_APPOINTMENT_IDS: '' }),
      /ENGAGE_APPOINTMENT_IDS .* is required/,
    );
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_BASE_URL: 'nope' }),
      /ENGAGE_BASE_URL "nope" is not a plain http\(s\) URL/,
    );
    // The suite's own base URL rule (config/api-facts.ts): the appointments path is the suite's to add.
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_BASE_URL: 'https://api.test/enterprises' }),
      /^ConfigError: ENGAGE_BASE_URL ends in \/enterprises, a path the suite adds to it: set the API's base URL, https:\/\/api\.test$/,
    );
    // An on/off setting with a word of neither list is refused, not read as off.
    assert.throws(
      () => readLoadSettings({ ...environment, ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT: 'ture' }),
      /ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT is "ture", which is neither on nor off: use true\/false, 1\/0, yes\/no or on\/off$/,
    );
    assert.equal(readLoadSettings({ ...environment, ENGAGE_LOAD_CONFIRM_PRODUCTION: 'Yes' }).confirmProduction, true);
    // Durations as k6 reads them, above zero.
    for (const duration of ['30s', '1m30s', '1.5h', '1000ms'])
      assert.equal(readLoadSettings({ ...environment, ENGAGE_LOAD_DURATION: duration }).duration, duration);
    // Below a second, k6's arrival-rate scenarios refuse it in words of their own.
    for (const duration of ['0s', '0m0s', '500ms', '0.5s', 'soon', '5', '5 s'])
      assert.throws(
        () => readLoadSettings({ ...environment, ENGAGE_LOAD_DURATION: duration }),
        /ENGAGE_LOAD_DURATION ".*" is not a duration of 1s or more, such as 30s, 1m30s or 2h$/,
        duration,
      );
  });
});

describe("a target's own rate limit", () => {
  it('is the documented one unless given, and never above it: going above is another setting', () => {
    assert.deepEqual(readRunShape({}).rateLimit, { perMinute: 3000, concurrent: 4 });
    assert.deepEqual(
      readRunShape({ ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE: ' 600 ', ENGAGE_LOAD_RATE_LIMIT_CONCURRENT: '1' }).rateLimit,
      { perMinute: 600, concurrent: 1 },
    );
    assert.throws(
      () => readRunShape({ ENGAGE_LOAD_RATE_LIMIT_CONCURRENT: '8' }),
      /^ConfigError: ENGAGE_LOAD_RATE_LIMIT_CONCURRENT is "8" but must be a whole number of requests at once from 1 to 4$/,
    );
    assert.throws(
      () => readRunShape({ ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE: '100' }),
      /^ConfigError: ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE is "100" but must be a whole number of requests a minute from 150 to 3000$/,
    );
  });
});

describe('an ids file', () => {
  const read = (text: string) => () => text;
  it('holds strings and whole numbers, a number read as its text, each trimmed', () => {
    assert.deepEqual(appointmentIdsFromFile('ids.json', read('[123, " a-office-accepted "]')), [
      '123',
      'a-office-accepted',
    ]);
  });
  it('that cannot be read, or holds anything but a list of ids, is one line naming the variable and the file', () => {
    const unreadable = () => {
      throw new Error('stat ids.json: no such file or directory');
    };
    assert.throws(
      () => appointmentIdsFromFile('ids.json', unreadable),
      /^ConfigError: ENGAGE_APPOINTMENT_IDS_FILE ids\.json cannot be read \(stat ids\.json: no such file or directory\)$/,
    );
    assert.throws(() => appointmentIdsFromFile('ids.json', read('[1,')), /ids\.json is not JSON$/);
    for (const text of ['{"ids": [1]}', '[]', '[1, null]', '[" "]', '[{"id": 1}]', '[1.5]', '[12345678901234567890]'])
      assert.throws(
        () => appointmentIdsFromFile('ids.json', read(text)),
        /ids\.json must hold a JSON array of appointment ids, strings or whole numbers below 2\^53, at least one$/,
        text,
      );
  });
});
