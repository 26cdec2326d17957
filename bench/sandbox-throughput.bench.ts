// `npm run bench:sandbox`: requests per second for GET appointment-by-id on loopback, the sandbox
// side by side with a bare node:http server that sends the same headers and body, in one run.
// Rounds alternate between the two so that noise on the machine hits both alike. Target: ≥ 0.9.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = 10;
const pipelining = 10;
const path = '/enterprises/acme/appointments/123';
const headers = { authorization: 'Bearer sandbox-token', 'accept-language': 'en *', 'x-correlation-id': 'bench' };

async function startServer(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bench-server.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = await once(child.stdout as NodeJS.ReadableStream, 'data');
  return { url: String(chunk).trim(), child };
}

async function requestsPerSecond(name: string, url: string, duration: number): Promise<number> {
  const result = await autocannon({ url: `${url}${path}`, headers, connections, pipelining, duration });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return result.requests.average;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const sandbox = await startServer(['sandbox']);
const sample = await fetch(`${sandbox.url}${path}`, { headers });
const sampleHeaders = Object.fromEntries(
  [...sample.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
);
const bare = await startServer(['bare', JSON.stringify({ headers: sampleHeaders, body: await sample.text() })]);

try {
  console.log(
    `GET ${path}: ${rounds} alternating rounds of ${seconds} s, ${connections} connections × ${pipelining} pipelined, ` +
      `autocannon on the same machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`,
  );
  await requestsPerSecond('warm-up', bare.url, 1);
  await requestsPerSecond('warm-up', sandbox.url, 1);
  const figures = { bare: [] as number[], sandbox: [] as number[] };
  for (let round = 1; round <= rounds; round++) {
    figures.bare.push(await requestsPerSecond('bare', bare.url, seconds));
    figures.sandbox.push(await requestsPerSecond('sandbox', sandbox.url, seconds));
    console.log(
      `round ${round}: bare ${figures.bare.at(-1)?.toFixed(0)} req/s, sandbox ${figures.sandbox.at(-1)?.toFixed(0)} req/s`,
    );
  }
  const ratio = median(figures.sandbox) / median(figures.bare);
  console.log(
    `median:  bare ${median(figures.bare).toFixed(0)} req/s, sandbox ${median(figures.sandbox).toFixed(0)} req/s`,
  );
  console.log(`ratio    ${ratio.toFixed(2)} (sandbox / bare; target ≥ 0.90)`);
} finally {
  sandbox.child.kill();
  bare.child.kill();
}
