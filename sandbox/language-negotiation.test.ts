// Proves each language rule of the notes on its own: exact match, no fallback, the default for `*` and
// no header, q-weights over position, q=0 exclusion, case-insensitive tags, region fallback, and
// malformed headers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LanguageValue } from '../schemas/types.generated.ts';
import { type NegotiationRules, parseAcceptLanguage, resolveTranslatable } from './language-negotiation.ts';

const city: LanguageValue[] = [
  { language: 'en', value: 'Ghent' },
  { language: 'nl', value: 'Gent' },
  { language: 'fr', value: 'Gand' },
];
const noEnglish: LanguageValue[] = [
  { language: 'nl', value: 'Brussel' },
  { language: 'fr', value: 'Bruxelles' },
];
const rules: NegotiationRules = { defaultLanguage: 'en', regionFallback: false };

function resolve(header: string | undefined, translations = city, ruleSet = rules) {
  const parsed = parseAcceptLanguage(header);
  assert.ok(parsed.ok, `"${header}" was refused`);
  return resolveTranslatable(translations, parsed.preference, ruleSet)?.language ?? null;
}

describe('a requested language', () => {
  it('that the field has comes back in it', () => assert.equal(resolve('nl'), 'nl'));
  it('that the field lacks gives null, with no fallback', () => assert.equal(resolve('de'), null));
  it('on a field with no translations gives null', () => assert.equal(resolve('en', []), null));
});

describe('the default language', () => {
  it('applies without a header', () => assert.equal(resolve(undefined), 'en'));
  it('applies for *', () => assert.equal(resolve('*'), 'en'));
  it('gives way to any translation when the field lacks it', () => assert.equal(resolve('*', noEnglish), 'nl'));
  it('gives null when the field has no translation', () => assert.equal(resolve(undefined, []), null));
  it('backs "en *" when the field lacks English (the docs example)', () => {
    assert.equal(resolve('en *'), 'en');
    assert.equal(resolve('en *', noEnglish), 'nl');
  });
  it('follows the enterprise, not English', () =>
    assert.equal(resolve('*', city, { ...rules, defaultLanguage: 'fr' }), 'fr'));
});

describe('a list', () => {
  it('is tried in weight order, not position', () => assert.equal(resolve('de, nl;q=0.5, fr;q=0.8'), 'fr'));
  it('keeps header order between equal weights', () => assert.equal(resolve('fr;q=0.5, nl;q=0.5'), 'fr'));
  it('skips entries the field lacks', () => assert.equal(resolve('de, nl'), 'nl'));
  it('treats q=0 as "not this one", also for *', () => {
    assert.equal(resolve('en;q=0, *'), 'nl');
    assert.equal(resolve('nl;q=0'), null);
  });
  it('may be separated by spaces, with spaces around ; and =', () => assert.equal(resolve('de  fr ; q = 0.9'), 'fr'));
});

describe('tags', () => {
  it('compare case-insensitively', () => {
    assert.equal(resolve('NL'), 'nl');
    assert.equal(resolve('fr', [{ language: 'FR', value: 'Gand' }]), 'FR');
  });
  it('with a region do not fall back unless the rule is on', () => assert.equal(resolve('nl-BE'), null));
  it('with a region fall back to the language under region-fallback', () => {
    assert.equal(resolve('nl-BE', city, { ...rules, regionFallback: true }), 'nl');
    assert.equal(
      resolve('zh-Hant-TW', [{ language: 'zh-Hant', value: '根特' }], { ...rules, regionFallback: true }),
      'zh-Hant',
    );
  });
  it('without a region match a regional tag only under basic filtering, after an exact match', () => {
    const regional = [
      { language: 'en', value: 'Ghent' },
      { language: 'nl-BE', value: 'Gent' },
    ];
    assert.equal(resolve('nl', regional), null);
    assert.equal(resolve('nl', regional, { ...rules, basicFiltering: true }), 'nl-BE');
    assert.equal(
      resolve('nl', [...regional, { language: 'nl', value: 'Gent (nl)' }], { ...rules, basicFiltering: true }),
      'nl',
    );
  });
  it('never fall back, either way, to a tag a q=0 range covers', () => {
    assert.equal(resolve('nl;q=0, nl-BE', city, { ...rules, regionFallback: true }), null);
    const regional = [
      { language: 'nl-BE', value: 'Gent' },
      { language: 'en', value: 'Ghent' },
    ];
    assert.equal(resolve('nl-BE;q=0, nl', regional, { ...rules, basicFiltering: true }), null);
    assert.equal(resolve('nl-BE;q=0, nl', regional, { ...rules, basicFiltering: false }), null);
  });
  it('with a region match exactly first', () => {
    assert.equal(
      resolve('nl-BE', [...city, { language: 'nl-BE', value: 'Gent (BE)' }], { ...rules, regionFallback: true }),
      'nl-BE',
    );
  });
});

describe('a malformed header is refused', () => {
  for (const header of [
    '',
    '   ',
    ',',
    'en;q=2',
    'en;q=0.1234',
    'en;level=1',
    'englishlanguage',
    '12',
    'en_US',
    'fr;q=',
    ';q=1',
    'x'.repeat(600),
  ]) {
    it(JSON.stringify(header.length > 20 ? `${header.slice(0, 10)}…` : header), () => {
      const parsed = parseAcceptLanguage(header);
      assert.equal(parsed.ok, false);
    });
  }
});
