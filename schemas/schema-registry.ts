// The one Ajv instance of the suite: it loads every schema file in this folder once, compiles each
// once, and turns violations into readable lines (path, keyword, reason, offending value); it also
// writes the standalone code of a schema, for the validator k6 runs (generate-validator.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { schemaFormats } from './schema-formats.ts';
import { violationReason } from './violation-reason.ts';

const SCHEMA_BASE_URI = 'https://engage-api-suite.test/schemas/';

/** The ids of the schemas the suite validates responses against. */
export const SchemaId = {
  appointmentResponse: `${SCHEMA_BASE_URI}appointment-response.schema.json`,
  appointment: `${SCHEMA_BASE_URI}appointment.schema.json`,
  location: `${SCHEMA_BASE_URI}location.schema.json`,
  translatableValue: `${SCHEMA_BASE_URI}translatable-value.schema.json`,
  errorResponse: `${SCHEMA_BASE_URI}error-response.schema.json`,
} as const;
export type SchemaId = (typeof SchemaId)[keyof typeof SchemaId];

export interface SchemaViolation {
  /** JSON Pointer into the document, "/" for the root. */
  path: string;
  keyword: string;
  message: string;
  value: unknown;
}

export type ValidationResult = { valid: true } | { valid: false; violations: SchemaViolation[] };

const schemaDirectory = fileURLToPath(new URL('.', import.meta.url));

/** Every schema file in this folder, parsed, in a stable order. */
function readSchemaFiles(): Array<{ file: string; schema: { $id: string } }> {
  return readdirSync(schemaDirectory)
    .filter((file) => file.endsWith('.schema.json'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(readFileSync(`${schemaDirectory}${file}`, 'utf8')) }));
}

const requireHere = createRequire(import.meta.url);
let instance: Ajv2020 | undefined;

/**
 * The Ajv instance, with every schema file added, made on first use: a process that validates
 * nothing (npm start's runner, the sandbox on its built-in seed, a refusal) does not load Ajv: about
 * 40 ms of CPU in each of them (runner --help, bundled: 0.23 s, then 0.19 s).
 */
function theAjv(): Ajv2020 {
  if (instance !== undefined) return instance;
  const { _, Ajv2020 } = requireHere('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    // For standaloneValidatorCode: ES module code that takes its formats from schema-formats.ts.
    code: {
      source: true,
      esm: true,
      formats: _`require("./schema-formats.ts").schemaFormats(require("ajv-formats/dist/formats.js").fullFormats)`,
    },
  });
  const { fullFormats } = requireHere('ajv-formats/dist/formats.js') as typeof import('ajv-formats/dist/formats.js');
  for (const [name, format] of Object.entries(schemaFormats(fullFormats))) ajv.addFormat(name, format);
  // Checked against the 2020-12 meta-schema by compileEverySchema (the schema layer's self-check, and
  // the registry's tests), not in every process: compiling the meta-schema costs about 70 ms.
  for (const { schema } of schemaFiles) ajv.addSchema(schema, undefined, undefined, false);
  instance = ajv;
  return ajv;
}

const schemaFiles = readSchemaFiles();

// Each schema is compiled on its first use, once.
const compiled = new Map<string, ValidateFunction>();
function compiledSchema(id: SchemaId): ValidateFunction {
  let validate = compiled.get(id);
  if (validate === undefined) {
    validate = theAjv().getSchema(id);
    if (!validate) throw new Error(`schema ${id} is not defined by any file in ${schemaDirectory}`);
    compiled.set(id, validate);
  }
  return validate;
}

/** Why `schema` breaks the JSON Schema 2020-12 meta-schema, or undefined. */
export function metaSchemaProblem(schema: object): string | undefined {
  const ajv = theAjv();
  return ajv.validateSchema(schema) ? undefined : ajv.errorsText(ajv.errors);
}

/**
 * Checks every schema file against the 2020-12 meta-schema and compiles every schema the suite names
 * (the schema layer's self-check): none may be missing or broken.
 */
export function compileEverySchema(files: Array<{ file: string; schema: object }> = schemaFiles): void {
  for (const { file, schema } of files) {
    const problem = metaSchemaProblem(schema);
    if (problem !== undefined) throw new Error(`${file} is not a valid JSON Schema 2020-12: ${problem}`);
  }
  for (const id of Object.values(SchemaId)) compiledSchema(id);
}

/**
 * ES module code that exports, under each name of `exports`, a validator of that schema which needs
 * no Ajv: ajv's runtime helpers and schema-formats.ts are `require`d, for a bundler to take in.
 */
export function standaloneValidatorCode(exports: Record<string, SchemaId>): string {
  for (const id of Object.values(exports)) compiledSchema(id);
  // ajv's standalone module is CommonJS: its `default` is the function.
  const { default: standaloneCode } = requireHere('ajv/dist/standalone/index.js') as typeof standaloneCodeModule;
  return standaloneCode(theAjv(), exports);
}

/** Validates a document against one of the suite's schemas; never recompiles. */
export function validateAgainstSchema(id: SchemaId, document: unknown): ValidationResult {
  const validate = compiledSchema(id);
  if (validate(document)) return { valid: true };
  const errors = (validate.errors ?? []).filter((error) => !isNullBranchNoise(error));
  return { valid: false, violations: errors.map((error) => toViolation(error, document)) };
}

// A nullable object is `anyOf: [object, null]`; when the object branch fails, Ajv also reports that
// the value "must be null", which only hides the real reason.
function isNullBranchNoise(error: ErrorObject): boolean {
  return error.keyword === 'type' && (error.params as { type?: unknown }).type === 'null';
}

function toViolation(error: ErrorObject, document: unknown): SchemaViolation {
  return {
    path: error.instancePath === '' ? '/' : error.instancePath,
    keyword: error.keyword,
    message: violationReason(error),
    value: valueAt(document, error.instancePath),
  };
}

function valueAt(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

/** One line per violation: `/data/status: must be one of … (got "LATE") [enum]`. */
export function formatViolations(violations: SchemaViolation[]): string {
  return violations
    .map(({ path, message, value, keyword }) => `${path}: ${message} (got ${preview(value)}) [${keyword}]`)
    .join('\n');
}

function preview(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
