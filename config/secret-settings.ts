// The settings that hold secrets, in one place: a refusal never repeats their values (not even one
// put in the wrong variable, which a refusal quotes), nor a piece of a secret an answer echoes, and
// k6 gets only its own.
import type { Environment } from './environment-files.ts';
import { signedJwtParts } from './jwt-claims.ts';

export const SECRET_SETTINGS = [
  'ENGAGE_TOKEN',
  'ENGAGE_CLIENT_SECRET',
  'ENGAGE_NO_SCOPE_TOKEN',
  'ENGAGE_NO_SCOPE_CLIENT_SECRET',
  'ENGAGE_EXPIRED_TOKEN',
  'PACT_BROKER_TOKEN',
] as const;

/** Values, and runs of a secret, shorter than this are not looked for: they would match text by chance. */
export const SHORTEST_REDACTED = 8;

/** `text` with the value of each secret setting that `environment` sets replaced by [redacted]. */
export function withoutSecretValues(text: string, environment: Environment): string {
  let redacted = text;
  for (const name of SECRET_SETTINGS) {
    const value = environment[name]?.trim();
    if (value !== undefined && value.length >= SHORTEST_REDACTED) redacted = redacted.replaceAll(value, '[redacted]');
  }
  return redacted;
}

/**
 * `text` with every run of SHORTEST_REDACTED or more characters of what makes `secret` secret replaced
 * by [redacted]: an answer that echoes it cut short, or inside other text, repeats none of it. Of a
 * JWT that is its signature: its header and claims are no credential without it, and much of them
 * is alike in any token of its issuer (one in an appointment's video URL, say). A shorter secret is not looked
 * for, as in withoutSecretValues.
 */
export function withoutPiecesOf(text: string, secret: string): string {
  const pieces = piecesOf(signedJwtParts(secret)?.signature ?? secret);
  if (pieces.size === 0) return text;
  // Each character covered by a piece of the secret is masked; each masked run becomes one [redacted].
  let masked: boolean[] | undefined;
  for (let index = 0; index + SHORTEST_REDACTED <= text.length; index++)
    if (pieces.has(text.slice(index, index + SHORTEST_REDACTED))) {
      masked ??= new Array<boolean>(text.length).fill(false);
      masked.fill(true, index, index + SHORTEST_REDACTED);
    }
  if (masked === undefined) return text;
  const shown = masked;
  return text.replace(/[\s\S]/g, (character, index: number) =>
    !shown[index] ? character : index > 0 && shown[index - 1] ? '' : '[redacted]',
  );
}

/** The pieces of SHORTEST_REDACTED characters of the secrets seen last: a forwarder asks for the same ones each answer. */
const knownPieces = new Map<string, Set<string>>();
function piecesOf(secret: string): Set<string> {
  let pieces = knownPieces.get(secret);
  if (pieces === undefined) {
    pieces = new Set<string>();
    for (let index = 0; index + SHORTEST_REDACTED <= secret.length; index++)
      pieces.add(secret.slice(index, index + SHORTEST_REDACTED));
    if (knownPieces.size >= 16) knownPieces.clear();
    knownPieces.set(secret, pieces);
  }
  return pieces;
}
