// A Pact Broker stand-in on 127.0.0.1 for the broker scripts' tests (no broker can run here): it
// answers the HAL resources the pact-broker CLI walks, as the Pact Broker API documents them
// (index, publish contracts, the matrix for can-i-deploy, a version's record-deployment link) and the
// ones the Pact verifier walks (pacts for verification, a pact, its verification results), and
// records every request with its Authorization header, so that a test can check what was sent.
import type { IncomingMessage } from 'node:http';
import { startTinyServer, type TinyServer } from './tiny-server.ts';

export interface BrokerRequest {
  method: string;
  path: string;
  authorization?: string;
  body: string;
}

export interface BrokerStandIn extends TinyServer {
  received: BrokerRequest[];
  /** What can-i-deploy answers: deployable or not. */
  deployable: boolean;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
  });

/**
 * `pact`: the pact served for verification, if a test verifies against the stand-in; `noPacts`: a
 * broker that has no pact for the provider (none published yet, or none its selectors match).
 */
export async function startBrokerStandIn(
  pact: Record<string, unknown> = {},
  { noPacts = false }: { noPacts?: boolean } = {},
): Promise<BrokerStandIn> {
  const received: BrokerRequest[] = [];
  const state = { deployable: true };
  let base = '';
  const server = await startTinyServer((request, response) => {
    void readBody(request).then((body) => {
      const path = request.url ?? '/';
      received.push({ method: request.method ?? '', path, authorization: request.headers.authorization, body });
      const reply = (status: number, document: unknown) => {
        response.writeHead(status, { 'content-type': 'application/hal+json;charset=utf-8' });
        response.end(JSON.stringify(document));
      };
      const version = /^\/pacticipants\/([^/]+)\/versions\/([^/?]+)$/.exec(path);
      if (request.method === 'GET' && path === '/') {
        return reply(200, {
          _links: {
            self: { href: base },
            'pb:publish-contracts': { href: `${base}/contracts/publish`, title: 'Publish contracts' },
            'pb:pacticipant-version': {
              href: `${base}/pacticipants/{pacticipant}/versions/{version}`,
              templated: true,
            },
            'pb:environments': { href: `${base}/environments` },
            'pb:latest-provider-pacts': { href: `${base}/pacts/provider/{provider}/latest`, templated: true },
            'pb:provider-pacts-for-verification': {
              href: `${base}/pacts/provider/{provider}/for-verification`,
              templated: true,
            },
          },
        });
      }
      if (request.method === 'POST' && path === '/contracts/publish') {
        // The answer the Pact Broker's publish-contracts page documents.
        const { pacticipantName: name, pacticipantVersionNumber: number, branch } = JSON.parse(body || '{}');
        const versionHref = `${base}/pacticipants/${name}/versions/${number}`;
        return reply(200, {
          logs: [{ level: 'info', message: `Pact published for ${name} version ${number}.` }],
          notices: [{ type: 'success', text: `Pact published for ${name} version ${number}.` }],
          _embedded: {
            pacticipant: { name, _links: { self: { href: `${base}/pacticipants/${name}` } } },
            version: { number, branch, _links: { self: { title: 'Version', name: number, href: versionHref } } },
          },
          _links: {
            'pb:pacticipant': { title: 'Pacticipant', name, href: `${base}/pacticipants/${name}` },
            'pb:pacticipant-version': { title: 'Pacticipant version', name: number, href: versionHref },
            'pb:pacticipant-version-tags': [],
            'pb:contracts': [{ title: 'Pact', name: `Pact between ${name} (${number})`, href: `${base}/pacts/x` }],
          },
        });
      }
      const pactHref = `${base}/pacts/provider/p/consumer/c/pact-version/1`;
      const forVerification = /^\/pacts\/provider\/[^/]+\/for-verification$/.test(path);
      if (request.method === 'GET' && forVerification) {
        return reply(200, { _links: { self: { href: `${base}${path}`, title: 'Pacts for verification' } } });
      }
      if (request.method === 'POST' && forVerification) {
        // As the Pact Broker does: a matchingBranch selector needs the provider's branch.
        const { consumerVersionSelectors = [], providerVersionBranch } = JSON.parse(body || '{}');
        if (
          consumerVersionSelectors.some((selector: { matchingBranch?: boolean }) => selector.matchingBranch) &&
          !providerVersionBranch
        )
          return reply(400, {
            errors: { consumerVersionSelectors: ['the matchingBranch selector requires the provider version branch'] },
          });
        return reply(200, {
          _embedded: {
            pacts: noPacts
              ? []
              : [
                  {
                    shortDescription: 'latest from main',
                    verificationProperties: { pending: false, notices: [] },
                    _links: { self: { href: pactHref, name: 'the pact' } },
                  },
                ],
          },
          _links: { self: { href: `${base}${path}` } },
        });
      }
      if (request.method === 'GET' && path === '/pacts/provider/p/consumer/c/pact-version/1') {
        return reply(200, {
          ...pact,
          _links: {
            'pb:publish-verification-results': { href: `${pactHref}/verification-results` },
            'pb:provider': {
              href: `${base}/pacticipants/${encodeURIComponent(String((pact.provider as { name?: string })?.name))}`,
            },
          },
        });
      }
      const pacticipant = /^\/pacticipants\/([^/]+)$/.exec(path);
      if (request.method === 'GET' && pacticipant !== null) {
        const href = `${base}${path}`;
        return reply(200, {
          name: decodeURIComponent(pacticipant[1] as string),
          _links: {
            self: { href },
            'pb:version': { href: `${href}/versions/{version}`, templated: true },
            'pb:branch-version': { href: `${href}/branches/{branch}/versions/{version}`, templated: true },
            'pb:version-tag': { href: `${href}/versions/{version}/tags/{tag}`, templated: true },
          },
        });
      }
      if (request.method === 'PUT' && /\/branches\/[^/]+\/versions\/[^/]+$/.test(path)) {
        return reply(200, { _links: { self: { href: `${base}${path}` } } });
      }
      if (request.method === 'POST' && path.endsWith('/verification-results')) {
        return reply(201, { ...JSON.parse(body || '{}'), _links: { self: { href: `${base}${path}/1` } } });
      }
      if (request.method === 'GET' && path.startsWith('/matrix?')) {
        return reply(200, {
          summary: {
            deployable: state.deployable,
            reason: state.deployable
              ? 'All required verification results are published and successful'
              : 'The verification failed',
            success: state.deployable ? 1 : 0,
            failed: state.deployable ? 0 : 1,
            unknown: 0,
          },
          matrix: [],
          notices: [],
        });
      }
      if (request.method === 'GET' && version !== null) {
        const [, pacticipant, number] = version;
        return reply(200, {
          number: decodeURIComponent(number as string),
          _links: {
            self: { href: `${base}${path}` },
            'pb:record-deployment': [
              {
                name: 'production',
                href: `${base}/pacticipants/${pacticipant}/versions/${number}/deployed-versions/environment/1`,
              },
              {
                name: 'staging',
                href: `${base}/pacticipants/${pacticipant}/versions/${number}/deployed-versions/environment/2`,
              },
            ],
          },
        });
      }
      if (request.method === 'POST' && /\/deployed-versions\/environment\/\d+$/.test(path)) {
        return reply(201, { currentlyDeployed: true, _embedded: { environment: { name: 'production' } } });
      }
      reply(404, { error: `the stand-in does not know ${request.method} ${path}` });
    });
  });
  base = server.url;
  // A property over `state`, since Object.assign would copy a getter's value, not the getter.
  return Object.defineProperties(Object.assign(server, { received }), {
    deployable: {
      get: () => state.deployable,
      set: (value: boolean) => {
        state.deployable = value;
      },
    },
  }) as BrokerStandIn;
}
