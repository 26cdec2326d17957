// The string formats the schema files use, one set for every validator (the suite's Ajv instance and
// the standalone validator k6 runs): ajv-formats' full ones, "date-time" read by the suite's one rule.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isRfc3339DateTime } from './date-time.ts';

export const SCHEMA_FORMATS = { ...fullFormats, 'date-time': { type: 'string', validate: isRfc3339DateTime } } as const;
