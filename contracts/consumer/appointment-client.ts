// The typed client under contract: GET appointment-by-id on fetch, a fresh X-Correlation-Id per
// call, and a result that says which of the three things happened.
import { randomUUID } from 'node:crypto';
import { appointmentPath, isJsonMediaType } from '../../config/api-facts.ts';
import { REQUEST_TIMEOUT_RULE } from '../../config/read-number.ts';
import type { ApiError, Appointment } from '../../schemas/types.generated.ts';

export type AppointmentLookup =
  | { kind: 'appointment'; appointment: Appointment; correlationId: string }
  | { kind: 'not-found'; errors: ApiError[]; correlationId: string }
  | { kind: 'error'; status: number; errors: ApiError[]; correlationId: string };

export interface AppointmentClientOptions {
  baseUrl: string;
  enterprise: string;
  getToken: () => Promise<string>;
  /** Sent as Accept-Language; the docs' own example is `en *`. */
  acceptLanguage?: string;
  timeoutMilliseconds?: number;
  fetch?: typeof fetch;
}

export function createAppointmentClient(options: AppointmentClientOptions) {
  const {
    baseUrl,
    enterprise,
    getToken,
    timeoutMilliseconds = REQUEST_TIMEOUT_RULE.fallback,
    fetch: fetchFunction = fetch,
  } = options;

  return {
    async getAppointment(
      id: string,
      { acceptLanguage = options.acceptLanguage ?? '*' } = {},
    ): Promise<AppointmentLookup> {
      const correlationId = randomUUID();
      const url = `${baseUrl}${appointmentPath(enterprise, id)}`;
      let response: Response;
      try {
        response = await fetchFunction(url, {
          headers: {
            authorization: `Bearer ${await getToken()}`,
            'x-correlation-id': correlationId,
            'accept-language': acceptLanguage,
            accept: 'application/json',
          },
          signal: AbortSignal.timeout(timeoutMilliseconds),
        });
      } catch (error) {
        return clientError(0, 'REQUEST_FAILED', `GET ${url} failed: ${(error as Error).message}`, correlationId);
      }
      const body = await readJson(response);
      if (response.status === 200 && isAppointmentBody(body)) {
        return { kind: 'appointment', appointment: body.data, correlationId };
      }
      const errors = errorsOf(body);
      if (response.status === 404 && errors !== undefined) return { kind: 'not-found', errors, correlationId };
      if (errors !== undefined) return { kind: 'error', status: response.status, errors, correlationId };
      const contentType = response.headers.get('content-type') ?? 'no content type';
      const message = `HTTP ${response.status} with a body that is neither an appointment nor the errors envelope (${contentType})`;
      return clientError(response.status, 'UNEXPECTED_RESPONSE', message, correlationId);
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  if (!isJsonMediaType(response.headers.get('content-type'))) return undefined;
  return response.json().catch(() => undefined);
}

function isAppointmentBody(body: unknown): body is { data: Appointment } {
  const data = (body as { data?: unknown } | undefined)?.data as { id?: unknown } | undefined;
  return typeof data === 'object' && data !== null && typeof data.id === 'string';
}

function errorsOf(body: unknown): ApiError[] | undefined {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) && errors.length > 0 ? (errors as ApiError[]) : undefined;
}

function clientError(status: number, code: string, message: string, correlationId: string): AppointmentLookup {
  return {
    kind: 'error',
    status,
    errors: [{ message, code, type: 'CLIENT', statusCode: String(status) }],
    correlationId,
  };
}
