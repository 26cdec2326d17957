// `npm run verify:provider`: verifies the pacts in ENGAGE_PACT_DIR (contracts/pacts/ unless set; a
// broker's when PACT_BROKER_BASE_URL is set) against the target, the embedded sandbox or
// ENGAGE_BASE_URL; under npm start it also writes its findings into the reports folder.
// The verifier's own module, not the package root: the root also loads the GraphQL and message DSLs,
// which verification never uses (verify-provider --help: 0.68 s of CPU, then 0.38 s). It is not a
// documented path: a pact upgrade that moves it fails tsc first.
import { Verifier } from '@pact-foundation/pact/src/dsl/verifier/index.js';
import type { RequestHandler } from 'express';
import { describeAnswer } from '../../config/answer-remedy.ts';
import { appointmentPath, SUITE_USER_AGENT } from '../../config/api-facts.ts';
import { ConfigError } from '../../config/config-error.ts';
import { isEntryPoint, runMain } from '../../config/entry-point.ts';
import type { Environment } from '../../config/environment-files.ts';
import { writeHandedFindings } from '../../config/layer-findings-file.ts';
import { loadSuite } from '../../config/load-suite-config.ts';
import { useEnvFlag } from '../../config/parse-flags.ts';
import { REPORT_FILES } from '../../config/report-paths.ts';
import { resolveTarget, targetLabel } from '../../config/resolve-target.ts';
import { isProxyAddressVariable } from '../../config/setting-names.ts';
import { settingValue } from '../../config/setting-value.ts';
import type { SuiteConfig } from '../../config/suite-config.ts';
import { targetDownReason } from '../../config/target-reachability.ts';
import { startTokenInjectingProxy, type TokenInjectingProxy } from '../../config/token-injecting-proxy.ts';
import { createTokenProvider } from '../../config/token-provider.ts';
import { brokerFailureHint, brokerUrl } from '../broker/broker-commands.ts';
import { PLACEHOLDER_TOKEN } from '../consumer/placeholder-token.ts';
import { branchOf, readGitVersion } from '../git-version.ts';
import { CONSUMER_NAME, PACT_DIRECTORY, PROVIDER_NAME, pactFiles } from '../participants.ts';
import { configuredStateHandlers, SANDBOX_ENTERPRISE, sandboxStateHandlers } from './state-handlers.ts';
import { verificationFindings } from './verification-findings.ts';

type VerifierOptions = ConstructorParameters<typeof Verifier>[0];

/** Where the pacts come from: the local folder, or a broker with its selectors. */
export function pactSource(environment: Environment) {
  if (settingValue(environment, 'PACT_BROKER_BASE_URL') !== undefined) {
    const version = readGitVersion(environment);
    // The API's own release, when the pipeline knows it: the broker then holds real API versions,
    // which the API's release records as deployed. Else this suite's sha, on its branch.
    const apiVersion = settingValue(environment, 'ENGAGE_API_VERSION');
    // A tag or a detached checkout names no branch of the pact's: its own pact is left out, said once.
    if (apiVersion !== undefined && version.branch === undefined)
      console.log(
        "note: this run is on a tag or a detached checkout, so only the pacts of the consumer's main branch and of its deployed versions are verified",
      );
    return {
      // Read as the broker scripts read it: an http(s) URL with no credentials in it.
      pactBrokerUrl: brokerUrl(environment, 'verify against'),
      pactBrokerToken: settingValue(environment, 'PACT_BROKER_TOKEN'),
      // This branch's pact too, so that a pact the API breaks fails its own branch's run: by
      // matchingBranch, or, for an API release (ENGAGE_API_VERSION, published on no provider branch,
      // without which the broker refuses matchingBranch), by the branch's name.
      // This suite's consumer alone: another consumer's pact would be sent with this suite's token
      // put on its requests, and judged by this suite, which knows nothing of its states.
      consumerVersionSelectors: [
        { mainBranch: true },
        { deployedOrReleased: true },
        ...(apiVersion === undefined
          ? [{ matchingBranch: true }]
          : version.branch === undefined
            ? []
            : [{ branch: version.branch }]),
      ].map((selector) => ({ consumer: CONSUMER_NAME, ...selector })),
      // Not pending: the suite verifies the staging API in the pipeline that gates its release, so a
      // pact it breaks fails the run on a new branch too, instead of passing with its failures printed.
      enablePending: false,
      providerVersion: apiVersion ?? version.sha,
      // Pact refuses the option when it is present but undefined.
      ...(apiVersion === undefined ? { providerVersionBranch: branchOf(version) } : {}),
      publishVerificationResult: environment.CI === 'true',
    };
  }
  const pactUrls = pactFiles();
  if (pactUrls.length === 0)
    throw new ConfigError(
      'PACT_BROKER_BASE_URL',
      `is unset and ${PACT_DIRECTORY} holds no pact: run npm run test:pact first`,
    );
  return { pactUrls };
}

