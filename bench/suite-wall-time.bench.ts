// `npm run bench`: the wall time of `npm test` and of `npm start` on the sandbox beside their targets
// and beside the previous run's figures (bench/wall-times.json, rewritten by each run: commit it to
// keep it), then the sandbox's throughput beside a bare node:http server (bench:sandbox). With
// `--against <commit>`, npm test here and at that commit instead, in turn, in paired rounds.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CODE_FOR, forwardStopSignals, interruption, spawnWithDeadline } from '../config/child-processes.ts';
import { runMain } from '../config/entry-point.ts';
import { git } from '../config/git.ts';
import { parseFlags } from '../config/parse-flags.ts';
import { findK6 } from '../load/find-k6.ts';
import { median, pairedRatio, pairedRounds, roundCount } from './paired-rounds.ts';
import { againstCommit, BenchFailure, checkoutRevision, commitOf } from './revision-checkout.ts';

const targets: Record<string, number> = { 'npm test': 30, 'npm start': 60 };
const recordFile = new URL('./wall-times.json', import.meta.url);

interface WallTimes {
  date: string;
  /** The commit measured (absent in records before 2026-11-30). */
  commit?: string;
  machine: string;
  seconds: Record<string, number>;
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`;
const inSeconds = (value: number) => `${value.toFixed(1)} s`;
const uncommitted = () => git('status', '--porcelain') !== undefined;

/** A command may take this long before it is stopped. */
const DEADLINE_MILLISECONDS = 30 * 60 * 1000;

interface TimedRun {
  seconds: number;
  /** Why the run is no figure (a failure, its deadline), naming the log it left; undefined when it passed. */
  failure?: string;
}

/**
 * The wall time of `npm <script>` in `folder`, in a process group of its own that a Ctrl-C or SIGTERM
 * to the benchmark stops whole; its output goes to a log, kept only when it fails.
 */
async function timedRun(script: string, folder: string, label: string): Promise<TimedRun> {
  const log = join(tmpdir(), `engage-bench-npm-${script}-${label.split(' ')[0]}.log`);
  const output = openSync(log, 'w');
  const started = performance.now();
  const { finished } = spawnWithDeadline(
    'npm',
    [script],
    { cwd: folder, stdio: ['ignore', output, output], env: { ...process.env, CI: '' } },
    DEADLINE_MILLISECONDS,
  );
  const { code, timedOut } = await finished;
  const seconds = (performance.now() - started) / 1000;
  closeSync(output);
  const interrupted = interruption();
  if (interrupted !== undefined) {
    rmSync(log, { force: true });
    throw new BenchFailure(`interrupted during npm ${script} at ${label}`, interrupted);
  }
  if (code === 0) {
    rmSync(log, { force: true });
    return { seconds };
  }
  const why = timedOut ? `did not finish within ${DEADLINE_MILLISECONDS / 60_000} minutes` : `failed (exit ${code})`;
  return { seconds, failure: `npm ${script} ${why} at ${label}: its output is in ${log}` };
}

/** npm test's wall time at `side`; a failed run is no figure, and ends the benchmark. */
async function timedNpmTest(side: { folder: string; label: string }): Promise<number> {
  const { seconds, failure } = await timedRun('test', side.folder, side.label);
  if (failure !== undefined) throw new BenchFailure(`${failure}; a failed run's time is no figure`);
  return seconds;
}

/**
 * npm test in this checkout and in a clone at `revision`, each run once to fill its caches, then in
 * BENCH_ROUNDS paired rounds (default 2): on a VM whose speed moves by 10 to 25 % between runs
 * minutes apart, a figure beside one from another day says little.
 */
