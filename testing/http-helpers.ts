// Small helpers for the suite's own tests that talk HTTP to a sandbox or a faulty server.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import { exactTransport, sendExactRequest } from '../config/exact-request.ts';
import { formatViolations, SchemaId, validateAgainstSchema } from '../schemas/schema-registry.ts';

export interface FetchedResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

const send = exactTransport();

/**
 * A GET with the sandbox's static token unless the headers say otherwise, sent exactly as given (Node's
 * fetch would add `accept-language: *` where a test sends none); the body read as JSON when it is.
 */
export async function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<FetchedResponse> {
  const response = await send(method, url, { authorization: `Bearer ${SANDBOX_DEFAULTS.token}`, ...headers });
  const text = response.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: new Headers(response.headers), text, json };
}

/** Asserts the documented errors envelope with `status` as its statusCode string. */
export function assertErrorEnvelope(body: unknown, status: number): void {
  const result = validateAgainstSchema(SchemaId.errorResponse, body);
  assert.ok(result.valid, result.valid ? '' : formatViolations(result.violations));
  assert.equal((body as { errors: Array<{ statusCode: string }> }).errors[0]?.statusCode, String(status));
}

/**
 * Answers a stand-in server's request with what `baseUrl` answers the same request sent with
 * `rawHeaders`: for stand-ins that sit in front of the sandbox (a firewall, a recorder).
 */
export function answerFrom(
  baseUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
  rawHeaders: string[],
  timeoutMilliseconds = 5000,
): void {
  sendExactRequest(request.method ?? 'GET', `${baseUrl}${request.url}`, rawHeaders, timeoutMilliseconds).then(
    (answer) => {
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    },
    () => response.destroy(),
  );
}