/** Any HTTP answer will do; a target that cannot be reached is reported before Pact's proxy trips over it. */
async function assertReachable(baseUrl: string, timeoutMilliseconds: number): Promise<void> {
  const reason = await targetDownReason(baseUrl, timeoutMilliseconds);
  if (reason !== undefined) throw new TargetUnreachableError(reason);
}

class TargetUnreachableError extends Error {}

/** A verification's error, with why the states could not be set up when that is why it failed. */
type VerificationError = Error & { stateProblem?: string; targetDown?: string };

/**
 * Pact's report is printed above; its error carries the same as JSON, which is summarised here,
 * with the first state that could not be set up: the likely cause of every mismatch after it.
 */
function summarise(error: VerificationError, fromBroker: boolean): string {
  if (error instanceof TargetUnreachableError) return error.message;
  const cause =
    (error.stateProblem === undefined ? '' : `; the states could not be set up: ${error.stateProblem}`) +
    // The forwarder sent nothing more once the target stopped answering: Pact's report shows 502s.
    (error.targetDown === undefined ? '' : `; ${error.targetDown}, so the later interactions were not sent`);
  let errors: Array<{ interaction?: string; mismatch?: { message?: string } }>;
  try {
    errors = (JSON.parse(error.message) as { errors?: typeof errors }).errors ?? [];
  } catch {
    return `${error.message}${cause}`;
  }
  // No pact to verify (a broker that refused or could not be reached): said as that, with the setting to check.
  const notLoaded = errors.find((failure) => failure.interaction === 'Failed to load pact');
  if (notLoaded !== undefined) {
    const hint = fromBroker ? brokerFailureHint(notLoaded.mismatch?.message ?? '') : undefined;
    return `the pacts could not be loaded: ${notLoaded.mismatch?.message ?? 'Pact gave no reason'}${hint === undefined ? '' : `; ${hint}`}`;
  }
  return `${errors.length} interaction(s) did not match the pact (see Pact's report above)${cause}`;
}

/**
 * Puts on each of Pact's requests what the suite's own requests carry: the forwarder's placeholder
 * for the consumer's (which the forwarder swaps for the real token; any other Authorization is left
 * as the pact says), and the suite's User-Agent where the pact sets none (Pact's verifier sends none,
 * which firewalls refuse).
 */
function asTheSuiteSends(forwarderPlaceholder: string): RequestHandler {
  return (request, _response, next) => {
    request.headers['user-agent'] ??= SUITE_USER_AGENT;
    if (request.headers.authorization === `Bearer ${PLACEHOLDER_TOKEN}`)
      request.headers.authorization = `Bearer ${forwarderPlaceholder}`;
    next();
  };
}

/** GET ENGAGE_APPOINTMENT_ID with the configured token, for the state handlers to read. */
async function readConfiguredAppointment(
  config: SuiteConfig,
  baseUrl: string,
  getToken: () => Promise<string>,
): Promise<unknown> {
  const url = `${baseUrl}${appointmentPath(config.enterprise, config.appointmentId)}`;
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${await getToken()}`,
      accept: 'application/json',
      'accept-language': '*',
      'user-agent': SUITE_USER_AGENT,
    },
    signal: AbortSignal.timeout(config.requestTimeoutMilliseconds),
    // A redirect is the answer, as the API gives none: followed, it would lose the token on the way.
    redirect: 'manual',
  });
  if (response.status !== 200) {
    const body = await response.json().catch(() => null);
    const answer = { status: response.status, location: response.headers.get('location') ?? undefined, url };
    throw new Error(describeAnswer(`${config.appointmentId} (ENGAGE_APPOINTMENT_ID)`, answer, config.auth.kind, body));
  }
  return response.json().catch(() => undefined);
}

/**
 * Pact's verifier sends even its requests to its proxy on 127.0.0.1 through a proxy setting
 * (HTTP_PROXY, HTTPS_PROXY; NO_PROXY does not help with them), which failed every interaction of a
 * healthy provider: it runs without them, and so reaches a broker directly, as the Node layers do.
 */
function withoutProxies(fromBroker: boolean): () => void {
  const removed = Object.entries(process.env).filter(([name]) => isProxyAddressVariable(name));
  for (const [name] of removed) delete process.env[name];
  if (removed.length > 0 && fromBroker)
    console.log(
      `note: provider verification runs without ${removed.map(([name]) => name).join(', ')} (Pact's verifier sends its local requests through them), so it reaches the broker directly`,
    );
  // Put back once the verifier is done: a process that verifies in turn starts each run as it began.
  return () => Object.assign(process.env, Object.fromEntries(removed));
}

