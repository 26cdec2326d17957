// One HTTP request sent exactly as given: node:http with the header lines as they are, repeated ones
// kept, nothing added. Node's fetch adds `accept-language: *` and `sec-fetch-mode` to every request,
// so a check that sends no Accept-Language would send `*` through it.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, constants as zlibConstants } from 'node:zlib';
import { REQUEST_TIMEOUT_RULE } from './read-number.ts';

/** The reason of a request that got no answer in time, here or in token-provider.ts; isNoAnswer knows it. */
export const noAnswerWithin = (time: string) => `no answer within ${time}`;
export const isNoAnswer = (message: string) => message.startsWith(noAnswerWithin(''));

/** Several values go out as repeated header lines, in order. */
export type HeaderValue = string | string[];

/** Sends one request with exactly these headers; answer headers are lower-case, repeated ones joined. */
export type RawRequest = (
  method: string,
  url: string,
  headers: Record<string, HeaderValue>,
) => Promise<{ status: number; headers: Record<string, string> } & BodyText>;

/** A body as text; `notUtf8` when its bytes were not UTF-8 (each bad sequence is then U+FFFD). */
export interface BodyText {
  text: string;
  notUtf8?: true;
}

/**
 * A body's bytes as UTF-8 text, whatever charset a Content-Type names: JSON between systems is UTF-8
 * (RFC 8259 §8.1, whose §11 gives application/json no charset parameter). A byte order mark is kept,
 * which no JSON parser takes (RFC 8259 forbids sending one).
 */
export function utf8Text(body: Uint8Array): BodyText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    return { text: Buffer.from(body).toString('utf8'), notUtf8: true };
  }
}

export interface ExactAnswer {
  status: number;
  /** Header lines as received: [name, value, name, value, ...]. */
  rawHeaders: string[];
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Methods RFC 9110 lets a client send again: the only ones the keep-alive race is retried for. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Sends `method url` with exactly these header lines ([name, value, ...]); node adds only Host. A
 * kept-alive connection the server closed just as the request went out on it (a reset with no
 * answer) is the keep-alive race, not the target's answer: an idempotent request goes again, once,
 * on a new connection, as Node's documentation advises; any other goes on a connection of its own
 * from the start, which no race can reset, since it may not go twice.
 */
export async function sendExactRequest(
  method: string,
  url: string,
  rawHeaders: string[],
  timeoutMilliseconds: number,
): Promise<ExactAnswer> {
  const idempotent = IDEMPOTENT.has(method.toUpperCase());
  try {
    return await sendOnce(method, url, rawHeaders, timeoutMilliseconds, idempotent ? {} : { agent: false });
  } catch (error) {
    if (!(error instanceof KeepAliveRace) || !idempotent) throw unwrapped(error);
    // A connection of its own, which no race can reset: the pool might hand out another stale one.
    return sendOnce(method, url, rawHeaders, timeoutMilliseconds, { agent: false });
  }
}

/** A reset of a reused connection before any answer: carries the error node raised. */
class KeepAliveRace extends Error {
  constructor(readonly original: Error) {
    super(original.message);
  }
}
const unwrapped = (error: unknown) => (error instanceof KeepAliveRace ? error.original : error);

function sendOnce(
  method: string,
  url: string,
  rawHeaders: string[],
  timeoutMilliseconds: number,
  { agent }: { agent?: false } = {},
): Promise<ExactAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  const { protocol, hostname, port } = new URL(url);
  // The path as written: handing node the URL would normalise it, so that an id of ".." reached
  // the enterprise's path instead of the appointment's.
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const path = pathStart === -1 ? '/' : url.slice(pathStart);
  const options = {
    protocol,
    hostname: hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    path,
    method,
    setHost: !hasHeader(rawHeaders, 'host'),
    ...(agent === undefined ? {} : { agent }),
  };
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = send(options, (answer) => {
      answered = true;
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () =>
        resolve({
          status: answer.statusCode ?? 0,
          rawHeaders: answer.rawHeaders,
          headers: answer.headers,
          body: Buffer.concat(chunks),
        }),
      );
      // A body cut short (the connection closed before Content-Length or the last chunk): said as that.
      answer.on('error', (error) =>
        reject(
          new Error(
            `HTTP ${answer.statusCode}, but the connection closed before the whole body came (${error.message})`,
          ),
        ),
      );
    });
    // Repeated names go out as repeated lines, in their order, with the first spelling of the name.
    for (const [name, values] of groupedByName(rawHeaders))
      request.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    request.setTimeout(timeoutMilliseconds, () =>
      request.destroy(new Error(noAnswerWithin(`${timeoutMilliseconds} ms`))),
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(request.reusedSocket && !answered && error.code === 'ECONNRESET' ? new KeepAliveRace(error) : error),
    );
    request.end();
  });
}

