// Proves the keep-alive race is no failure: a kept-alive connection that the server closed just as
// a request went out on it is sent again once on a new one, for the methods that may be repeated,
// and the others go on a connection of their own; a reset on a new connection, or after the answer
// began, stays the error it is. And the
// probe's transport reads a body the server compressed unasked, as RFC 9110 lets it.
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { startTinyServer, type TinyServer } from '../testing/tiny-server.ts';
import { exactTransport, sendExactRequest, utf8Text } from './exact-request.ts';

describe('a request on a kept-alive connection the server has just closed', () => {
  let server: TinyServer;
  /** Requests seen on each connection: the second on a connection is reset unanswered, as a server that timed it out. */
  const seen = new Map<Socket, number>();
  /** Each request that arrived, as "METHOD path". */
  const arrived: string[] = [];
  const arrivals = (request: string) => arrived.filter((one) => one === request).length;
  before(async () => {
    server = await startTinyServer((request, response) => {
      arrived.push(`${request.method} ${request.url}`);
      const count = (seen.get(request.socket) ?? 0) + 1;
      seen.set(request.socket, count);
      if (count === 2) {
        request.socket.destroy();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
    });
  });
  after(() => server.close());

  it('is sent again once, on a new connection, for a GET', async () => {
    assert.equal((await sendExactRequest('GET', `${server.url}/a`, [], 2000)).status, 200);
    const again = await sendExactRequest('GET', `${server.url}/b`, [], 2000);
    assert.equal(again.status, 200);
    assert.equal(arrivals('GET /b'), 2, 'reset on the kept-alive connection, answered on a new one');
  });

  it('never meets it for a POST, which may not be repeated: it goes on a connection of its own, once', async () => {
    assert.equal((await sendExactRequest('GET', `${server.url}/c`, [], 2000)).status, 200);
    assert.equal((await sendExactRequest('POST', `${server.url}/d`, [], 2000)).status, 200);
    assert.equal((await sendExactRequest('PATCH', `${server.url}/e`, [], 2000)).status, 200);
    assert.deepEqual([arrivals('POST /d'), arrivals('PATCH /e')], [1, 1]);
  });

  it('stays an error when the reset comes after the answer began: that is the target failing mid-answer', async () => {
    const cutting = await startTinyServer((request, response) => {
      const count = (seen.get(request.socket) ?? 0) + 1;
      seen.set(request.socket, count);
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
      if (count === 1) return response.end('x'.repeat(100));
      response.write('partial');
      setTimeout(() => request.socket.destroy(), 20);
    });
    try {
      assert.equal((await sendExactRequest('GET', `${cutting.url}/e`, [], 2000)).status, 200);
      await assert.rejects(sendExactRequest('GET', `${cutting.url}/f`, [], 2000), /aborted|ECONNRESET|socket hang up/);
      assert.equal(cutting.requests.length, 2, 'the cut answer was not asked for again');
    } finally {
      await cutting.close();
    }
  });

  it('stays an error on a new connection: a target that resets every request is reported, not retried', async () => {
    const resetting = await startTinyServer((request) => request.socket.destroy());
    try {
      await assert.rejects(sendExactRequest('GET', `${resetting.url}/a`, [], 2000), /socket hang up|ECONNRESET/);
      assert.equal(resetting.requests.length, 1);
    } finally {
      await resetting.close();
    }
  });
});

describe('a body the server compressed though the request had no Accept-Encoding', () => {
  const content = JSON.stringify({ data: { id: '123' } });
  const answers: Record<string, [string, Buffer]> = {
    '/gzip': ['gzip', gzipSync(content)],
    '/x-gzip': ['x-gzip', gzipSync(content)],
    '/br': ['br', brotliCompressSync(content)],
    '/deflate': ['deflate', deflateSync(content)],
    '/raw-deflate': ['deflate', deflateRawSync(content)],
    '/gzip-then-br': ['gzip, br', brotliCompressSync(gzipSync(content))],
    '/identity': ['identity', Buffer.from(content)],
    '/not-gzip': ['gzip', Buffer.from(content)],
    '/unknown': ['zstd', Buffer.from('zstd bytes')],
    '/empty': ['gzip', Buffer.alloc(0)],
  };
  let server: TinyServer;
  before(async () => {
    server = await startTinyServer((request, response) => {
      const [coding, body] = answers[request.url ?? ''] as [string, Buffer];
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
      response.end(body);
    });
  });
  after(() => server.close());
  const get = (path: string) => exactTransport(5_000)('GET', `${server.url}${path}`, { accept: 'application/json' });

  it('reads it decoded, each coding undone last first, and asked for none', async () => {
    for (const path of ['/gzip', '/x-gzip', '/br', '/deflate', '/raw-deflate', '/gzip-then-br', '/identity'])
      assert.equal((await get(path)).text, content, path);
    assert.ok(
      server.requests.every((request) => request.headers['accept-encoding'] === undefined),
      'nothing added',
    );
  });
  it('fails on a body that is not what its Content-Encoding says, and leaves an unknown coding or an empty body as it came', async () => {
    await assert.rejects(get('/not-gzip'), /^Error: the body is not gzip as its Content-Encoding says \(/);
    assert.equal((await get('/unknown')).text, 'zstd bytes');
    assert.equal((await get('/empty')).text, '', 'an empty body names a coding with nothing to decode');
  });
});

describe('a body as text', () => {
  it('is UTF-8 whatever the charset label; bytes that are not UTF-8 are said so; a byte order mark is kept', () => {
    assert.deepEqual(utf8Text(Buffer.from('{"city":"Bélgica"}')), { text: '{"city":"Bélgica"}' });
    const latin1 = utf8Text(Buffer.from('{"city":"Bélgica"}', 'latin1'));
    assert.equal(latin1.notUtf8, true);
    assert.equal(latin1.text, '{"city":"B\uFFFDlgica"}');
    assert.equal(utf8Text(Buffer.from('\uFEFF{}')).text, '\uFEFF{}');
  });
});
