// How a schema violation reads, the same from the suite's Ajv instance (e2e, contracts) and from the
// standalone validator k6 runs: ajv's message, but an enum names its values. No Node imports, so k6 can.

/** Ajv's error object, as both kinds of validator leave them. */
export interface ValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * The reason `error` gives, without the path. `namesFromTarget: false` leaves out what only the
 * target's body names (an extra property's name), for a reason that must come from the schema alone.
 */
export function violationReason(error: ValidatorError, { namesFromTarget = true } = {}): string {
  const { keyword, params } = error;
  if (keyword === 'enum') return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  if (keyword === 'anyOf') return 'must be null or match the schema (see the lines above)';
  if (keyword === 'additionalProperties')
    return namesFromTarget
      ? `must not have the extra property "${params.additionalProperty}"`
      : 'must not have extra properties';
  return error.message ?? keyword;
}