async function verifyProvider(config: SuiteConfig, environment: Environment): Promise<void> {
  const source = pactSource(environment);
  const target = await resolveTarget(config, environment);
  const { sandbox } = target;
  let restoreProxies = () => {};
  let forwarder: TokenInjectingProxy | undefined;
  try {
    if (sandbox === undefined) await assertReachable(target.url, config.requestTimeoutMilliseconds);
    restoreProxies = withoutProxies(settingValue(environment, 'PACT_BROKER_BASE_URL') !== undefined);
    const tokenProvider = createTokenProvider(config.auth, { timeoutMilliseconds: config.requestTimeoutMilliseconds });
    // Pact's requests go through the suite's forwarder, as e2e's do: the token goes on the
    // placeholder's GETs of the appointment path alone, and a token an answer echoes comes back
    // masked, so that neither Pact's report nor a result it publishes to a broker holds it.
    forwarder = await startTokenInjectingProxy(
      target.url,
      sandbox === undefined ? [config.enterprise] : [SANDBOX_ENTERPRISE],
      () => tokenProvider.getToken(),
      config.requestTimeoutMilliseconds,
      { requests: "Pact's requests" },
    );
    let stateProblem: string | undefined;
    const readAppointment = () => readConfiguredAppointment(config, target.url, tokenProvider.getToken);
    await new Verifier({
      provider: PROVIDER_NAME,
      providerBaseUrl: forwarder.url,
      // pact-js types stateHandlers as HTTP and message handlers at once; ours are HTTP handlers.
      stateHandlers: (sandbox === undefined
        ? configuredStateHandlers(config, readAppointment, (problem) => {
            stateProblem ??= problem;
          })
        : sandboxStateHandlers(sandbox)) as unknown as VerifierOptions['stateHandlers'],
      requestFilter: asTheSuiteSends(forwarder.placeholder),
      logLevel: 'warn',
      timeout: config.requestTimeoutMilliseconds,
      ...source,
    })
      .verifyProvider()
      .catch((error: VerificationError) => {
        error.stateProblem = stateProblem;
        error.targetDown = forwarder?.down();
        throw error;
      });
  } finally {
    restoreProxies();
    await forwarder?.close();
    await target.close();
  }
}

/** One verification as `npm run verify:provider` makes it: progress and outcome printed, its exit code returned. */
export async function runVerification(environment: Environment, config: SuiteConfig): Promise<0 | 1> {
  console.log(`verifying the pacts against ${targetLabel(config)}`);
  try {
    await verifyProvider(config, environment);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    writeHandedFindings(environment, REPORT_FILES.verificationFindings, verificationFindings(error as Error));
    console.error(
      `provider verification failed: ${summarise(error as Error, settingValue(environment, 'PACT_BROKER_BASE_URL') !== undefined)}`,
    );
    return 1;
  }
  writeHandedFindings(environment, REPORT_FILES.verificationFindings, verificationFindings(undefined));
  console.log('provider verification passed');
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  await runMain(async () => {
    useEnvFlag(
      process.argv.slice(2),
      'npm run verify:provider',
      'Verifies the pacts (ENGAGE_PACT_DIR, or the broker at PACT_BROKER_BASE_URL) against ENGAGE_BASE_URL, else the embedded sandbox.',
    );
    const { environment, config } = loadSuite({ warnOfUnknownSettings: true });
    process.exitCode = await runVerification(environment, config);
  });
}
