// What a provider verification found, for npm start's summary: the interactions that passed and
// failed, and for each failure every mismatch Pact saw, in a fixed order, from Pact's own result.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { JSON_MEDIA_TYPE_PATTERN } from '../../config/api-facts.ts';
import { FIRST_FAILURES, type LayerFindings } from '../../config/layer-outcome.ts';
import { RFC3339_DATE_TIME_PATTERN } from '../../schemas/date-time.ts';
import { PACT_DIRECTORY } from '../participants.ts';

interface PactMismatch {
  type?: string;
  path?: string;
  key?: string;
  mismatch?: string;
  expected?: unknown;
  actual?: unknown;
}

interface PactVerificationError {
  errors?: Array<{ interaction?: string; mismatch?: { mismatches?: PactMismatch[]; message?: string } }>;
  interactionResults?: Array<{ description?: string; result?: string }>;
}

// The status first (a 200 where a 401 was due explains its body), then the headers, then the body.
const MISMATCH_ORDER = ['StatusMismatch', 'HeaderMismatch', 'BodyTypeMismatch', 'BodyMismatch'];
const rank = (mismatch: PactMismatch) => {
  const index = MISMATCH_ORDER.indexOf(mismatch.type ?? '');
  return index === -1 ? MISMATCH_ORDER.length : index;
};

// Pact names a regex matcher by its pattern: the pact's long ones read as what they stand for.
const PATTERN_NAMES = [
  [JSON_MEDIA_TYPE_PATTERN, 'a JSON media type (application/json or application/*+json)'],
  [RFC3339_DATE_TIME_PATTERN, 'an RFC 3339 date-time'],
] as const;
const namingPatterns = (mismatch: string) =>
  PATTERN_NAMES.reduce((line, [pattern, name]) => line.replaceAll(`to match '${pattern}'`, `to be ${name}`), mismatch);

/**
 * Every mismatch of one interaction in one line, "status: expected 401 but was 200; $: Actual map is
 * missing the following keys: errors": Pact's order changes from run to run, this one does not.
 * Pact's own words name what was expected and what came.
 */
export function describeMismatches(mismatches: PactMismatch[]): string {
  return [...mismatches]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.path ?? a.key ?? '').localeCompare(b.path ?? b.key ?? '') ||
        (a.mismatch ?? '').localeCompare(b.mismatch ?? ''),
    )
    .map((mismatch) => {
      const where = mismatch.type === 'StatusMismatch' ? 'status' : mismatch.path;
      const what =
        mismatch.mismatch !== undefined
          ? namingPatterns(mismatch.mismatch)
          : `expected ${String(mismatch.expected)}, got ${String(mismatch.actual)}`;
      return where === undefined ? what : `${where}: ${what}`;
    })
    .join('; ');
}

/**
 * The verification as findings, from Pact's error (its message is JSON), or none: then every
 * interaction of the pacts passed. A state that could not be set up (`stateProblem`, the likely cause
 * of every mismatch after it) leads the first failure, which is what a report shows first.
 */
export function verificationFindings(error: (Error & { stateProblem?: string }) | undefined): LayerFindings {
  let parsed: PactVerificationError = {};
  try {
    parsed = error === undefined ? {} : (JSON.parse(error.message) as PactVerificationError);
  } catch {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      failures: [{ check: 'provider verification', message: error?.message ?? '' }],
      skippedBy: {},
      counted: 'interactions',
    };
  }
  if (error === undefined) {
    const pacts = existsSync(PACT_DIRECTORY)
      ? readdirSync(PACT_DIRECTORY).filter((file) => file.endsWith('.json'))
      : [];
    const interactions = pacts.reduce(
      (total, file) => total + (JSON.parse(readFileSync(`${PACT_DIRECTORY}${file}`, 'utf8')).interactions?.length ?? 0),
      0,
    );
    return { passed: interactions, failed: 0, skipped: 0, failures: [], skippedBy: {}, counted: 'interactions' };
  }
  const failures = (parsed.errors ?? []).slice(0, FIRST_FAILURES).map(({ interaction = '', mismatch }) => ({
    check: interaction.replace(/^Verifying a pact between .* - /, ''),
    // An interaction Pact could not run at all (its provider state failed) has a message, no mismatches.
    message:
      mismatch?.mismatches !== undefined && mismatch.mismatches.length > 0
        ? describeMismatches(mismatch.mismatches)
        : (mismatch?.message ?? 'Pact gave no details'),
  }));
  const first = failures[0];
  if (first !== undefined && error.stateProblem !== undefined)
    first.message = `the states could not be set up: ${error.stateProblem}; then ${first.message}`;
  const results = parsed.interactionResults ?? [];
  const failed = results.filter((result) => result.result !== 'OK').length || (parsed.errors?.length ?? 1);
  return {
    passed: Math.max(0, results.length - failed),
    failed,
    skipped: 0,
    failures,
    skippedBy: {},
    counted: 'interactions',
  };
}
