// Tokens forged from the run's own, which no API may take (the docs' 401 for an invalid token). A
// signed JWT: its signature altered, stripped, or its claims under alg "none" (RFC 8725 §2.1), also
// spelt "None" and "NONE", which a library that refuses "none" alone let through; each of which an
// API that reads claims it never verified takes. Any other token: one character changed (or, where
// none can be, a 0 put in front), and four characters appended, which an API that compares a prefix
// takes (a lookup by prefix, or a bcrypt hash of the token, which reads its first 72 bytes only).
import { jwtPartOf, signedJwtParts } from './jwt-claims.ts';

/** What each forged token is, as a failure names it. */
export const FORGERIES = {
  alteredSignature: "the run's token with its signature altered",
  strippedSignature: "the run's token with its signature stripped",
  unsigned: 'the run\'s token unsigned (alg "none")',
  unsignedCapitalised: 'the run\'s token unsigned (alg "None")',
  unsignedUpperCase: 'the run\'s token unsigned (alg "NONE")',
  oneCharacterChanged: "the run's token with one character changed",
  appended: "the run's token with four characters appended",
} as const;

const ALPHABETS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const alphabetOf = (character: string | undefined) =>
  character === undefined ? undefined : ALPHABETS.find((letters) => letters.includes(character));

/**
 * `text` with the letter or digit nearest `at` turned into the next of its kind, so that the result
 * keeps the token's form. Only one followed by another letter or digit: the last character of a
 * base64 run may hold padding bits, which a decoder may ignore. With none such, a 0 goes in front,
 * which moves every bit after it (one added at the end could be ignored as padding too).
 */
function withOneCharacterChanged(text: string, at: number): string {
  for (let distance = 0; distance < text.length; distance++)
    for (const index of [at - distance, at + distance]) {
      const alphabet = alphabetOf(text[index]);
      if (alphabet === undefined || alphabetOf(text[index + 1]) === undefined) continue;
      const next = alphabet[(alphabet.indexOf(text[index] as string) + 1) % alphabet.length] as string;
      return `${text.slice(0, index)}${next}${text.slice(index + 1)}`;
    }
  return `0${text}`;
}

/** The tokens forged from `token`, by what each is: five for a signed JWT (RFC 7515's compact form), two for any other token. */
export function forgedTokens(token: string): Record<string, string> {
  const jwt = signedJwtParts(token);
  if (jwt === undefined)
    return {
      [FORGERIES.oneCharacterChanged]: withOneCharacterChanged(token, Math.floor(token.length / 2)),
      // A whole base64 quantum, before any padding (a lenient decoder stops at the first "="): one that
      // drops a lone trailing character still reads three more bytes.
      [FORGERIES.appended]: token.replace(/=*$/, 'AAAA$&'),
    };
  const { header, claims, signature } = jwt;
  return {
    [FORGERIES.alteredSignature]: `${header}.${claims}.${withOneCharacterChanged(signature, 0)}`,
    // RFC 7519 §6.1: an unsecured JWT has an empty signature after its second dot.
    [FORGERIES.strippedSignature]: `${header}.${claims}.`,
    [FORGERIES.unsigned]: `${jwtPartOf({ alg: 'none', typ: 'JWT' })}.${claims}.`,
    [FORGERIES.unsignedCapitalised]: `${jwtPartOf({ alg: 'None', typ: 'JWT' })}.${claims}.`,
    [FORGERIES.unsignedUpperCase]: `${jwtPartOf({ alg: 'NONE', typ: 'JWT' })}.${claims}.`,
  };
}
