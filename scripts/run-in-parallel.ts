// Runs npm scripts at the same time: the first one's output streams as it comes, each other one's is
// printed whole, in the order given, once it is done; then each failed one's failing tests again, and
// it exits non-zero. `npm test` uses it for test runs that wait on child processes and sockets more
// than they use the CPU.
// npm test tests the suite itself, against what its tests start: the scripts run without the
// ENGAGE_*, SANDBOX_* and PACT_BROKER_* settings of the shell, a CI project or .env (but
// ENGAGE_REPORTS_DIR), so that a developer's staging settings never send them to staging, and
// without k6's own K6_* options (but K6_BIN and K6_NO_USAGE_REPORT), which would change what the
// real-k6 tests run.
// Each script runs as `npm run` would run it (sh, node_modules/.bin on the PATH), without starting
// npm itself: about 0.25 s of CPU each.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { isK6RunVariable, isProxyVariable, isSuiteVariable } from '../config/setting-names.ts';
import { failureDigest } from './failure-digest.ts';

const scripts = process.argv.slice(2);
const defined: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
const unknown = scripts.filter((script) => defined[script] === undefined);
if (scripts.length === 0 || unknown.length > 0) {
  console.error(
    `usage: run-in-parallel.ts <npm script> [<npm script> ...]${unknown.length > 0 ? `; package.json has no script ${unknown.join(', ')}` : ''}`,
  );
  process.exit(2);
}
// Proxy settings too: every test talks to 127.0.0.1, which k6 and Pact's verifier would send through them.
const ignored = Object.keys(process.env).filter(
  (name) => (isSuiteVariable(name) && name !== 'ENGAGE_REPORTS_DIR') || isProxyVariable(name) || isK6RunVariable(name),
);
if (ignored.length > 0 || existsSync('.env'))
  console.log(
    `npm test ignores ${[...ignored.sort(), ...(existsSync('.env') ? ['.env'] : [])].join(', ')}: the suite's own tests run against what they start themselves`,
  );
const NO_ENV_FILES = resolve('node_modules/.cache/no-env-files');
mkdirSync(NO_ENV_FILES, { recursive: true });
const environment = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !ignored.includes(name))),
  // A folder without .env files.
  ENGAGE_CONFIG_DIR: NO_ENV_FILES,
  PATH: `${resolve('node_modules/.bin')}${delimiter}${process.env.PATH}`,
  // Node 22.1 and later keep the code they compile there for every later process (Node 20 ignores
  // it): about 5 % of npm test's CPU on Node 22. npm ci clears it with node_modules.
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? resolve('node_modules/.cache/node-compile-cache'),
};

const runs = scripts.map(
  (script) =>
    new Promise<{ script: string; streamed: boolean; code: number; output: string; seconds: number }>((resolve) => {
      const started = performance.now();
      const streamed = script === scripts[0];
      const child = spawn('sh', ['-c', defined[script] as string], {
        env: environment,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (streamed) process.stdout.write(chunk);
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
        if (streamed) process.stderr.write(chunk);
      });
      child.on('close', (code) =>
        resolve({ script, streamed, code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }),
      );
    }),
);

const failed: { script: string; output: string }[] = [];
for (const run of runs) {
  const { script, streamed, code, output, seconds } = await run;
  if (!streamed) process.stdout.write(`\n> npm run ${script}\n${output}`);
  if (code !== 0) {
    failed.push({ script, output });
    console.error(`npm run ${script} failed with exit code ${code} after ${seconds.toFixed(1)} s`);
  } else console.log(`npm run ${script} passed in ${seconds.toFixed(1)} s`);
}
for (const { script, output } of failed)
  console.error(`\nWhat failed in npm run ${script}:\n${failureDigest(output).join('\n')}`);
process.exit(failed.length === 0 ? 0 : 1);
