// The base URL as a guard sees it: tricky spellings of the production host are recognised as
// production wherever the suite reads the URL (Node config, then k6), or refused with one line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProductionUrl } from '../load/lib/load-options.ts';
import { readRunShape } from '../load/lib/load-settings.ts';
import { ConfigError } from './config-error.ts';
import { readHttpUrl } from './http-url.ts';

/** What the guard decides for a URL as written: "production", "elsewhere", or "refused". */
function verdict(raw: string): 'production' | 'elsewhere' | 'refused' {
  let url: string;
  try {
    url = readHttpUrl('ENGAGE_BASE_URL', raw);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return 'refused';
  }
  // What npm run load hands to k6, which reads it again.
  try {
    readRunShape({ ENGAGE_BASE_URL: url });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return 'refused';
  }
  return isProductionUrl(url) ? 'production' : 'elsewhere';
}

describe('the production and rate-limit guards read the host a request really reaches', () => {
  const table: Array<[string, ReturnType<typeof verdict>]> = [
    ['https://api.pexipengage.com', 'production'],
    ['http://engage_api:8080', 'elsewhere'],
    ['https://staging.test/v1/@team', 'elsewhere'],
    ['https://api.pexipengage.com.', 'production'],
    ['https://API.PexipEngage.COM/', 'production'],
    ['https://api.pexipengage.com:443', 'production'],
    ['https://api.pexipengage.com/v1/', 'production'],
    ['https://ａｐｉ.pexipengage.com', 'production'],
    ['https://api.pexipengage.com\\.evil.test', 'refused'],
    ['https://api.pexipengage.com\\@evil.test', 'refused'],
    ['https://user@api.pexipengage.com', 'refused'],
    ['https://api.pexipengage.com?x=1', 'refused'],
    ['https://0x7f.1', 'refused'],
    ['https://api.pexipengage.com.evil.test', 'elsewhere'],
    ['https://api.pexipengage.community', 'elsewhere'],
    ['https://evil.test/api.pexipengage.com', 'elsewhere'],
    ['https://api.development.pexipengage.com', 'elsewhere'],
    ['https://bücher.example', 'elsewhere'],
    ['http://127.0.0.1:8080', 'elsewhere'],
    ['http://[::1]:8080', 'elsewhere'],
  ];
  for (const [url, expected] of table) it(`${url}: ${expected}`, () => assert.equal(verdict(url), expected));

  it('say what is wrong with a URL whose host is not the one it spells, in one line', () => {
    assert.throws(
      () => readHttpUrl('ENGAGE_BASE_URL', 'https://api.pexipengage.com\\.evil.test'),
      /^ConfigError: ENGAGE_BASE_URL "https:\/\/api\.pexipengage\.com\\\.evil\.test" reaches the host "api\.pexipengage\.com", not the one it spells/,
    );
  });
  it('never repeat what may be credentials before an @ in the refusal', () => {
    assert.throws(
      () => readHttpUrl('ENGAGE_TOKEN_URL', 'https://s3cr3t\\@idp.test/token'),
      (error: Error) => !error.message.includes('s3cr3t') && /reaches another host/.test(error.message),
    );
  });
  it('refuse a query or fragment, showing the URL without it', () => {
    assert.throws(
      () => readHttpUrl('ENGAGE_BASE_URL', 'https://api.example.test/v1?access_token=s3cr3t'),
      (error: Error) =>
        error.message ===
        'ENGAGE_BASE_URL must not have a query or fragment: give "https://api.example.test/v1", without what follows it',
    );
  });
  it('never repeat a query or fragment, where a token may be, in any refusal', () => {
    for (const raw of [
      'https://api.example.test:99999/?access_token=s3cr3t',
      'https://api.example.test\\x/?access_token=s3cr3t',
      'https://api.example.test/#client_secret=s3cr3t',
      'not a url?access_token=s3cr3t',
    ])
      assert.throws(
        () => readHttpUrl('ENGAGE_BASE_URL', raw),
        (error: Error) => error instanceof ConfigError && !error.message.includes('s3cr3t'),
        raw,
      );
    assert.throws(
      () => readRunShape({ ENGAGE_BASE_URL: 'https://api.example.test/?access_token=s3cr3t' }),
      (error: Error) =>
        /ENGAGE_BASE_URL the value is not a plain/.test(error.message) && !error.message.includes('s3cr3t'),
    );
  });
  it('refuse in k6 what Node would not pass on', () => {
    for (const raw of ['https://user@api.pexipengage.com', 'https://ａｐｉ.pexipengage.com', 'http://a.test\\b'])
      assert.throws(() => readRunShape({ ENGAGE_BASE_URL: raw }), /is not a plain http\(s\) URL/, raw);
  });
});
