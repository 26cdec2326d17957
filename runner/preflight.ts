// Before any layer of `npm start` against a remote target: one token request and one GET of the
// configured appointment, so that a wrong secret, token, URL or id is one line naming the variable
// to fix (exit 2), not dozens of failures across the layers. A broken answer (5xx, a wrong body) is
// left to the layers, which report it.
import { appointmentPath } from '../config/api-facts.ts';
import { sendExactRequest } from '../config/exact-request.ts';
import type { SuiteConfig } from '../config/suite-config.ts';
import { describeNoAnswer } from '../config/target-reachability.ts';
import { createTokenProvider, TokenRequestError } from '../config/token-provider.ts';

/** The preflight waits this long at most, whatever ENGAGE_REQUEST_TIMEOUT_MS allows a layer. */
const PREFLIGHT_TIMEOUT_MILLISECONDS = 15_000;

/** What is wrong with the settings, found with at most two requests; none means the layers may run. */
export async function preflightProblems(config: SuiteConfig): Promise<string[]> {
  if (config.target.kind !== 'remote') return [];
  const { baseUrl } = config.target;
  const { auth, enterprise, appointmentId } = config;
  const timeout = Math.min(config.requestTimeoutMilliseconds, PREFLIGHT_TIMEOUT_MILLISECONDS);
  let token: string;
  try {
    token = await createTokenProvider(auth, { timeoutMilliseconds: timeout }).getToken();
  } catch (error) {
    if (!(error instanceof TokenRequestError) || auth.kind !== 'client-credentials') throw error;
    return [
      error.status === undefined
        ? `ENGAGE_TOKEN_URL ${auth.tokenUrl} gave no token: ${error.message}`
        : `ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET was refused: the token endpoint answered HTTP ${error.status}`,
    ];
  }
  const credential = auth.kind === 'static-token' ? 'ENGAGE_TOKEN' : 'the token from ENGAGE_CLIENT_ID';
  const path = appointmentPath(enterprise, appointmentId);
  let status: number;
  try {
    const headers = ['Authorization', `Bearer ${token}`, 'Accept', 'application/json'];
    status = (await sendExactRequest('GET', `${baseUrl}${path}`, headers, timeout)).status;
  } catch (error) {
    return [`ENGAGE_BASE_URL: ${describeNoAnswer(baseUrl, error, timeout)}`];
  }
  if (status === 401) return [`${credential} was refused: GET ${path} answered HTTP 401`];
  if (status === 403) {
    const remedy = auth.kind === 'static-token' ? 'a token granted that scope' : "ENGAGE_SCOPE, or the client's roles";
    return [`${credential} lacks the appointments scope: GET ${path} answered HTTP 403 (${remedy})`];
  }
  if (status === 404)
    return [
      `ENGAGE_APPOINTMENT_ID ${appointmentId} was not found in ENGAGE_ENTERPRISE ${enterprise}: GET ${path} answered HTTP 404`,
    ];
  return [];
}
