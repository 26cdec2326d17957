// Proves how npm test runs its parts at once: every script runs as npm would run it, the first one's
// output streams, the others' follow whole, one line each says how it ended, any failure fails it and
// is repeated at the end, and each script gets the project's Node compile cache.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isK6RunVariable, isProxyVariable, isSuiteVariable } from '../config/setting-names.ts';
import { typescriptProgram } from '../config/typescript-node.ts';
import { runProgram } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';

const project = temporaryFolder('run-in-parallel');
mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
writeFileSync(join(project, 'node_modules', '.bin', 'local-tool'), '#!/bin/sh\necho "local tool ran"\n', {
  mode: 0o755,
});
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({
    scripts: {
      first: 'sleep 0.2 && echo "first out"',
      tool: 'local-tool',
      broken: 'echo "broken out" && exit 3',
      cache: 'echo "compile cache: $NODE_COMPILE_CACHE"',
      settings:
        'echo "settings: [$ENGAGE_BASE_URL] [$ENGAGE_TOKEN] [$ENGAGE_REPORTS_DIR] [$ENGAGE_CONFIG_DIR] [$HTTPS_PROXY$http_proxy] [$K6_NO_THRESHOLDS] [$K6_BIN]"',
    },
  }),
);
/** This process's environment without the suite's settings, proxies and k6 options, which npm test would report ignoring. */
const plain = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !isSuiteVariable(name) && !isProxyVariable(name) && !isK6RunVariable(name),
  ),
);
const run = (...scripts: string[]) =>
  runProgram(process.execPath, typescriptProgram('scripts/run-in-parallel.ts', ...scripts), plain, project);

describe('run-in-parallel', () => {
  it('runs each script as npm would, with node_modules/.bin on the PATH, and passes when all pass', async () => {
    const { code, output } = await run('first', 'tool');
    assert.equal(code, 0, output);
    assert.match(
      output,
      /^first out\nnpm run first passed in \d+\.\d s\n\n> npm run tool\nlocal tool ran\nnpm run tool passed in \d+\.\d s\n$/,
    );
  });

  it("runs the scripts without the suite's settings of the shell or .env, but ENGAGE_REPORTS_DIR, saying which it ignores", async () => {
    const folder = temporaryFolder('run-in-parallel-env');
    cpSync(project, folder, { recursive: true });
    writeFileSync(join(folder, '.env'), 'ENGAGE_BASE_URL=https://staging.from-dot-env.example\n');
    const { code, output } = await runProgram(
      process.execPath,
      typescriptProgram('scripts/run-in-parallel.ts', 'settings'),
      {
        ...plain,
        ENGAGE_BASE_URL: 'https://staging.example',
        ENGAGE_TOKEN: 'staging-token-under-test',
        ENGAGE_REPORTS_DIR: 'test-reports',
        // Every test talks to 127.0.0.1, which k6 would send through a proxy.
        HTTPS_PROXY: 'http://proxy.example:3128',
        http_proxy: 'http://proxy.example:3128',
        // k6's own options would change the real-k6 runs; where k6 is stays.
        K6_NO_THRESHOLDS: 'true',
        K6_BIN: '/opt/k6/k6',
        K6_NO_USAGE_REPORT: 'true',
      },
      folder,
    );
    assert.equal(code, 0, output);
    assert.match(
      output,
      /^npm test ignores ENGAGE_BASE_URL, ENGAGE_TOKEN, HTTPS_PROXY, K6_NO_THRESHOLDS, http_proxy, \.env: the suite's own tests run against what they start themselves$/m,
    );
    assert.match(
      output,
      /^settings: \[\] \[\] \[test-reports\] \[\S+\/node_modules\/\.cache\/no-env-files\] \[\] \[\] \[\/opt\/k6\/k6\]$/m,
    );
    assert.doesNotMatch(output, /staging-token-under-test/);
  });

  it("gives every script a Node compile cache in the project's node_modules/.cache, unless one is set", async () => {
    const { NODE_COMPILE_CACHE: _set, ...unset } = plain;
    const given = await runProgram(
      process.execPath,
      typescriptProgram('scripts/run-in-parallel.ts', 'cache'),
      { ...unset, NODE_COMPILE_CACHE: '/elsewhere' },
      project,
    );
    assert.match(given.output, /^compile cache: \/elsewhere$/m);
    const { output } = await runProgram(
      process.execPath,
      typescriptProgram('scripts/run-in-parallel.ts', 'cache'),
      unset,
      project,
    );
    assert.ok(
      output.includes(`compile cache: ${join(realpathSync(project), 'node_modules/.cache/node-compile-cache')}\n`),
      output,
    );
  });

  it('fails when one script fails, naming it and its exit code, and ends with what it said of its failure', async () => {
    const { code, output } = await run('broken', 'first');
    assert.equal(code, 1, output);
    assert.match(output, /^broken out\nnpm run broken failed with exit code 3 after \d+\.\d s$/m);
    assert.match(
      output,
      /\n> npm run first\nfirst out\nnpm run first passed in \d+\.\d s\n\nWhat failed in npm run broken:\nbroken out\n$/,
    );
  });

  it('refuses a script package.json does not have, naming it', async () => {
    const { code, output } = await run('first', 'nope');
    assert.equal(code, 2);
    assert.match(output, /package\.json has no script nope$/m);
  });
});
