// Proves the sandbox over real HTTP: the docs' curl returns the docs' example, every seeded
// appointment matches the schema in every language, and each error of the notes comes with the
// documented errors envelope.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { formatViolations, SchemaId, validateAgainstSchema } from '../schemas/schema-registry.ts';
import { assertErrorEnvelope, get } from '../testing/http-helpers.ts';
import { defaultSeed } from './default-seed.ts';
import { type RunningSandbox, startSandbox } from './start-sandbox.ts';

let sandbox: RunningSandbox;
let appointmentUrl: (id: string) => string;
before(async () => {
  sandbox = await startSandbox();
  appointmentUrl = (id) => `${sandbox.url}/enterprises/acme/appointments/${encodeURIComponent(id)}`;
});
after(() => sandbox.close());

describe('the docs example', () => {
  it("comes back exactly for the docs' curl", async () => {
    const response = await get(appointmentUrl('123'), {
      'x-correlation-id': '8d3b7a4e-4b0c-4a8e-9d4c-2f1b6e0c9a11',
      'accept-language': 'en *',
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, docsAppointmentResponse());
    assert.equal(response.text, JSON.stringify(docsAppointmentResponse()), 'same keys in the same order');
  });
  it('comes with JSON, the correlation id, the chosen language and Vary', async () => {
    const response = await get(appointmentUrl('123'), { 'x-correlation-id': 'abc-123', 'accept-language': 'en' });
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('x-correlation-id'), 'abc-123');
    assert.equal(response.headers.get('content-language'), 'en');
    assert.equal(response.headers.get('vary'), 'Accept-Language');
  });
  it('gets a generated correlation id when the request has none', async () => {
    const response = await get(appointmentUrl('123'));
    assert.match(response.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
  });
  it('answers HEAD with the headers and no body', async () => {
    const response = await get(appointmentUrl('123'), {}, 'HEAD');
    assert.equal(response.status, 200);
    assert.equal(response.text, '');
  });
});

describe('every seeded appointment', () => {
  const appointments = defaultSeed.enterprises[0]?.appointments ?? [];
  for (const header of [undefined, '*', 'en', 'nl', 'fr;q=0.5, es', 'no', 'ja', 'xx']) {
    it(`matches the schema with Accept-Language ${header ?? '(none)'}`, async () => {
      for (const { id } of appointments) {
        const response = await get(appointmentUrl(id), header === undefined ? {} : { 'accept-language': header });
        assert.equal(response.status, 200, id);
        const result = validateAgainstSchema(SchemaId.appointmentResponse, response.json);
        assert.ok(result.valid, `${id}: ${result.valid ? '' : formatViolations(result.violations)}`);
        assert.equal(response.json.data.id, id);
      }
    });
  }
});

describe('languages over HTTP', () => {
  const city = async (id: string, header?: string) =>
    (await get(appointmentUrl(id), header ? { 'accept-language': header } : {})).json.data.location.city;
  it('resolve a language the field has', async () =>
    assert.deepEqual(await city('a-office-accepted', 'nl'), { language: 'nl', value: 'Gent' }));
  it('give null for a language the field lacks', async () => assert.equal(await city('a-office-accepted', 'es'), null));
  it('fall back from a region tag (sandbox rule)', async () =>
    assert.deepEqual(await city('a-office-accepted', 'nl-BE'), { language: 'nl', value: 'Gent' }));
  it('take another translation when the default is missing', async () =>
    assert.equal((await city('a-on-location-no-english'))?.language, 'nl'));
  it('name no Content-Language when nothing resolved', async () => {
    const response = await get(appointmentUrl('a-phone-no-location'), { 'accept-language': 'nl' });
    assert.equal(response.headers.get('content-language'), null);
  });
});

describe('errors', () => {
  const cases: Array<[string, () => Promise<{ status: number; json: unknown; headers: Headers }>, number]> = [
    ['an unknown id', () => get(appointmentUrl('does-not-exist')), 404],
    ['an unknown enterprise', () => get(`${sandbox.url}/enterprises/initech/appointments/123`), 404],
    ['an unknown path', () => get(`${sandbox.url}/enterprises/acme/appointments`), 404],
    ['the root', () => get(`${sandbox.url}/`), 404],
    ['a POST', () => get(appointmentUrl('123'), {}, 'POST'), 405],
    ['a DELETE', () => get(appointmentUrl('123'), {}, 'DELETE'), 405],
    ['no Authorization', () => get(appointmentUrl('123'), { authorization: '' }), 401],
    ['a Basic Authorization', () => get(appointmentUrl('123'), { authorization: 'Basic dXNlcjpwYXNz' }), 401],
    ['an unknown token', () => get(appointmentUrl('123'), { authorization: 'Bearer not-a-token' }), 401],
    [
      'a token without the scope',
      () => get(appointmentUrl('123'), { authorization: 'Bearer sandbox-token-no-scope' }),
      403,
    ],
    ['an empty X-Correlation-Id', () => get(appointmentUrl('123'), { 'x-correlation-id': '' }), 400],
    ['a 37-character X-Correlation-Id', () => get(appointmentUrl('123'), { 'x-correlation-id': 'x'.repeat(37) }), 400],
    ['an empty Accept-Language', () => get(appointmentUrl('123'), { 'accept-language': '' }), 400],
    ['a malformed Accept-Language', () => get(appointmentUrl('123'), { 'accept-language': 'en;q=7' }), 400],
    [
      'a malformed Accept-Language for an unknown id',
      () => get(appointmentUrl('nope'), { 'accept-language': 'en;q=7' }),
      400,
    ],
    ['a broken percent-encoding', () => get(`${sandbox.url}/enterprises/acme/appointments/%E0%A4%A`), 400],
  ];
  for (const [name, request, status] of cases) {
    it(`${name}: ${status} with the errors envelope`, async () => {
      const response = await request();
      assert.equal(response.status, status);
      assertErrorEnvelope(response.json, status);
    });
  }
  it('405 names the allowed methods', async () => {
    assert.equal((await get(appointmentUrl('123'), {}, 'PUT')).headers.get('allow'), 'GET, HEAD');
  });
  /** Sends raw bytes and returns the raw answer, for requests no HTTP client would send. */
  const rawExchange = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const { port } = new URL(sandbox.url);
      let received = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
      socket.on('data', (chunk) => {
        received += chunk;
      });
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
  const authorised = 'Authorization: Bearer sandbox-token\r\n';
  it('reads header names in any case (RFC 9110 §5.1): Host, the token, the language and the correlation id', async () => {
    const raw = await rawExchange(
      'GET /enterprises/acme/appointments/a-office-accepted HTTP/1.1\r\nHOST: x\r\nAUTHORIZATION: Bearer sandbox-token\r\nAccept-LANGUAGE: nl\r\nX-Correlation-ID: Case-1\r\n\r\n',
    );
    assert.match(raw, /^HTTP\/1\.1 200/);
    assert.match(raw, /\r\ncontent-language: nl\r\n/i);
    assert.match(raw, /\r\nx-correlation-id: Case-1\r\n/i);
  });
  for (const [label, request, status] of [
    ['malformed HTTP', 'GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['HTTP/1.1 without Host', `GET /enterprises/acme/appointments/123 HTTP/1.1\r\n${authorised}\r\n`, 400],
    [
      'an Expect it cannot meet',
      `GET /enterprises/acme/appointments/123 HTTP/1.1\r\nHost: x\r\nExpect: foo\r\n${authorised}\r\n`,
      417,
    ],
  ] as const) {
    it(`${label} gets ${status} with the errors envelope, not Node's empty body`, async () => {
      const raw = await rawExchange(request);
      assert.match(raw, new RegExp(`^HTTP/1\\.1 ${status}`));
      assertErrorEnvelope(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)), status);
    });
  }
});