/** Header lines by name, in order: each name's first spelling and its values, repeated ones kept. */
export function groupedByName(rawHeaders: string[]): Map<string, string[]> {
  const byLowerCase = new Map<string, { name: string; values: string[] }>();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] as string;
    const entry = byLowerCase.get(name.toLowerCase()) ?? { name, values: [] };
    entry.values.push(rawHeaders[index + 1] as string);
    byLowerCase.set(name.toLowerCase(), entry);
  }
  return new Map([...byLowerCase.values()].map(({ name, values }) => [name, values]));
}

function hasHeader(rawHeaders: string[], name: string): boolean {
  return rawHeaders.some((value, index) => index % 2 === 0 && value.toLowerCase() === name);
}

/** Header lines from a name → value(s) record: an array goes out as repeated lines. */
export function headerLines(headers: Record<string, HeaderValue>): string[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((one) => [name, one]) : [name, value],
  );
}

/**
 * The probe's transport with nothing added: where Playwright cannot repeat a header, for the fuzzers,
 * and in Node tests. Its text is the body with any content coding undone.
 */
export function exactTransport(timeoutMilliseconds = REQUEST_TIMEOUT_RULE.fallback): RawRequest {
  return async (method, url, headers) => {
    const answer = await sendExactRequest(method, url, headerLines(headers), timeoutMilliseconds);
    const answerHeaders = Object.fromEntries(
      Object.entries(answer.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : String(value),
      ]),
    );
    return {
      status: answer.status,
      headers: answerHeaders,
      ...utf8Text(decodedBody(answer.body, answerHeaders['content-encoding'])),
    };
  };
}

/** zlib's option to give what a cut-short body holds so far instead of an error. */
const SO_FAR = { finishFlush: zlibConstants.Z_SYNC_FLUSH };
/**
 * How each content coding a check may meet is undone (RFC 9110 §8.4.1); `deflate` is zlib's format,
 * raw in some servers. Leniently, a body cut short gives what it holds so far, as Playwright reads it.
 */
const DECODERS: Record<string, (body: Buffer, lenient: boolean) => Buffer> = {
  gzip: (body, lenient) => gunzipSync(body, lenient ? SO_FAR : {}),
  'x-gzip': (body, lenient) => gunzipSync(body, lenient ? SO_FAR : {}),
  br: (body, lenient) =>
    brotliDecompressSync(body, lenient ? { finishFlush: zlibConstants.BROTLI_OPERATION_FLUSH } : {}),
  deflate: (body, lenient) => {
    try {
      return inflateSync(body, lenient ? SO_FAR : {});
    } catch {
      return inflateRawSync(body, lenient ? SO_FAR : {});
    }
  },
  identity: (body) => body,
};

/**
 * The body as the target meant it: a request without Accept-Encoding lets the server use any coding
 * (RFC 9110 §12.5.3), and the checks read the content. Codings are undone last first; an unknown one
 * leaves the body as it came, and one that cannot be undone is the target's error.
 */
export function decodedBody(body: Buffer, contentEncoding: string | undefined, { lenient = false } = {}): Buffer {
  // A HEAD, 204 or 304 answer may name its coding with nothing to decode.
  if (body.length === 0) return body;
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '');
  let decoded = body;
  for (const coding of codings.reverse()) {
    const decoder = DECODERS[coding];
    if (decoder === undefined) return body;
    try {
      decoded = decoder(decoded, lenient);
    } catch (error) {
      throw new Error(`the body is not ${coding} as its Content-Encoding says (${(error as Error).message})`);
    }
  }
  return decoded;
}

/** The body as text, decoded; undefined when it is not what its Content-Encoding says. */
export function readableText(body: Buffer, contentEncoding: string | string[] | undefined): string | undefined {
  try {
    return decodedBody(body, Array.isArray(contentEncoding) ? contentEncoding.join(', ') : contentEncoding).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
