// `npm run bench`: the wall time of `npm test` and of `npm start` on the sandbox beside their
// 60-second targets, then the sandbox's throughput beside a bare node:http server (bench:sandbox).
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

const targets = { 'npm test': 60, 'npm start': 60 };

function wallTime(command: string, args: string[]): { seconds: number; status: number | null } {
  const started = performance.now();
  const { status } = spawnSync(command, args, {
    stdio: 'ignore',
    env: { ...process.env, CI: '' },
  });
  return { seconds: (performance.now() - started) / 1000, status };
}

console.log(`wall times on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version} (after npm ci)`);
for (const [name, target] of Object.entries(targets)) {
  const [command, ...args] = name.split(' ') as [string, ...string[]];
  const { seconds, status } = wallTime(command, args);
  const verdict = status !== 0 ? `FAILED (exit ${status})` : seconds <= target ? 'within target' : 'OVER target';
  console.log(`${name.padEnd(10)} ${seconds.toFixed(1).padStart(6)} s   target ${target} s   ${verdict}`);
}
spawnSync('npm', ['run', '--silent', 'bench:sandbox'], { stdio: 'inherit' });
