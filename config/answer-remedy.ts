// What a GET of the configured appointment that did not answer 200 says, and for an answer that
// points at a setting (401, 403, 404), the setting to check: one wording for k6's setup() and the
// provider verification. No Node imports: k6 reads it.
import { READ_SCOPES } from './api-facts.ts';

export type CredentialKind = 'static-token' | 'client-credentials';

/** The setting a 401, 403 or 404 of GET appointment points at; undefined for any other answer. */
export function answerRemedy(status: number, credentials: CredentialKind): string | undefined {
  if (status === 401)
    return `the token was refused: check ${credentials === 'static-token' ? 'ENGAGE_TOKEN' : 'ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET'}`;
  if (status === 403) return `the token lacks the scope ${READ_SCOPES.join(' or ')}`;
  if (status === 404) return 'no such appointment: check the id and ENGAGE_ENTERPRISE';
  return undefined;
}

/** "GET appointment 123 got HTTP 401; the token was refused: check ENGAGE_TOKEN", or "… got no answer (…)". */
export function describeAnswer(
  id: string,
  answer: { status: number; error?: string },
  credentials: CredentialKind,
): string {
  const got = answer.status === 0 ? `no answer (${answer.error})` : `HTTP ${answer.status}`;
  const remedy = answerRemedy(answer.status, credentials);
  return `GET appointment ${id} got ${got}${remedy === undefined ? '' : `; ${remedy}`}`;
}
