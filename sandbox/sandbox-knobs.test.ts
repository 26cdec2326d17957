// Proves the sandbox's opt-in knobs: latency, an injected error rate, the documented rate limit
// (per minute and concurrent), and seeding from a file or through the store's helpers.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { get } from '../testing/http-helpers.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { readSeedFile, SeedError } from './seed.ts';
import { startSandbox } from './start-sandbox.ts';

const docsUrl = (url: string, id = '123') => `${url}/enterprises/acme/appointments/${id}`;

describe('latency', () => {
  it('delays every answer by the fixed part plus jitter', async () => {
    const sandbox = await startSandbox({ latency: { fixedMilliseconds: 120, jitterMilliseconds: 30 } });
    const started = performance.now();
    assert.equal((await get(docsUrl(sandbox.url))).status, 200);
    assert.ok(performance.now() - started >= 115);
    await sandbox.close();
  });
});

describe('the injected error rate', () => {
  it('answers that share of requests with a 500 in the errors envelope', async () => {
    let draw = 0;
    const sandbox = await startSandbox({ errorRate: 0.5, random: () => [0.1, 0.9][draw++ % 2] as number });
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await get(docsUrl(sandbox.url))).status);
    assert.deepEqual(statuses, [500, 200, 500, 200]);
    const failed = await get(docsUrl(sandbox.url));
    assert.equal(failed.json.errors[0].statusCode, '500');
    await sandbox.close();
  });
});

describe('the rate limit', () => {
  it('is off unless asked for', async () => {
    const sandbox = await startSandbox({ latency: { fixedMilliseconds: 50, jitterMilliseconds: 0 } });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () => get(docsUrl(sandbox.url)).then((r) => r.status)),
    );
    assert.deepEqual(new Set(statuses), new Set([200]));
    await sandbox.close();
  });
  it('allows 4 concurrent requests per client and answers the 5th with 429', async () => {
    const sandbox = await startSandbox({ rateLimit: true, latency: { fixedMilliseconds: 150, jitterMilliseconds: 0 } });
    const responses = await Promise.all(Array.from({ length: 6 }, () => get(docsUrl(sandbox.url))));
    const statuses = responses.map((response) => response.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    const limited = responses.find((response) => response.status === 429);
    assert.equal(limited?.json.errors[0].statusCode, '429');
    assert.equal((await get(docsUrl(sandbox.url))).status, 200, 'a slot is free again once the others finished');
    await sandbox.close();
  });
  it('allows the per-minute budget and no more', async () => {
    const sandbox = await startSandbox({ rateLimit: { perMinute: 5, concurrent: 4 } });
    const statuses = [];
    for (let index = 0; index < 7; index++) statuses.push((await get(docsUrl(sandbox.url))).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    await sandbox.close();
  });
});

describe('seeding', () => {
  const seed = () => {
    const appointment = { ...docsAppointmentResponse().data, id: 'only-one' };
    return { enterprises: [{ id: 'globex', defaultLanguage: 'nl', appointments: [appointment] }] };
  };
  it('serves a seed file instead of the built-in data', async () => {
    const file = join(temporaryFolder('seed'), 'seed.json');
    writeFileSync(file, JSON.stringify(seed()));
    const sandbox = await startSandbox({ seed: readSeedFile(file) });
    assert.equal((await get(`${sandbox.url}/enterprises/globex/appointments/only-one`)).status, 200);
    assert.equal((await get(docsUrl(sandbox.url))).status, 404);
    await sandbox.close();
  });
  it('refuses a seed file whose appointment breaks the schema, naming it and the path, in one line', () => {
    const broken = seed();
    const appointment = broken.enterprises[0]?.appointments[0] as Record<string, unknown>;
    appointment.status = 'LATE';
    appointment.hybrid = 'no';
    const file = join(temporaryFolder('seed'), 'seed.json');
    writeFileSync(file, JSON.stringify(broken));
    assert.throws(
      () => readSeedFile(file),
      (error: unknown) =>
        error instanceof SeedError &&
        /^\S+seed\.json: appointment "only-one" of globex: \/\w+: .* \(and 1 more\)$/.test(error.message),
    );
    writeFileSync(file, JSON.stringify({ enterprises: [] }));
    assert.throws(() => readSeedFile(file), /seed\.json: "enterprises" is empty: give at least one$/);
    writeFileSync(file, '{ not json');
    assert.throws(() => readSeedFile(file), /cannot be read as JSON/);
  });
  it('puts, removes and resets appointments through the store', async () => {
    const sandbox = await startSandbox();
    sandbox.store.put('acme', { ...docsAppointmentResponse().data, id: 'seeded-by-test' });
    assert.equal((await get(docsUrl(sandbox.url, 'seeded-by-test'))).status, 200);
    sandbox.store.remove('acme', '123');
    assert.equal((await get(docsUrl(sandbox.url))).status, 404);
    sandbox.store.reset();
    assert.equal((await get(docsUrl(sandbox.url))).status, 200);
    assert.equal((await get(docsUrl(sandbox.url, 'seeded-by-test'))).status, 404);
    assert.throws(() => sandbox.store.put('acme', { id: 'bad' } as never), SeedError);
    await sandbox.close();
  });
});
