// The behaviours the docs do not promise, which a run checks only when asked (ENGAGE_EXPECT), and
// which the embedded sandbox implements all of.

export const OPTIONAL_EXPECTATIONS = [
  'region-fallback',
  'correlation-echo',
  'content-language',
  'rate-limit',
  // errors[0].statusCode is the answer's HTTP status: the docs show only "statusCode": "string".
  'status-code',
] as const;
export type OptionalExpectation = (typeof OPTIONAL_EXPECTATIONS)[number];

export function isOptionalExpectation(name: string): name is OptionalExpectation {
  return (OPTIONAL_EXPECTATIONS as readonly string[]).includes(name);
}
