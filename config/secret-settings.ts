// The settings that hold secrets, in one place: a refusal never repeats their values (not even one
// put in the wrong variable, which a refusal quotes), and k6 gets only its own.
import type { Environment } from './environment-files.ts';

export const SECRET_SETTINGS = [
  'ENGAGE_TOKEN',
  'ENGAGE_CLIENT_SECRET',
  'ENGAGE_NO_SCOPE_TOKEN',
  'ENGAGE_NO_SCOPE_CLIENT_SECRET',
  'ENGAGE_EXPIRED_TOKEN',
  'PACT_BROKER_TOKEN',
] as const;

/** Values shorter than this are not looked for: they would match text by chance. */
const SHORTEST_REDACTED = 8;

/** `text` with the value of each secret setting that `environment` sets replaced by [redacted]. */
export function withoutSecretValues(text: string, environment: Environment): string {
  let redacted = text;
  for (const name of SECRET_SETTINGS) {
    const value = environment[name]?.trim();
    if (value !== undefined && value.length >= SHORTEST_REDACTED) redacted = redacted.replaceAll(value, '[redacted]');
  }
  return redacted;
}
