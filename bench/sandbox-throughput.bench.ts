// `npm run bench:sandbox`: requests per second for GET appointment-by-id on loopback, the sandbox
// side by side with a bare node:http server that sends the same headers and body, in one run.
// Paired rounds (paired-rounds.ts) so that noise on the machine hits both alike, and where taskset
// exists the load generator and the server get a core each, so they do not steal from each other.
// Target: ≥ 0.9.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { appointmentPath, SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import { typescriptProgram } from '../config/typescript-node.ts';
import { baselineFirst, median, pairedRatio, roundCount } from './paired-rounds.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = roundCount(process.env.BENCH_ROUNDS);
const connections = 10;
const pipelining = 10;
const path = appointmentPath(SANDBOX_DEFAULTS.enterprise, '123');
const headers = {
  authorization: `Bearer ${SANDBOX_DEFAULTS.token}`,
  'accept-language': 'en *',
  'x-correlation-id': 'bench',
};

// The load generator on core 0, each server on core 1.
const pinned =
  cpus().length >= 2 && spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;

async function startServer(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const command = [process.execPath, ...typescriptProgram('bench/bench-server.ts', ...args)];
  const [program, ...programArgs] = (pinned ? ['taskset', '-c', '1', ...command] : command) as [string, ...string[]];
  const child = spawn(program, programArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = await once(child.stdout as NodeJS.ReadableStream, 'data');
  return { url: String(chunk).trim(), child };
}

/** The server's CPU time so far, in µs, as it reports it. */
async function cpuMicroseconds(server: ChildProcess): Promise<number> {
  const answer = once(server.stdout as NodeJS.ReadableStream, 'data');
  server.stdin?.write('cpu\n');
  return Number(String((await answer)[0]).trim());
}

/** Requests per second, and the server's CPU µs per request, over one round. */
async function measure(name: string, server: { url: string; child: ChildProcess }, duration: number) {
  const cpuBefore = await cpuMicroseconds(server.child);
  const result = await autocannon({ url: `${server.url}${path}`, headers, connections, pipelining, duration });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  const cpuPerRequest = ((await cpuMicroseconds(server.child)) - cpuBefore) / result.requests.total;
  return { perSecond: result.requests.average, cpuPerRequest };
}

const sandbox = await startServer(['sandbox']);
const sample = await fetch(`${sandbox.url}${path}`, { headers });
const sampleHeaders = Object.fromEntries(
  [...sample.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
);
const bare = await startServer(['bare', JSON.stringify({ headers: sampleHeaders, body: await sample.text() })]);

try {
  console.log(
    `GET ${path}: ${rounds} alternating rounds of ${seconds} s, ${connections} connections × ${pipelining} pipelined, ` +
      `autocannon ${pinned ? 'on core 0, server on core 1' : 'sharing the cores'}: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`,
  );
  await measure('warm-up', bare, 1);
  await measure('warm-up', sandbox, 1);
  const figures = {
    bare: { perSecond: [] as number[], cpu: [] as number[] },
    sandbox: { perSecond: [] as number[], cpu: [] as number[] },
  };
  for (let round = 1; round <= rounds; round++) {
    const line = [];
    const sides = [
      ['bare', bare],
      ['sandbox', sandbox],
    ] as const;
    for (const [name, server] of baselineFirst(round) ? sides : [...sides].reverse()) {
      const { perSecond, cpuPerRequest } = await measure(name, server, seconds);
      figures[name].perSecond.push(perSecond);
      figures[name].cpu.push(cpuPerRequest);
      line.push(`${name} ${perSecond.toFixed(0)} req/s (${cpuPerRequest.toFixed(1)} µs CPU each)`);
    }
    console.log(`round ${round}: ${line.join(', ')}`);
  }
  const [bareRate, sandboxRate] = [median(figures.bare.perSecond), median(figures.sandbox.perSecond)];
  const [bareCpu, sandboxCpu] = [median(figures.bare.cpu), median(figures.sandbox.cpu)];
  console.log(
    `median:  bare ${bareRate.toFixed(0)} req/s, ${bareCpu.toFixed(1)} µs CPU each; sandbox ${sandboxRate.toFixed(0)} req/s, ${sandboxCpu.toFixed(1)} µs CPU each`,
  );
  console.log(
    `ratio    ${pairedRatio(figures.sandbox.perSecond, figures.bare.perSecond).toFixed(2)} req/s (sandbox / bare, rounds paired; target ≥ 0.90); CPU per request ${pairedRatio(figures.bare.cpu, figures.sandbox.cpu).toFixed(2)} (bare / sandbox, steadier)`,
  );
} finally {
  sandbox.child.kill();
  bare.child.kill();
}
