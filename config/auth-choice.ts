// Which credentials a run uses: a static ENGAGE_TOKEN, or client credentials (ENGAGE_TOKEN_URL,
// ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET, with an optional ENGAGE_SCOPE), never both. One rule for
// the Node config and the k6 settings (so no Node imports); a problem is a ConfigError naming the variable.
import { ConfigError } from './config-error.ts';

export type ChosenAuth =
  | { kind: 'static-token'; token: string }
  | { kind: 'client-credentials'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

/** The variables of client credentials, all three needed. */
export const CLIENT_CREDENTIAL_NAMES = ['ENGAGE_TOKEN_URL', 'ENGAGE_CLIENT_ID', 'ENGAGE_CLIENT_SECRET'] as const;

/**
 * Whether a token is one an Authorization header can carry: no whitespace or control character (a
 * value wrapped over lines), which an HTTP client refuses in an error message repeating it whole.
 */
export function isOneLine(token: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
  return !/[\s\x00-\x1f\x7f]/.test(token);
}

/**
 * A bearer token as given, or a ConfigError naming `variable` (never repeating the token) when it holds
 * whitespace or a control character: a value wrapped over lines, which no Authorization header can
 * carry, and which an HTTP client's refusal would print whole.
 */
export function bearerToken(variable: string, token: string): string {
  // The most common paste: the whole header value, scheme and all.
  if (/^bearer\s/i.test(token))
    throw new ConfigError(
      variable,
      'starts with "Bearer ": give the token alone, which the suite sends as "Bearer <token>"',
    );
  if (!isOneLine(token))
    throw new ConfigError(
      variable,
      'holds whitespace or a control character (a value wrapped over lines?): a token is one line',
    );
  return token;
}

/** The credentials the variables name, or `fallbackToken` (the sandbox's) when none is set. */
export function chooseAuth(value: (name: string) => string | undefined, fallbackToken?: string): ChosenAuth {
  const token = value('ENGAGE_TOKEN');
  const given = CLIENT_CREDENTIAL_NAMES.filter((name) => value(name) !== undefined);
  if (token !== undefined && given.length > 0) {
    throw new ConfigError(
      'ENGAGE_TOKEN',
      `and the client credentials (${given.join(', ')}) are both set: use one or the other (a blank NAME= in a later env file hides what an earlier one set)`,
    );
  }
  if (token !== undefined) return { kind: 'static-token', token: bearerToken('ENGAGE_TOKEN', token) };
  if (given.length === 0) {
    if (fallbackToken !== undefined) return { kind: 'static-token', token: fallbackToken };
    throw new ConfigError(
      'ENGAGE_TOKEN',
      'is required when ENGAGE_BASE_URL is set (or set ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET)',
    );
  }
  const missing = CLIENT_CREDENTIAL_NAMES.find((name) => value(name) === undefined);
  if (missing !== undefined) {
    throw new ConfigError(missing, `is required with ${given.join(', ')}: client credentials need all three`);
  }
  const [tokenUrl, clientId, clientSecret] = CLIENT_CREDENTIAL_NAMES.map((name) => value(name) as string) as [
    string,
    string,
    string,
  ];
  return { kind: 'client-credentials', tokenUrl, clientId, clientSecret, scope: value('ENGAGE_SCOPE') };
}
