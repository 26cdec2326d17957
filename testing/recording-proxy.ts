// A loopback forwarder in front of a target that records what crosses it: each request's method,
// path, authorization, Accept-Language, User-Agent, X-Correlation-Id and status, and every access_token the target's token
// endpoint hands out (compressed or not), so that a test can count requests, spot 401s and look for
// issued tokens in every output. With `rateLimitEvery` n, it answers every n-th appointment request
// 429 itself, as a stricter limit would.
import { request as httpRequest } from 'node:http';
import { readableText } from '../config/exact-request.ts';
import { startTinyServer, type TinyServer } from './tiny-server.ts';

export interface Exchange {
  method: string;
  path: string;
  authorization?: string;
  acceptLanguage?: string;
  userAgent?: string;
  correlationId?: string;
  /** Lower-case names of the header lines that arrived, repeated ones repeated. */
  headerNames: string[];
  status: number;
}

export interface RecordingProxy extends TinyServer {
  exchanges: Exchange[];
  issuedTokens: string[];
}

export async function startRecordingProxy(
  targetUrl: string,
  { rateLimitEvery }: { rateLimitEvery?: number } = {},
): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const issuedTokens: string[] = [];
  let lookups = 0;
  const server = await startTinyServer((request, response) => {
    const record = (status: number) =>
      exchanges.push({
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        acceptLanguage: request.headers['accept-language'],
        userAgent: request.headers['user-agent'],
        correlationId: request.headers['x-correlation-id'] as string | undefined,
        headerNames: request.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase()),
        status,
      });
    if (rateLimitEvery !== undefined && request.url?.includes('/appointments/') && ++lookups % rateLimitEvery === 0) {
      record(429);
      response.writeHead(429, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ errors: [{ message: 'slow down', code: 'RATE_LIMITED', type: 'X', statusCode: '429' }] }),
      );
      return;
    }
    const upstream = httpRequest(
      `${targetUrl}${request.url}`,
      { method: request.method, headers: request.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const status = answer.statusCode ?? 0;
          record(status);
          const token = /"access_token"\s*:\s*"([^"]+)"/.exec(
            readableText(body, answer.headers['content-encoding']) ?? '',
          )?.[1];
          if (token !== undefined) issuedTokens.push(token);
          response.writeHead(status, answer.headers);
          response.end(body);
        });
      },
    );
    upstream.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  return { ...server, exchanges, issuedTokens };
}
