// Two `npm start` runs in one reports folder: the second is refused with one line naming the first,
// which passes untouched; a lock left by a run that is gone is taken over; a folder that cannot be
// made is refused in one line, and so is a pact folder (ENGAGE_PACT_DIR) that is a file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../config/config-error.ts';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { typescriptProgram } from '../config/typescript-node.ts';
import { emptyConfigFolder, runEntryPoint, startProgram, waitWhileRunning } from '../testing/run-entry-point.ts';
import { standInK6Binary } from '../testing/stand-in-k6.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { lockReportsFolder } from './run-lock.ts';

const folder = () => temporaryFolder('lock');

describe('the reports folder lock', () => {
  it('refuses a second holder while the first runs, and frees the folder on release', () => {
    const reports = folder();
    const release = lockReportsFolder(reports);
    assert.throws(
      () => lockReportsFolder(reports),
      (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, new RegExp(`is in use by another npm start \\(pid ${process.pid}, started `));
        return true;
      },
    );
    release();
    lockReportsFolder(reports)();
  });
  it('takes over a lock whose run is gone', () => {
    const reports = folder();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(inReports(reports, REPORT_FILES.lock), JSON.stringify({ pid: Number(gone.stdout), started: 'then' }));
    lockReportsFolder(reports)();
  });
});

describe('two npm start runs in one folder', () => {
  it('the second is refused in one line naming the first, and the first passes', async () => {
    const reports = folder();
    // The first run's load layer holds until the second has been refused.
    const go = join(reports, 'go');
    const environment = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ENGAGE_CONFIG_DIR: emptyConfigFolder(),
      ENGAGE_REPORTS_DIR: reports,
      K6_BIN: standInK6Binary(),
      STAND_IN_K6_WAIT_FOR: go,
    };
    const first = startProgram(process.execPath, typescriptProgram('runner/main.ts', '--only', 'load'), environment);
    await waitWhileRunning(first, () => first.output().includes('▶ [1/1]'), 'the first run started its load layer');
    const second = await runEntryPoint('runner/main.ts', { ENGAGE_REPORTS_DIR: reports }, [
      '--only',
      'schemas',
    ]).finally(() => writeFileSync(go, ''));
    assert.equal(second.code, 2, second.output);
    assert.match(
      second.output,
      new RegExp(
        `^configuration error: ENGAGE_REPORTS_DIR ".*" is in use by another npm start \\(pid ${first.child.pid}, `,
        'm',
      ),
    );
    // The refused run writes no report of its own over the running one's folder.
    assert.ok(!existsSync(join(reports, 'summary.md')), 'no summary.md before the first run ends');
    assert.ok(existsSync(join(reports, 'logs')), "the first run's logs are still there");
    const code = await first.exited;
    assert.equal(code, 0, first.output());
    assert.match(first.output(), /the suite passed/);
  });
});

describe('npm start with a reports or pact folder that cannot be made', () => {
  it('is refused in one line naming ENGAGE_REPORTS_DIR, with exit code 2 and no stack trace', async () => {
    const file = join(folder(), 'a-file');
    writeFileSync(file, '');
    const { code, output } = await runEntryPoint('runner/main.ts', { ENGAGE_REPORTS_DIR: `${file}/reports` }, [
      '--only',
      'schemas',
    ]);
    assert.equal(code, 2, output);
    assert.match(
      output,
      /^configuration error: ENGAGE_REPORTS_DIR ".*\/a-file\/reports" cannot be the reports folder: .*\/a-file is a file, not a folder$/m,
    );
    assert.doesNotMatch(output, /^\s+at /m);
  });
  it('refuses an ENGAGE_PACT_DIR that is a file in one line, before any layer, with a NOT RUN summary', async () => {
    const reports = folder();
    const file = join(folder(), 'a-file');
    writeFileSync(file, '');
    const { code, output } = await runEntryPoint(
      'runner/main.ts',
      { ENGAGE_REPORTS_DIR: reports, ENGAGE_PACT_DIR: file },
      ['--only', 'schemas'],
    );
    assert.equal(code, 2, output);
    assert.match(
      output,
      /^configuration error: ENGAGE_PACT_DIR ".*\/a-file" cannot be the pact folder: .*\/a-file is a file, not a folder$/m,
    );
    assert.doesNotMatch(output, /schema self-check|^\s+at /m);
    assert.match(readFileSync(join(reports, 'summary.md'), 'utf8'), /: NOT RUN$/m);
  });
});
