// The documented errors envelope, `{ errors: [{ message, code, type, statusCode }] }`, with the
// status as a string, for every non-2xx answer of the sandbox; and the Content-Type of its JSON answers.
import type { ErrorResponse } from '../schemas/types.generated.ts';

/** The Content-Type of every JSON answer of the sandbox: appointments, errors and tokens. */
export const JSON_ANSWER_TYPE = 'application/json; charset=utf-8';

const typeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  417: 'EXPECTATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  500: 'INTERNAL_SERVER_ERROR',
};

export interface SandboxError {
  status: number;
  code: string;
  message: string;
}

export function errorBody({ status, code, message }: SandboxError): ErrorResponse {
  return { errors: [{ message, code, type: typeByStatus[status] ?? 'ERROR', statusCode: String(status) }] };
}
