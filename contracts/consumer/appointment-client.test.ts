// Proves the client's handling beyond the contract: the headers it sends, a fresh correlation id per
// call, and a clear error result for odd answers (non-JSON, no errors envelope, a hang, no server).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { UNREACHABLE_URL } from '../../testing/bad-targets.ts';
import { startTinyServer, type TinyServer } from '../../testing/tiny-server.ts';
import { createAppointmentClient } from './appointment-client.ts';

const servers: TinyServer[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function clientAgainst(
  status: number,
  contentType: string,
  body: string,
  options: { timeoutMilliseconds?: number } = {},
) {
  const server = await startTinyServer((_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
  servers.push(server);
  const client = createAppointmentClient({
    baseUrl: server.url,
    enterprise: 'acme',
    getToken: async () => 'token-under-test',
    ...options,
  });
  return { server, client };
}

describe('the appointment client', () => {
  it('sends the token, Accept-Language and a fresh UUID correlation id per call, and encodes the path', async () => {
    const { server, client } = await clientAgainst(200, 'application/json', '{"data":{"id":"a/b"}}');
    await client.getAppointment('a/b', { acceptLanguage: 'nl' });
    await client.getAppointment('a/b');
    const [first, second] = server.requests;
    assert.equal(first?.url, '/enterprises/acme/appointments/a%2Fb');
    assert.equal(first?.headers.authorization, 'Bearer token-under-test');
    assert.equal(first?.headers['accept-language'], 'nl');
    assert.equal(second?.headers['accept-language'], '*');
    assert.match(
      String(first?.headers['x-correlation-id']),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.notEqual(first?.headers['x-correlation-id'], second?.headers['x-correlation-id']);
  });
  it('returns an error with the errors of a 5xx', async () => {
    const { client } = await clientAgainst(
      503,
      'application/json',
      '{"errors":[{"message":"down","code":"X","type":"Y","statusCode":"503"}]}',
    );
    const result = await client.getAppointment('1');
    assert.equal(result.kind, 'error');
    assert.equal(result.kind === 'error' && result.status, 503);
    assert.equal(result.kind === 'error' && result.errors[0]?.message, 'down');
  });
  it('returns an error naming the status and content type when the body is not JSON', async () => {
    const { client } = await clientAgainst(200, 'text/html', '<html>maintenance</html>');
    const result = await client.getAppointment('1');
    assert.equal(result.kind, 'error');
    assert.match(
      result.kind === 'error' ? (result.errors[0]?.message ?? '') : '',
      /HTTP 200 with a body that is neither an appointment nor the errors envelope \(text\/html\)/,
    );
  });
  it('does not call a 404 without the errors envelope "not found"', async () => {
    const { client } = await clientAgainst(404, 'application/json', '{"message":"nope"}');
    assert.equal((await client.getAppointment('1')).kind, 'error');
  });
  it('gives up after its timeout on a server that never answers', async () => {
    const server = await startTinyServer(() => {});
    servers.push(server);
    const client = createAppointmentClient({
      baseUrl: server.url,
      enterprise: 'acme',
      getToken: async () => 't',
      timeoutMilliseconds: 200,
    });
    const result = await client.getAppointment('1');
    assert.equal(result.kind === 'error' && result.errors[0]?.code, 'REQUEST_FAILED');
  });
  it('reports a server that is not there', async () => {
    const client = createAppointmentClient({
      baseUrl: UNREACHABLE_URL,
      enterprise: 'acme',
      getToken: async () => 't',
    });
    const result = await client.getAppointment('1');
    assert.match(
      result.kind === 'error' ? (result.errors[0]?.message ?? '') : '',
      /^GET http:\/\/127\.0\.0\.1:9\/enterprises\/acme\/appointments\/1 failed/,
    );
  });
});
