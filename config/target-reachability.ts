// Whether a target answers at all, for the checks that stop early when it does not (the preflight
// of `npm start`, the e2e global setup): the reason names the target, never a local forwarder.
import { certificateRemedy, type GivenCaFile } from './answer-remedy.ts';
import { isNoAnswer, sendExactRequest } from './exact-request.ts';
import { isFile } from './path-kind.ts';
import { isProxyAddressVariable } from './setting-names.ts';

/** Why `baseUrl` cannot be tested, or undefined when it answers anything at all. */
export async function targetDownReason(baseUrl: string, timeoutMilliseconds: number): Promise<string | undefined> {
  try {
    await sendExactRequest('GET', `${baseUrl}/`, [], timeoutMilliseconds);
    return undefined;
  } catch (error) {
    return describeNoAnswer(baseUrl, error, timeoutMilliseconds);
  }
}

/** One line for a request to `url`, the target's or (`whose`) the token endpoint's, that got no HTTP answer. */
export function describeNoAnswer(
  url: string,
  error: unknown,
  timeoutMilliseconds: number,
  whose: 'target' | 'token endpoint' = 'target',
): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (isNoAnswer(message)) return `the ${whose} ${url} did not answer within ${timeoutMilliseconds / 1000} s`;
  const certificate = certificateRemedy(code ?? message, whose, givenNodeCaFile());
  return certificate === undefined
    ? `the ${whose} ${url} could not be reached (${code ?? message})${proxyNote()}`
    : `TLS to the ${whose} ${url} failed (${code ?? message}); ${certificate}`;
}

/** A proxy setting the Node layers do not follow (k6 does), named beside a target that was not reached. */
function proxyNote(environment: Readonly<Record<string, string | undefined>> = process.env): string {
  const proxy = Object.keys(environment).find((name) => isProxyAddressVariable(name) && environment[name]);
  return proxy === undefined
    ? ''
    : `; ${proxy} is set, but the suite connects directly (k6 alone follows it): run where the target is reachable without a proxy`;
}

/** The extra CA file this Node process was started with, for a refused certificate's remedy. */
const givenNodeCaFile = (): GivenCaFile => {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  return { variable: 'NODE_EXTRA_CA_CERTS', file, isFile: file ? isFile(file) : undefined };
};
