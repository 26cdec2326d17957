// The broker flow with the real pact-broker CLI and the real Pact verifier against a recording
// stand-in (testing/broker-stand-in.ts): publish the pact under the git sha and branch, verify and
// publish the result, can-i-deploy (yes, then no), record-deployment; every request carries the
// token, from the shell or from the .env files --env picks (a blank one is unset), and no output prints it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UNREACHABLE_URL } from '../../testing/bad-targets.ts';
import { type BrokerStandIn, startBrokerStandIn } from '../../testing/broker-stand-in.ts';
import { encodedForms } from '../../testing/files-containing.ts';
import { type EntryPointRun, runEntryPoint } from '../../testing/run-entry-point.ts';
import { temporaryFolder } from '../../testing/temporary-folder.ts';
import { startTinyServer, type TinyServer } from '../../testing/tiny-server.ts';
import { verifyInTurn } from '../../testing/verify-in-turn.ts';
import { CONSUMER_NAME, PACT_FILE } from '../participants.ts';

const token = `broker-token-${process.pid}`;
const git = { GITHUB_SHA: '0123abc0123abc', GITHUB_REF_NAME: 'feature/contract' };

describe('npm run pact:* with the real pact-broker CLI', () => {
  let broker: BrokerStandIn;
  before(async () => {
    broker = await startBrokerStandIn();
  });
  after(() => broker.close());
  const run = (action: string, extra: Record<string, string> = {}) =>
    runEntryPoint(
      'contracts/broker/run-broker-command.ts',
      {
        PACT_BROKER_BASE_URL: broker.url,
        PACT_BROKER_TOKEN: token,
        PACT_BROKER_TIMEOUT_SECONDS: '30',
        ...git,
        ...extra,
      },
      [action],
    );

  it('publishes the pact under the git sha and branch', async () => {
    const { code, output } = await run('publish');
    assert.equal(code, 0, output);
    const publish = broker.received.find((request) => request.path === '/contracts/publish');
    assert.ok(publish !== undefined, 'the CLI posted to pb:publish-contracts');
    const body = JSON.parse(publish.body);
    assert.equal(body.pacticipantName, CONSUMER_NAME);
    assert.equal(body.pacticipantVersionNumber, git.GITHUB_SHA);
    assert.equal(body.branch, git.GITHUB_REF_NAME);
    assert.equal(body.contracts[0]?.consumerName, CONSUMER_NAME);
    assert.doesNotMatch(output, new RegExp(token));
  });
  it('asks can-i-deploy for the consumer at the sha and the environment, and fails when the answer is no', async () => {
    const yes = await run('can-i-deploy', { PACT_DEPLOY_ENVIRONMENT: 'staging' });
    assert.equal(yes.code, 0, yes.output);
    const matrix = broker.received.find((request) => request.path.startsWith('/matrix?'));
    assert.ok(matrix !== undefined);
    const query = decodeURIComponent(matrix.path);
    assert.match(query, new RegExp(`q\\[\\]\\[pacticipant\\]=${CONSUMER_NAME}&q\\[\\]\\[version\\]=${git.GITHUB_SHA}`));
    assert.match(query, /environment=staging/);
    broker.deployable = false;
    const no = await run('can-i-deploy');
    broker.deployable = true;
    assert.notEqual(no.code, 0, no.output);
  });
  it('records the deployment of the consumer at the sha to the environment', async () => {
    const { code, output } = await run('record-deployment');
    assert.equal(code, 0, output);
    const recorded = broker.received.find(
      (request) => request.method === 'POST' && request.path.includes('/deployed-versions/'),
    );
    assert.ok(recorded !== undefined, "the CLI posted to the version's pb:record-deployment link");
    assert.match(
      recorded.path,
      new RegExp(`^/pacticipants/${CONSUMER_NAME}/versions/${git.GITHUB_SHA}/deployed-versions/environment/1$`),
    );
    assert.doesNotMatch(output, new RegExp(token));
  });
  it('sent the token with every request, and never in a URL or a body', () => {
    assert.ok(broker.received.length >= 5);
    for (const request of broker.received) {
      assert.equal(request.authorization, `Bearer ${token}`, `${request.method} ${request.path}`);
      assert.ok(!request.path.includes(token) && !request.body.includes(token));
    }
  });
  it('sends a token set only in the .env file --env names, as one set in the shell', async () => {
    const folder = temporaryFolder('broker-env');
    const fileToken = `file-token-${process.pid}`;
    writeFileSync(join(folder, '.env'), 'PACT_BROKER_TOKEN=the-token-of-another-broker\n');
    writeFileSync(join(folder, '.env.ci'), `PACT_BROKER_TOKEN=${fileToken}\n`);
    const sentBefore = broker.received.length;
    const { code, output } = await runEntryPoint(
      'contracts/broker/run-broker-command.ts',
      { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TIMEOUT_SECONDS: '30', ENGAGE_CONFIG_DIR: folder, ...git },
      ['can-i-deploy', '--env', 'ci'],
    );
    assert.equal(code, 0, output);
    const sent = broker.received.slice(sentBefore);
    assert.ok(sent.length > 0, 'the CLI asked the broker');
    for (const request of sent) assert.equal(request.authorization, `Bearer ${fileToken}`, request.path);
    assert.doesNotMatch(output, new RegExp(fileToken));
  });
  it('takes a blank token, as .env.example leaves it, for unset: a username and password are sent instead', async () => {
    const folder = temporaryFolder('broker-env');
    writeFileSync(join(folder, '.env'), 'PACT_BROKER_TOKEN=\nPACT_BROKER_USERNAME=broker-user\n');
    const sentBefore = broker.received.length;
    const { code, output } = await runEntryPoint(
      'contracts/broker/run-broker-command.ts',
      {
        PACT_BROKER_BASE_URL: broker.url,
        PACT_BROKER_PASSWORD: 'broker-password',
        PACT_BROKER_TIMEOUT_SECONDS: '30',
        ENGAGE_CONFIG_DIR: folder,
        ...git,
      },
      ['can-i-deploy'],
    );
    assert.equal(code, 0, output);
    const sent = broker.received.slice(sentBefore);
    assert.ok(sent.length > 0, 'the CLI asked the broker');
    const basic = `Basic ${Buffer.from('broker-user:broker-password').toString('base64')}`;
    for (const request of sent) assert.equal(request.authorization, basic, request.path);
    for (const form of encodedForms('broker-password'))
      assert.ok(!output.includes(form), `the output holds the password (as ${form})`);
  });
});

