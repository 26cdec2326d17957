// The behaviours the docs do not promise, which a run checks only when asked (ENGAGE_EXPECT), and
// which the embedded sandbox implements all of.

export const OPTIONAL_EXPECTATIONS = [
  'region-fallback',
  'correlation-echo',
  'content-language',
  'rate-limit',
  // errors[0].statusCode is the answer's HTTP status: the docs show only "statusCode": "string".
  'status-code',
  // A malformed or repeated header is a 400 with the errors body, never a 5xx (a sandbox rule), and
  // odd input reaches the API: no firewall in front refuses injection-like ids itself.
  'malformed-headers',
] as const;
export type OptionalExpectation = (typeof OPTIONAL_EXPECTATIONS)[number];

export function isOptionalExpectation(name: string): name is OptionalExpectation {
  return (OPTIONAL_EXPECTATIONS as readonly string[]).includes(name);
}
