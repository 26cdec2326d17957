// The language rules on each configured appointment, data-agnostic: the available languages come
// from the response's own translations. Optional rules run only where their expectation is set.

import { appointmentPath } from '../config/api-facts.ts';
import { loadSuiteConfig } from '../config/load-suite-config.ts';
import {
  contentLanguageCheck,
  readTranslations,
  regionFallbackCheck,
  translationChecks,
} from './checks/translation-checks.ts';
import { expectCheck, skipWhenBlocked, test } from './fixtures.ts';

const { appointmentIds } = loadSuiteConfig();
const optionalChecks = { 'region-fallback': regionFallbackCheck, 'content-language': contentLanguageCheck } as const;

for (const id of appointmentIds) {
  test.describe(`languages of appointment ${id}`, () => {
    const checks = { ...translationChecks, ...optionalChecks };
    for (const [name, check] of Object.entries(checks)) {
      test(name, async ({ probe, suite, blockedBy }) => {
        // Each check reads the appointment's own translations: another appointment cannot stand in.
        await skipWhenBlocked(blockedBy, id, { needs: 'the requested appointment' });
        if (name in optionalChecks) {
          test.skip(
            !suite.expectations.has(name as keyof typeof optionalChecks),
            `${name} is not expected of this target (ENGAGE_EXPECT)`,
          );
        }
        const context = {
          probe,
          path: appointmentPath(suite.enterprise, id),
          id,
          defaultLanguage: suite.defaultLanguage,
        };
        const read = await readTranslations(context);
        if (!('translations' in read)) return expectCheck(read);
        expectCheck(await check(context, read.translations));
      });
    }
  });
}
