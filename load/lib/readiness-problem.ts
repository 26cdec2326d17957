// The one line setup() stops a run with when its readiness GET did not get a 200: what came, and,
// for an answer that points at a setting (401, 403, 404), the setting to check.
import { READ_SCOPES } from '../../config/api-facts.ts';

export interface ReadinessAnswer {
  /** 0 when no answer came. */
  status: number;
  error?: string;
}

export function readinessProblem(
  baseUrl: string,
  id: string,
  answer: ReadinessAnswer,
  credentials: 'static-token' | 'client-credentials',
): string {
  const got = answer.status === 0 ? `no answer (${answer.error})` : `HTTP ${answer.status}`;
  const remedy: Record<number, string> = {
    401: `the token was refused: check ${credentials === 'static-token' ? 'ENGAGE_TOKEN' : 'ENGAGE_CLIENT_ID and ENGAGE_CLIENT_SECRET'}`,
    403: `the token lacks the scope ${READ_SCOPES.join(' or ')}`,
    404: 'check the ids (ENGAGE_APPOINTMENT_IDS, ENGAGE_APPOINTMENT_IDS_FILE) and ENGAGE_ENTERPRISE',
  };
  const because = remedy[answer.status];
  return `the target ${baseUrl} is not ready: GET appointment ${id} got ${got}${because === undefined ? '' : `; ${because}`}`;
}
