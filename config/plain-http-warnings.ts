// Warnings for a credential that would cross the network unencrypted: a plain http URL to a host
// other than this machine. Not refused: a staging API inside a cluster is often plain http.
import type { Environment } from './environment-files.ts';
import { settingValue } from './setting-value.ts';

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

/**
 * One warning per setting whose plain http URL would carry a credential to another host. Read as
 * given: a URL the config refuses is refused on its own.
 */
export function plainHttpWarnings(environment: Environment): string[] {
  const urls: Array<[setting: string, carries: string]> = [
    ['ENGAGE_BASE_URL', 'every bearer token'],
    ['ENGAGE_TOKEN_URL', 'the client secret and the tokens issued'],
    ['PACT_BROKER_BASE_URL', 'the broker token'],
  ];
  return urls.flatMap(([setting, carries]) => {
    const url = settingValue(environment, setting);
    const host = url === undefined ? undefined : plainHttpElsewhere(url);
    return host === undefined
      ? []
      : [
          `warning: ${setting} is plain http to ${host}: ${carries} would cross the network unencrypted; use https if it serves it`,
        ];
  });
}
