// `npm run bench`: the wall time of `npm test` and of `npm start` on the sandbox beside their targets
// and beside the previous run's figures (bench/wall-times.json, rewritten by each run: commit it to
// keep it), then the sandbox's throughput beside a bare node:http server (bench:sandbox).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { findK6 } from '../load/find-k6.ts';

const targets: Record<string, number> = { 'npm test': 30, 'npm start': 60 };
const recordFile = new URL('./wall-times.json', import.meta.url);

interface WallTimes {
  date: string;
  machine: string;
  seconds: Record<string, number>;
}

function wallTime(command: string, args: string[]): { seconds: number; status: number | null } {
  const started = performance.now();
  const { status } = spawnSync(command, args, {
    stdio: 'ignore',
    env: { ...process.env, CI: '' },
  });
  return { seconds: (performance.now() - started) / 1000, status };
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`;
const previous = existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as WallTimes) : undefined;
const k6 = findK6(process.env);
console.log(
  `wall times on ${machine}, after npm ci, ${k6 === undefined ? 'no k6 (the real-k6 tests skip)' : `with ${k6}`}`,
);
if (previous !== undefined) console.log(`previous run: ${previous.date} on ${previous.machine}`);
const record: WallTimes = { date: new Date().toISOString().slice(0, 10), machine, seconds: {} };
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
