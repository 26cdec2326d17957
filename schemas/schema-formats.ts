// The string formats the schema files use, one set for every validator (the suite's Ajv instance and
// the standalone validator k6 runs): ajv-formats' full ones, "date-time" read by the suite's one rule,
// and "uri" in ASCII only, as RFC 3986 has it. ajv-formats' URI pattern is case-insensitive, and k6's
// regular expressions fold Unicode case, where JavaScript's do not: without this, k6 took a Kelvin
// sign (U+212A) for a "k", and a URI with one for a URI. Another case-insensitive format (email,
// hostname) would need the same guard, should a schema come to use it.
import type { fullFormats } from 'ajv-formats/dist/formats.js';
import { isRfc3339DateTime } from './date-time.ts';

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/**
 * The formats, from ajv-formats' full ones, which the caller loads: the suite's Ajv instance when it
 * is first used, the k6 validator as it starts. A process that validates nothing (npm start's runner,
 * npm run load) does not load ajv-formats: about 33 ms of CPU (runner --help, bundled, 6 alternating runs).
 */
export function schemaFormats(full: typeof fullFormats) {
  const isUri = full.uri as (text: string) => boolean;
  return {
    ...full,
    'date-time': { type: 'string', validate: isRfc3339DateTime },
    uri: { type: 'string', validate: (text: string) => PRINTABLE_ASCII.test(text) && isUri(text) },
  } as const;
}