async function againstRevision(revision: string): Promise<void> {
  const commit = againstCommit(revision);
  const here = {
    folder: process.cwd(),
    label: `${commitOf('HEAD') ?? 'this checkout'}${uncommitted() ? ' with uncommitted changes' : ''}`,
  };
  const rounds = roundCount(process.env.BENCH_ROUNDS ?? '2');
  console.log(`npm test here (${here.label}) and at ${commit}, ${rounds} paired rounds, on ${machine}`);
  console.log(`installing ${commit} in a clone of its own (npm ci)…`);
  const there = await checkoutRevision(commit);
  try {
    for (const side of [there, here]) {
      console.log(`filling the caches: npm test at ${side.label}, untimed…`);
      await timedNpmTest(side);
    }
    const figures = await pairedRounds(here, there, rounds, timedNpmTest, (round, { measured, baseline }) =>
      console.log(`round ${round} of ${rounds}: ${inSeconds(measured)} here, ${inSeconds(baseline)} at ${there.label}`),
    );
    const target = targets['npm test'] as number;
    const verdict = median(figures.measured) <= target ? 'within target' : 'OVER target';
    console.log(
      `npm test   ${inSeconds(median(figures.measured))} here   ${inSeconds(median(figures.baseline))} at ${there.label}   time here / there ${pairedRatio(figures.measured, figures.baseline).toFixed(2)} (lower is faster)   target ${target} s   ${verdict}`,
    );
  } finally {
    there.close();
  }
}

/** The wall times of npm test and npm start beside the previous run's, then bench:sandbox. */
async function besidePreviousRun(): Promise<void> {
  const previous = existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as WallTimes) : undefined;
  const k6 = findK6(process.env);
  console.log(
    `wall times on ${machine}, after npm ci, ${k6 === undefined ? 'no k6 (the real-k6 tests skip)' : `with ${k6}`}`,
  );
  // The commit measured, when the checkout is one and holds no uncommitted change.
  const commit = uncommitted() ? undefined : commitOf('HEAD');
  if (previous !== undefined) {
    const at = previous.commit === undefined ? '' : ` at ${previous.commit}`;
    const paired =
      previous.commit === undefined || previous.commit === commit
        ? ''
        : ` (npm run bench -- --against ${previous.commit} times both in turn, less skewed by the machine's drift)`;
    console.log(`previous run: ${previous.date}${at} on ${previous.machine}${paired}`);
  }
  const record: WallTimes = { date: new Date().toISOString().slice(0, 10), commit, machine, seconds: {} };
  const here = commit ?? 'this checkout';
  for (const [name, target] of Object.entries(targets)) {
    const { seconds, failure } = await timedRun(name.replace(/^npm /, ''), process.cwd(), here);
    if (failure === undefined) record.seconds[name] = Math.round(seconds * 10) / 10;
    const verdict = failure !== undefined ? `FAILED: ${failure}` : seconds <= target ? 'within target' : 'OVER target';
    const before = previous?.seconds[name];
    console.log(
      `${name.padEnd(10)} ${seconds.toFixed(1).padStart(6)} s   previous ${before === undefined ? '—' : `${before.toFixed(1)} s`}   target ${target} s   ${verdict}`,
    );
  }
  // A failed run's time is no figure to compare the next one with.
  if (Object.keys(record.seconds).length === Object.keys(targets).length)
    writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  else console.log(`not recorded in ${recordFile.pathname}: a command failed`);
  spawnSync('npm', ['run', '--silent', 'bench:sandbox'], { stdio: 'inherit' });
}

await runMain(async () => {
  const { against } = parseFlags(
    process.argv.slice(2),
    {
      against: {
        type: 'string',
        value: 'commit',
        help: 'time npm test here and at this commit in turn, in paired rounds (BENCH_ROUNDS, default 2), instead',
      },
    },
    'npm run bench',
    'Times npm test and npm start beside their targets and the previous run, then runs bench:sandbox.',
  );
  forwardStopSignals();
  try {
    if (typeof against === 'string') await againstRevision(against);
    else await besidePreviousRun();
  } catch (error) {
    if (!(error instanceof BenchFailure)) throw error;
    console.error(error.message);
    process.exitCode = error.signal === undefined ? 1 : EXIT_CODE_FOR[error.signal];
  }
});
