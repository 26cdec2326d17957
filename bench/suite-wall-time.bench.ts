// `npm run bench`: the wall time of `npm test` and of `npm start` on the sandbox beside their targets
// and beside the previous run's figures (bench/wall-times.json, rewritten by each run: commit it to
// keep it), then the sandbox's throughput beside a bare node:http server (bench:sandbox). With
// `--against <commit>`, npm test here and at that commit instead, in turn, in paired rounds.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runMain } from '../config/entry-point.ts';
import { parseFlags } from '../config/parse-flags.ts';
import { findK6 } from '../load/find-k6.ts';
import { median, pairedRatio, pairedRounds, roundCount } from './paired-rounds.ts';
import { checkoutRevision, commitOf } from './revision-checkout.ts';

const targets: Record<string, number> = { 'npm test': 30, 'npm start': 60 };
const recordFile = new URL('./wall-times.json', import.meta.url);

interface WallTimes {
  date: string;
  /** The commit measured (absent in records before 2026-11-30). */
  commit?: string;
  machine: string;
  seconds: Record<string, number>;
}

function wallTime(command: string, args: string[], cwd = process.cwd()): { seconds: number; status: number | null } {
  const started = performance.now();
  const { status } = spawnSync(command, args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, CI: '' },
  });
  return { seconds: (performance.now() - started) / 1000, status };
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`;
const inSeconds = (value: number) => `${value.toFixed(1)} s`;

/**
 * npm test in this checkout and in a clone at `revision`, each run once to fill its caches, then in
 * BENCH_ROUNDS paired rounds (default 2): on a VM whose speed drifts by a quarter within minutes, a
 * figure beside one from another day says little.
 */
function againstRevision(revision: string): void {
  const dirty = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).stdout.trim() !== '';
  const here = { folder: process.cwd(), label: `${commitOf('.', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}` };
  const rounds = roundCount(process.env.BENCH_ROUNDS ?? '2');
  const commit = commitOf('.', revision);
  console.log(`npm test here (${here.label}) and at ${commit}, ${rounds} paired rounds, on ${machine}`);
  console.log(`installing ${commit} in a clone of its own (npm ci)…`);
  const there = checkoutRevision('.', revision);
  try {
    const timed = (side: { folder: string; label: string }) => {
      const { seconds: taken, status } = wallTime('npm', ['test'], side.folder);
      if (status !== 0)
        throw new Error(`npm test failed at ${side.label} (exit ${status}): a failed run's time is no figure`);
      return taken;
    };
    for (const side of [there, here]) {
      console.log(`filling the caches: npm test at ${side.label}, untimed…`);
      timed(side);
    }
    const figures = pairedRounds(here, there, rounds, timed, (round, { measured, baseline }) =>
      console.log(`round ${round} of ${rounds}: ${inSeconds(measured)} here, ${inSeconds(baseline)} at ${there.label}`),
    );
    const ratio = pairedRatio(figures.measured, figures.baseline);
    const target = targets['npm test'] as number;
    const verdict = median(figures.measured) <= target ? 'within target' : 'OVER target';
    console.log(
      `npm test   ${inSeconds(median(figures.measured))} here   ${inSeconds(median(figures.baseline))} at ${there.label}   ratio ${ratio.toFixed(2)}   target ${target} s   ${verdict}`,
    );
  } finally {
    there.close();
  }
}

/** The wall times of npm test and npm start beside the previous run's, then bench:sandbox. */
function besidePreviousRun(): void {
  const previous = existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as WallTimes) : undefined;
  const k6 = findK6(process.env);
  console.log(
    `wall times on ${machine}, after npm ci, ${k6 === undefined ? 'no k6 (the real-k6 tests skip)' : `with ${k6}`}`,
  );
  if (previous !== undefined)
    console.log(
      `previous run: ${previous.date}${previous.commit === undefined ? '' : ` at ${previous.commit}`} on ${previous.machine}${previous.commit === undefined ? '' : ` (paired rounds against it, which this VM's drift does not skew: npm run bench -- --against ${previous.commit})`}`,
    );
  const record: WallTimes = {
    date: new Date().toISOString().slice(0, 10),
    commit: commitOf('.', 'HEAD'),
    machine,
    seconds: {},
  };
  for (const [name, target] of Object.entries(targets)) {
    const [command, ...args] = name.split(' ') as [string, ...string[]];
    const { seconds, status } = wallTime(command, args);
    if (status === 0) record.seconds[name] = Math.round(seconds * 10) / 10;
    const verdict = status !== 0 ? `FAILED (exit ${status})` : seconds <= target ? 'within target' : 'OVER target';
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

await runMain(() => {
  const { against } = parseFlags(
    process.argv.slice(2),
    {
      against: {
        type: 'string',
        help: 'time npm test here and at this commit in turn, in paired rounds (BENCH_ROUNDS, default 2), instead',
      },
    },
    'npm run bench',
    'Times npm test and npm start beside their targets and the previous run, then runs bench:sandbox.',
  );
  if (typeof against === 'string') againstRevision(against);
  else besidePreviousRun();
});
