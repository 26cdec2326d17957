// Proves the language rules both e2e and k6 judge fields by: a language a field has, else null or a
// region's tag; a region down to its language (lookup); the default, else any; the first that decides.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultRule, exactly, firstOf, lookup, sameTranslation } from './language-rules.ts';

const en = { language: 'en', value: 'Ghent' };
const nl = { language: 'nl', value: 'Gent' };
const nlBE = { language: 'nl-BE', value: 'Gent (BE)' };
const nlAgain = { language: 'NL', value: 'Gent, again' };

it('takes the same tag in any case and the same text as the same translation, and null only as null', () => {
  assert.ok(sameTranslation({ language: 'NL', value: 'Gent' }, nl));
  assert.ok(!sameTranslation({ language: 'nl', value: 'gent' }, nl));
  assert.ok(sameTranslation(null, null));
  assert.ok(!sameTranslation(null, nl));
});

it('exactly: the tag, every entry of a list that repeats it; else null or a related tag, but an excluded one', () => {
  assert.deepEqual(exactly('nl')([en, nl]), [nl]);
  assert.deepEqual(exactly('nl')([en, nl, nlAgain]), [nl, nlAgain]);
  assert.deepEqual(exactly('nl')([en]), [null]);
  assert.deepEqual(exactly('nl')([en, nlBE]), [nlBE, null]);
  assert.deepEqual(exactly('nl', 'nl-be')([en, nlBE]), [null]);
});

it('lookup: the tag, else each shorter prefix, else null', () => {
  assert.deepEqual(lookup('nl-BE')([en, nl]), [nl]);
  assert.deepEqual(lookup('nl-BE')([nl, nlBE]), [nlBE]);
  assert.deepEqual(lookup('fr-BE')([en, nl]), [null]);
});

it('defaultRule: the default language, else any translation, else null', () => {
  assert.deepEqual(defaultRule('nl')([en, nl]), [nl]);
  assert.deepEqual(defaultRule('fr')([en, nl]), [en, nl]);
  assert.deepEqual(defaultRule(undefined)([en]), [en]);
  assert.deepEqual(defaultRule('nl')([]), [null]);
});

it('firstOf: the first rule that decides; one that allows null passes on, keeping what it allowed', () => {
  assert.deepEqual(firstOf(exactly('en'), defaultRule('nl'))([en, nl]), [en]);
  assert.deepEqual(firstOf(exactly('fr'), defaultRule('nl'))([en, nl]), [nl]);
  assert.deepEqual(firstOf(exactly('nl'), exactly('fr'))([en, nlBE]), [nlBE, null]);
  // Each translation once, though two rules allow it (an e2e failure lists what it expected).
  assert.deepEqual(firstOf(exactly('nl'), defaultRule(undefined))([en, nlBE]), [nlBE, en]);
});
