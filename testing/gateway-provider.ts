// A correct provider as an API gateway serves it: the target's answers, gzip-compressed when the
// request accepts gzip, sent chunked (no Content-Length), with the gateway's own headers added, in
// header lines of mixed case, and every other connection closed after its answer. With `tls`, over
// HTTPS with testing/tls/loopback.pem, which only testing/tls/ca.pem trusts (valid for 127.0.0.1
// until 2126; the CA's key was thrown away once it had signed it).
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Listening, listenOnLoopback } from '../config/listen-on-loopback.ts';
import { startTinyServer } from './tiny-server.ts';

/** The CA that signed the gateway's certificate, for NODE_EXTRA_CA_CERTS and SSL_CERT_FILE. */
export const TEST_CA_FILE = fileURLToPath(new URL('./tls/ca.pem', import.meta.url));

export interface GatewayProvider extends Listening {
  /** How many answers went out compressed. */
  compressed(): number;
}

const acceptsGzip = (acceptEncoding: string | undefined) =>
  (acceptEncoding ?? '').split(',').some((coding) => /^\s*(gzip|\*)\s*(;\s*q=(1|0?\.\d*[1-9]\d*)\s*)?$/i.test(coding));

export async function startGatewayProvider(
  targetUrl: string,
  { tls = false }: { tls?: boolean } = {},
): Promise<GatewayProvider> {
  let compressed = 0;
  let answers = 0;
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const upstream = httpRequest(
      `${targetUrl}${request.url}`,
      { method: request.method, headers: { ...request.headers, 'accept-encoding': 'identity' } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          const headers: Array<[string, string]> = [];
          for (const [name, value] of Object.entries(answer.headers)) {
            if (
              value === undefined ||
              ['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)
            )
              continue;
            // Header names as a gateway may spell them.
            const spelled = name.replace(
              /(^|-)([a-z])/g,
              (_, dash: string, letter: string) => dash + letter.toUpperCase(),
            );
            for (const one of Array.isArray(value) ? value : [value]) headers.push([spelled, one]);
          }
          headers.push(['Vary', 'Accept-Encoding'], ['Via', '1.1 gateway'], ['X-Request-Id', `gw-${answers}`]);
          if (body.length > 0 && acceptsGzip(request.headers['accept-encoding'])) {
            body = gzipSync(body);
            headers.push(['Content-Encoding', 'gzip']);
            compressed++;
          }
          if (++answers % 2 === 0) headers.push(['Connection', 'close']);
          response.writeHead(answer.statusCode ?? 502, headers.flat());
          // Two writes, no Content-Length: the answer goes out chunked.
          const half = Math.floor(body.length / 2);
          response.write(body.subarray(0, half));
          response.end(body.subarray(half));
        });
      },
    );
    upstream.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  };
  const server = tls ? await listenOverTls(serve) : await startTinyServer(serve);
  return { url: server.url, close: server.close, compressed: () => compressed };
}

async function listenOverTls(serve: (request: IncomingMessage, response: ServerResponse) => void): Promise<Listening> {
  const file = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url));
  const listening = await listenOnLoopback(
    createHttpsServer({ key: file('loopback.key'), cert: file('loopback.pem') }, serve),
  );
  return { ...listening, url: listening.url.replace(/^http:/, 'https:') };
}
