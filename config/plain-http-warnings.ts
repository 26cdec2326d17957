// Warnings for a credential that would cross the network unencrypted: a plain http URL to a host
// other than this machine. Not refused: a staging API inside a cluster is often plain http.
import type { Environment } from './environment-files.ts';
import { settingValue } from './setting-value.ts';
import type { SuiteConfig } from './suite-config.ts';

/** Whether `url` is plain http to a host other than this machine's loopback. */
function plainHttpElsewhere(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return parsed.protocol === 'http:' && !loopback ? host : undefined;
}

/** One warning per setting whose plain http URL would carry a credential to another host. */
export function plainHttpWarnings(config: SuiteConfig, environment: Environment): string[] {
  const urls: Array<[setting: string, url: string | undefined, carries: string]> = [
    ['ENGAGE_BASE_URL', config.target.kind === 'remote' ? config.target.baseUrl : undefined, 'every bearer token'],
    [
      'ENGAGE_TOKEN_URL',
      config.auth.kind === 'client-credentials' ? config.auth.tokenUrl : undefined,
      'the client secret and the tokens issued',
    ],
    ['PACT_BROKER_BASE_URL', settingValue(environment, 'PACT_BROKER_BASE_URL'), 'the broker token'],
  ];
  return urls.flatMap(([setting, url, carries]) => {
    const host = url === undefined ? undefined : plainHttpElsewhere(url);
    return host === undefined
      ? []
      : [
          `warning: ${setting} is plain http to ${host}: ${carries} would cross the network unencrypted; use https if it serves it`,
        ];
  });
}