describe('npm run verify:provider with a broker', () => {
  // The verifications run in turn in one process (testing/verify-in-turn.ts), with a proxy that leads
  // nowhere in its environment: the verifier runs without it, and says so.
  let broker: BrokerStandIn;
  let releasedBroker: BrokerStandIn;
  let emptyBroker: BrokerStandIn;
  let refusing: TinyServer;
  let runs: {
    fromBroker: EntryPointRun;
    released: EntryPointRun;
    refused: EntryPointRun;
    credentials: EntryPointRun;
    empty: EntryPointRun;
  };
  before(async () => {
    const pact = JSON.parse(readFileSync(PACT_FILE, 'utf8'));
    broker = await startBrokerStandIn(pact);
    releasedBroker = await startBrokerStandIn(pact);
    emptyBroker = await startBrokerStandIn(pact, { noPacts: true });
    refusing = await startTinyServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"error":"unauthorized"}');
    });
    const environments = {
      fromBroker: { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: token, CI: 'true', ...git },
      released: {
        PACT_BROKER_BASE_URL: releasedBroker.url,
        PACT_BROKER_TOKEN: token,
        CI: 'true',
        ENGAGE_API_VERSION: '2026.11.3',
        ...git,
      },
      refused: { PACT_BROKER_BASE_URL: refusing.url, PACT_BROKER_TOKEN: token, ...git },
      credentials: { PACT_BROKER_BASE_URL: 'https://user:secret-in-url@broker.example', ...git },
      empty: { PACT_BROKER_BASE_URL: emptyBroker.url, PACT_BROKER_TOKEN: token, CI: 'true', ...git },
    };
    const results = await verifyInTurn(Object.values(environments), { HTTPS_PROXY: UNREACHABLE_URL });
    runs = Object.fromEntries(
      Object.keys(environments).map((name, index) => [name, results[index] as EntryPointRun]),
    ) as typeof runs;
  });
  after(async () => {
    await broker.close();
    await releasedBroker.close();
    await emptyBroker.close();
    await refusing.close();
  });

  it('reads the pacts from the broker and publishes the verification result under the git sha', () => {
    const { code, output } = runs.fromBroker;
    assert.equal(code, 0, output);
    assert.match(output, /^note: provider verification runs without HTTPS_PROXY .*so it reaches the broker directly$/m);
    const forVerification = broker.received.find(
      (request) => request.method === 'POST' && request.path.endsWith('/for-verification'),
    );
    assert.ok(forVerification !== undefined, 'the verifier asked for the pacts to verify');
    // None pending: a pact the API breaks fails the run, on a new branch too.
    assert.equal(JSON.parse(forVerification.body).includePendingStatus, false, forVerification.body);
    const published = broker.received.find((request) => request.path.endsWith('/verification-results'));
    assert.ok(published !== undefined, 'the verifier published its result');
    const result = JSON.parse(published.body);
    assert.equal(result.success, true);
    assert.equal(result.providerApplicationVersion, git.GITHUB_SHA);
    assert.ok(
      broker.received.some(
        (request) =>
          request.method === 'PUT' &&
          request.path.endsWith(`/branches/${encodeURIComponent(git.GITHUB_REF_NAME)}/versions/${git.GITHUB_SHA}`),
      ),
      'the provider version was put on its branch',
    );
    for (const request of broker.received) assert.equal(request.authorization, `Bearer ${token}`, request.path);
    assert.doesNotMatch(output, new RegExp(token));
  });
  it("publishes the result under ENGAGE_API_VERSION when given, the API's own release, on no branch of this suite", () => {
    const { code, output } = runs.released;
    assert.equal(code, 0, output);
    const asked = releasedBroker.received.find(
      (request) => request.method === 'POST' && request.path.endsWith('/for-verification'),
    );
    const selectors: Array<Record<string, unknown>> = JSON.parse(asked?.body ?? '{}').consumerVersionSelectors ?? [];
    assert.deepEqual(
      selectors.at(-1),
      { consumer: CONSUMER_NAME, branch: git.GITHUB_REF_NAME },
      "this branch's pact is verified by its name",
    );
    // Another consumer's pact would be sent with this suite's token.
    assert.deepEqual(
      selectors.filter((selector) => selector.consumer !== CONSUMER_NAME),
      [],
      'every selector names this consumer',
    );
    const published = releasedBroker.received.find((request) => request.path.endsWith('/verification-results'));
    assert.equal(JSON.parse(published?.body ?? '{}').providerApplicationVersion, '2026.11.3');
    assert.ok(
      !releasedBroker.received.some((request) => request.path.includes('/branches/')),
      "no provider version is put on this suite's branch",
    );
  });
  it('fails when the broker has no pact to verify: a run that verified nothing is no pass', () => {
    const { code, output } = runs.empty;
    assert.equal(code, 1, output);
    assert.match(
      output,
      /^provider verification failed: the pacts could not be loaded: No pacts found for provider .*; the broker holds no pact of this suite that the selectors match: publish one first \(npm run pact:publish\), from main or this run's branch$/m,
    );
    assert.ok(
      !emptyBroker.received.some((request) => request.path.endsWith('/verification-results')),
      'no result is published',
    );
  });
  it('says why when the broker refuses the token, naming PACT_BROKER_TOKEN, and refuses a URL with credentials', () => {
    const { code, output } = runs.refused;
    assert.equal(code, 1, output);
    assert.match(
      output,
      /^provider verification failed: the pacts could not be loaded: .*401 Unauthorized.*; the broker refused the token: check PACT_BROKER_TOKEN$/m,
    );
    assert.doesNotMatch(output, new RegExp(token));
    const withCredentials = runs.credentials;
    assert.equal(withCredentials.code, 2, withCredentials.output);
    assert.match(withCredentials.output, /PACT_BROKER_BASE_URL must not carry credentials in the URL/);
    assert.doesNotMatch(withCredentials.output, /secret-in-url/);
  });
});
