// Proves the check across lookups: the same translations in any order and tag case pass, a language
// left out of them or a location dropped fails once both answers stand, and an edit does not.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { docsAppointmentResponse } from '../../schemas/docs-examples.ts';
import { consistentTranslations } from './consistent-translations.ts';
import { JUDGE_AGAIN } from './known-good-bodies.ts';

const { data } = docsAppointmentResponse();
const english = { language: 'en', value: 'Ghent' };
const dutch = { language: 'nl', value: 'Gent' };
const withCity = (translations: object[], updatedAt = data.updatedAt) => ({
  ...data,
  updatedAt,
  location: { ...data.location, translations: { ...data.location.translations, city: translations } },
});
const DIFFER = 'location.translations differ from one language to another';

it('passes the same translations in another order and tag case', () => {
  const check = consistentTranslations();
  assert.equal(check('123', 'en', withCity([english, dutch])), undefined);
  assert.equal(check('123', 'nl', withCity([{ ...dutch, language: 'NL' }, english])), undefined);
  assert.equal(check('123', 'en', withCity([english, dutch])), undefined);
});

it('fails answers that differ by language, once both stand: each language keeps giving its own', () => {
  const check = consistentTranslations();
  assert.equal(check('123', 'en', withCity([english, dutch])), undefined);
  // nl left out of the answer to nl: it may be an edit, until en answers the old translations again.
  assert.equal(check('123', 'nl', withCity([english])), JUDGE_AGAIN);
  assert.equal(check('123', 'en', withCity([english, dutch])), DIFFER);
  assert.equal(check('123', 'nl', withCity([english])), DIFFER);
  // Another appointment is another record.
  assert.equal(check('124', 'nl', withCity([english])), undefined);
});

it('passes an edit, whichever language meets it first, and fails a location dropped for one language', () => {
  const check = consistentTranslations();
  check('123', 'en', withCity([english, dutch]));
  check('123', 'nl', withCity([english, dutch]));
  // Dutch removed from the location, updatedAt the same (the location is edited, not the appointment):
  // judged again until each language gives the new answer.
  assert.equal(check('123', 'nl', withCity([english])), JUDGE_AGAIN);
  assert.equal(check('123', 'en', withCity([english])), undefined);
  assert.equal(check('123', 'nl', withCity([english])), undefined);
  // The location gone for en, maybe an edit; but nl answers it after that.
  assert.equal(check('123', 'en', { ...data, location: null }), JUDGE_AGAIN);
  assert.equal(check('123', 'nl', withCity([english])), 'location is null for one language and not for another');
});

it('starts again when updatedAt changes, and forgets every appointment when it holds as many as it may', () => {
  const check = consistentTranslations(2);
  check('123', 'en', withCity([english, dutch]));
  check('123', 'nl', withCity([english]));
  assert.equal(check('123', 'en', withCity([english, dutch], '2030-01-01T00:00:00Z')), undefined);
  check('1', 'en', withCity([english]));
  assert.equal(check('2', 'en', withCity([english])), undefined);
  assert.equal(check('1', 'nl', withCity([english, dutch])), undefined, 'forgotten: no earlier answer to differ from');
});
