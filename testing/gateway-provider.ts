// A correct provider as an API gateway serves it: the target's answers, gzip-compressed when the
// request accepts gzip or names no coding, sent chunked (no Content-Length), header names in title
// case, a Vary line and headers of the gateway's own added, and every other answer closing its
// connection. With `prefix`, only under that path (its URL ends with it; anything else is the
// gateway's own 404). With `tls`, over HTTPS with testing/tls/loopback.pem, which only
// testing/tls/ca.pem trusts (for 127.0.0.1, valid from 2020 to 2126; the CA's key was thrown away
// once it had signed it).
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { groupedByName } from '../config/exact-request.ts';
import { type Listening, listenOnLoopback } from '../config/listen-on-loopback.ts';

/** The CA that signed the gateway's certificate, for NODE_EXTRA_CA_CERTS and SSL_CERT_FILE. */
export const TEST_CA_FILE = fileURLToPath(new URL('./tls/ca.pem', import.meta.url));

export interface GatewayProvider extends Listening {
  /** How many answers went out compressed. */
  compressed(): number;
}

/**
 * Whether the request lets the gateway gzip: no Accept-Encoding at all allows any coding (RFC 9110
 * §12.5.3), as some gateways read it; else gzip's own entry's weight, else that of `*`.
 */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === undefined) return true;
  const weights = new Map<string, number>();
  for (const entry of (acceptEncoding ?? '').split(',')) {
    const [coding = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    const weight = parameters.find((parameter) => parameter.startsWith('q='));
    weights.set(coding, weight === undefined ? 1 : Number(weight.slice(2)));
  }
  return (weights.get('gzip') ?? weights.get('*') ?? 0) > 0;
}

/** Hop-by-hop and length headers, which the gateway sets itself. */
const NOT_PASSED_ON = new Set(['content-length', 'connection', 'keep-alive', 'transfer-encoding']);
/** A header name as a gateway may spell it: Content-Type for content-type. */
const titleCase = (name: string) =>
  name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

export async function startGatewayProvider(
  targetUrl: string,
  { tls = false, prefix = '' }: { tls?: boolean; prefix?: string } = {},
): Promise<GatewayProvider> {
  if (!/^(\/[^/]+)*$/.test(prefix)) throw new Error(`a gateway prefix is "" or /a/b, not "${prefix}"`);
  let compressed = 0;
  let answers = 0;
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    if (!path.startsWith(`${prefix}/`)) {
      // A gateway's own 404 for a path no route serves: not the API's errors body.
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end('{"message":"no Route matched with those values"}');
      return;
    }
    const upstream = httpRequest(
      `${targetUrl}${path.slice(prefix.length)}`,
      { method: request.method, setHost: false },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', () => response.destroy());
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          // The target's header lines as it sent them, repeated ones kept, in the gateway's spelling.
          const headers: string[] = [];
          for (let index = 0; index + 1 < answer.rawHeaders.length; index += 2) {
            const name = answer.rawHeaders[index] as string;
            if (!NOT_PASSED_ON.has(name.toLowerCase()))
              headers.push(titleCase(name), answer.rawHeaders[index + 1] as string);
          }
          headers.push('Vary', 'Accept-Encoding', 'Via', '1.1 gateway', 'X-Request-Id', `gw-${answers}`);
          const encoded = answer.headers['content-encoding'] !== undefined;
          if (!encoded && body.length > 0 && acceptsGzip(request.headers['accept-encoding'])) {
            body = gzipSync(body);
            headers.push('Content-Encoding', 'gzip');
            compressed++;
          }
          // Every other answer closes its connection.
          if (++answers % 2 === 0) headers.push('Connection', 'close');
          response.writeHead(answer.statusCode ?? 502, headers);
          // Two writes, no Content-Length: the answer goes out chunked.
          const half = Math.floor(body.length / 2);
          response.write(body.subarray(0, half));
          response.end(body.subarray(half));
        });
      },
    );
    upstream.on('error', () => {
      if (response.headersSent) return response.destroy();
      response.writeHead(502);
      response.end();
    });
    // The client's header lines as they came, repeated ones kept, Host too: what is behind the
    // gateway sees what the suite sent.
    for (const [name, values] of groupedByName(request.rawHeaders))
      if (!NOT_PASSED_ON.has(name.toLowerCase()) || name.toLowerCase() === 'content-length')
        upstream.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    request.on('error', () => upstream.destroy());
    request.pipe(upstream);
  };
  const file = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url));
  const server = await listenOnLoopback(
    tls ? createHttpsServer({ key: file('loopback.key'), cert: file('loopback.pem') }, serve) : createServer(serve),
  );
  // listenOnLoopback names every server http:.
  const url = tls ? server.url.replace(/^http:/, 'https:') : server.url;
  return { url: `${url}${prefix}`, close: server.close, compressed: () => compressed };
}
