// `npm run bench:load-script`: requests per second that load/lookup.ts drives through k6, beside a
// bare k6 http.get loop (bench/k6/bare-get.ts), both closed-loop with the same VUs against the same
// bare node:http server answering the docs example, in paired rounds (paired-rounds.ts); k6 and the
// server get a core each where taskset exists. Target: lookup.ts at ≥ 0.7 of the bare loop.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import { runMain } from '../config/entry-point.ts';
import { typescriptProgram } from '../config/typescript-node.ts';
import { findK6, K6_INSTALL_HINT } from '../load/find-k6.ts';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { baselineFirst, median, pairedRatio, roundCount } from './paired-rounds.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = roundCount(process.env.BENCH_ROUNDS);
const vus = 16;
const pinned =
  cpus().length >= 2 && spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;
const onCore = (core: string, command: string[]) => (pinned ? ['taskset', '-c', core, ...command] : command);

async function startBareServer(): Promise<{ url: string; child: ChildProcess }> {
  const answer = {
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(docsAppointmentResponse()),
  };
  const [program, ...args] = onCore('1', [
    process.execPath,
    ...typescriptProgram('bench/bench-server.ts', 'bare', JSON.stringify(answer)),
  ]) as [string, ...string[]];
  const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = await once(child.stdout as NodeJS.ReadableStream, 'data');
  return { url: String(chunk).trim(), child };
}

// k6's own CPU time per request is steadier than requests per second on a noisy VM.
const timed = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;

/** Requests per second of one k6 run of `script`, closed-loop with `vus` VUs, and k6's CPU µs per request. */
async function k6Rate(k6: string, script: string, url: string): Promise<{ perSecond: number; cpu: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-load-'));
  mkdirSync(join(folder, 'load'));
  const summary = join(folder, 'rate.json');
  const cpuFile = join(folder, 'cpu.txt');
  const [program, ...args] = onCore('0', [
    ...(timed ? ['/usr/bin/time', '-f', '%U %S', '-o', cpuFile] : []),
    k6,
    'run',
    '--no-usage-report',
    '--quiet',
    '--vus',
    String(vus),
    '--duration',
    `${seconds}s`,
    script,
  ]) as [string, ...string[]];
  const child = spawn(program, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH,
      ENGAGE_BASE_URL: url,
      ENGAGE_ENTERPRISE: SANDBOX_DEFAULTS.enterprise,
      ENGAGE_TOKEN: SANDBOX_DEFAULTS.token,
      ENGAGE_APPOINTMENT_IDS: '123',
      ENGAGE_LOAD_LANGUAGES: 'en',
      ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT: 'true',
      ENGAGE_REPORTS_DIR: folder,
      BENCH_SUMMARY: summary,
    },
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += chunk;
  });
  const [code] = await once(child, 'exit');
  try {
    if (code !== 0) throw new Error(`${script} exited with ${code}:\n${errors}`);
    const file = script === 'load/lookup.ts' ? join(folder, 'load', 'summary.json') : summary;
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const perSecond: number = data.rate ?? data.metrics.http_reqs.values.rate;
    const cpuSeconds = timed
      ? readFileSync(cpuFile, 'utf8')
          .trim()
          .split(/\s+/)
          .reduce((total, value) => total + Number(value), 0)
      : Number.NaN;
    return { perSecond, cpu: (cpuSeconds * 1e6) / (perSecond * seconds) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await runMain(async () => {
  const k6 = findK6(process.env);
  if (k6 === undefined) {
    console.error(K6_INSTALL_HINT);
    process.exitCode = 127;
    return;
  }
  const version = spawnSync(k6, ['version'], { encoding: 'utf8' }).stdout.trim();
  const server = await startBareServer();
  try {
    console.log(
      `${version}: ${rounds} alternating rounds of ${seconds} s, ${vus} VUs closed-loop, against a bare node:http server ` +
        `(${pinned ? 'k6 on core 0, server on core 1' : 'sharing the cores'}): ${cpus().length} × ${cpus()[0]?.model.trim()}`,
    );
    const figures = {
      bare: [] as number[],
      lookup: [] as number[],
      bareCpu: [] as number[],
      lookupCpu: [] as number[],
    };
    for (let round = 1; round <= rounds; round++) {
      const runBare = () => k6Rate(k6, 'bench/k6/bare-get.ts', server.url);
      const runLookup = () => k6Rate(k6, 'load/lookup.ts', server.url);
      const first = baselineFirst(round) ? await runBare() : await runLookup();
      const second = baselineFirst(round) ? await runLookup() : await runBare();
      const [bare, lookup] = baselineFirst(round) ? [first, second] : [second, first];
      figures.bare.push(bare.perSecond);
      figures.lookup.push(lookup.perSecond);
      figures.bareCpu.push(bare.cpu);
      figures.lookupCpu.push(lookup.cpu);
      console.log(
        `round ${round}: bare http.get ${bare.perSecond.toFixed(0)} req/s (${bare.cpu.toFixed(0)} µs k6 CPU each), ` +
          `load/lookup.ts ${lookup.perSecond.toFixed(0)} req/s (${lookup.cpu.toFixed(0)} µs), ratio ${(lookup.perSecond / bare.perSecond).toFixed(2)}`,
      );
    }
    const [bare, lookup] = [median(figures.bare), median(figures.lookup)];
    const [bareCpu, lookupCpu] = [median(figures.bareCpu), median(figures.lookupCpu)];
    console.log(
      `median:  bare http.get ${bare.toFixed(0)} req/s, ${bareCpu.toFixed(0)} µs k6 CPU each; load/lookup.ts ${lookup.toFixed(0)} req/s, ${lookupCpu.toFixed(0)} µs each`,
    );
    console.log(
      `ratio    ${pairedRatio(figures.lookup, figures.bare).toFixed(2)} req/s (lookup.ts / bare, rounds paired; target ≥ 0.70); CPU per request ${pairedRatio(figures.bareCpu, figures.lookupCpu).toFixed(2)} (bare / lookup.ts)`,
    );
  } finally {
    server.child.kill();
  }
});
