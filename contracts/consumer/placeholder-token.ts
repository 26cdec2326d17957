// The token the consumer tests put in the pact: a placeholder, never a real credential. Verification
// swaps it for the configured token; the invalid-token interaction's exact value is left alone.

export const PLACEHOLDER_TOKEN = 'consumer-placeholder-token';
