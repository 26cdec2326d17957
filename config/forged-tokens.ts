// Tokens forged from the run's own, which no API may take (the docs' 401 for an invalid token): a
// JWT with its signature altered, or with its claims unsigned (alg "none", RFC 8725 §2.1), catches an
// API that reads a JWT's claims without verifying it; any other token gets one character changed.
import { jwtSignature } from './jwt-claims.ts';

/** What each forged token is, as a failure names it. */
export const FORGERIES = {
  alteredSignature: "the run's token with its signature altered",
  unsigned: 'the run\'s token unsigned (alg "none")',
  oneCharacterChanged: "the run's token with one character changed",
} as const;

const ALPHABETS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * `text` with the letter or digit nearest `at` turned into the next of its kind, so that the result
 * keeps the token's form. Never the last character (in base64 its low bits may be padding, which a
 * decoder may ignore): with no other letter or digit, a 0 is added instead.
 */
function withOneCharacterChanged(text: string, at: number): string {
  for (let distance = 0; distance < text.length; distance++)
    for (const index of [at - distance, at + distance]) {
      const character = text[index];
      const alphabet = character === undefined ? undefined : ALPHABETS.find((letters) => letters.includes(character));
      if (alphabet === undefined || (index === text.length - 1 && text.length > 1)) continue;
      const next = alphabet[(alphabet.indexOf(character as string) + 1) % alphabet.length] as string;
      return `${text.slice(0, index)}${next}${text.slice(index + 1)}`;
    }
  return `${text}0`;
}

/** The tokens forged from `token`, by what each is: two for a signed JWT, one for any other token. */
export function forgedTokens(token: string): Record<string, string> {
  const signature = jwtSignature(token);
  if (signature === undefined)
    return { [FORGERIES.oneCharacterChanged]: withOneCharacterChanged(token, Math.floor(token.length / 2)) };
  const signed = token.slice(0, token.length - signature.length);
  const [, claims] = token.split('.');
  const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return {
    [FORGERIES.alteredSignature]: `${signed}${withOneCharacterChanged(signature, 0)}`,
    // RFC 7519 §6.1: an unsecured JWT has an empty signature after its second dot.
    [FORGERIES.unsigned]: `${noneHeader}.${claims}.`,
  };
}
