// A correct provider as an API gateway serves it: the target's answers, gzip-compressed when the
// request accepts gzip, sent chunked (no Content-Length), with the gateway's own headers added, in
// header lines of mixed case, and every other connection closed after its answer.
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { startTinyServer, type TinyServer } from './tiny-server.ts';

export interface GatewayProvider extends TinyServer {
  /** How many answers went out compressed. */
  compressed(): number;
}

const acceptsGzip = (acceptEncoding: string | undefined) =>
  (acceptEncoding ?? '').split(',').some((coding) => /^\s*(gzip|\*)\s*(;\s*q=(1|0?\.\d*[1-9]\d*)\s*)?$/i.test(coding));

export async function startGatewayProvider(targetUrl: string): Promise<GatewayProvider> {
  let compressed = 0;
  let answers = 0;
  const server = await startTinyServer((request, response) => {
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
  });
  return { ...server, compressed: () => compressed };
}
